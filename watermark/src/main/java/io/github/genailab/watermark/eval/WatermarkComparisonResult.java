package io.github.genailab.watermark.eval;

import io.github.genailab.core.math.Checks;
import java.util.List;
import java.util.Locale;

/**
 * The side-by-side comparison of watermark families on the same prompts and human texts: one
 * {@link ComparisonRow} per family (and one for KGW with beam search), with the quantities every line is read
 * against.
 *
 * @param options the options of the run
 * @param humanTexts how many human texts gave the false-positive rates and the ROC curves
 * @param attacks the attack names, in the order of each row's {@code tprUnderAttack}
 * @param plainPerplexity the oracle perplexity of unwatermarked samples from the same prompts (the baseline)
 * @param rows one row per family, in the order given
 *
 * @since 0.1.0
 */
public record WatermarkComparisonResult(WatermarkComparisonOptions options, int humanTexts, List<String> attacks,
        double plainPerplexity, List<ComparisonRow> rows) {

    /**
     * Copies the lists in.
     *
     * @param options the options of the run
     * @param humanTexts the number of human texts
     * @param attacks the attack names
     * @param plainPerplexity the oracle perplexity of unwatermarked samples
     * @param rows one row per family
     * @throws NullPointerException if a reference component or a list element is null
     */
    public WatermarkComparisonResult {
        Checks.notNull(options, "options");
        attacks = List.copyOf(Checks.noNullElements(attacks, "attacks"));
        rows = List.copyOf(Checks.noNullElements(rows, "rows"));
    }

    /**
     * Returns the row of a family.
     *
     * @param watermark the family's name as in its row
     * @return the row
     * @throws IllegalArgumentException if no row has that name
     */
    public ComparisonRow row(String watermark) {
        return rows.stream().filter(r -> r.watermark().equals(watermark)).findFirst()
                .orElseThrow(() -> Checks.fail("watermark", "name a row of this comparison", watermark));
    }

    /**
     * Formats the comparison as three plain-text tables: detectability, robustness, quality.
     *
     * @return the tables, one line per family each
     */
    public String table() {
        StringBuilder out = new StringBuilder();
        int[] lengths = options.lengths();
        out.append(String.format(Locale.ROOT, "Detectability: %d watermarked texts per family, %d human texts, "
                + "flag at p < %s%n", options.texts(), humanTexts, options.alpha()));
        out.append(String.format(Locale.ROOT, "%-22s %6s %6s %7s %8s %9s", "watermark", "TPR", "FPR", "AUC",
                "TPR@1%", "TPR@0.1%"));
        for (int l : lengths) {
            out.append(String.format(Locale.ROOT, " %7s", "T=" + l));
        }
        out.append(String.format("%n"));
        for (ComparisonRow r : rows) {
            out.append(String.format(Locale.ROOT, "%-22s %6.3f %6.3f %7.4f %8.3f %9.3f", r.watermark(),
                    r.truePositiveRate(), r.falsePositiveRate(), r.auc(), r.tprAtFpr1(), r.tprAtFpr01()));
            for (double t : r.tprByLength()) {
                out.append(String.format(Locale.ROOT, " %7.3f", t));
            }
            out.append(String.format("%n"));
        }
        out.append(String.format("%nRobustness: TPR at p < %s after each attack%n", options.alpha()));
        out.append(String.format(Locale.ROOT, "%-22s", "watermark"));
        for (String a : attacks) {
            out.append(String.format(Locale.ROOT, " %12s", a));
        }
        out.append(String.format("%n"));
        for (ComparisonRow r : rows) {
            out.append(String.format(Locale.ROOT, "%-22s", r.watermark()));
            for (String a : attacks) {
                Double t = r.tprUnderAttack().get(a);
                out.append(t == null ? String.format(Locale.ROOT, " %12s", "-")
                        : String.format(Locale.ROOT, " %12.3f", t));
            }
            out.append(String.format("%n"));
        }
        out.append(String.format(Locale.ROOT, "%nQuality: oracle perplexity (unwatermarked samples: %.2f); shift of the "
                + "next-token distribution: KL(one key's || model's) in nats, and the chi-square of the %d-key average "
                + "from the model's (unbiased estimate: 0 for a distribution-preserving family)%n", plainPerplexity,
                options.klKeys()));
        out.append(String.format(Locale.ROOT, "%-22s %10s %10s %20s %8s%n", "watermark", "perplexity", "KL(1 key)",
                "chi2(E_key q) +- se", "T"));
        for (ComparisonRow r : rows) {
            String chi = Double.isNaN(r.keyAveragedChiSquare()) ? "-"
                    : String.format(Locale.ROOT, "%.4f +- %.4f", r.keyAveragedChiSquare(), r.chiSquareError());
            out.append(String.format(Locale.ROOT, "%-22s %10.2f %10s %20s %8.1f%n", r.watermark(), r.perplexity(),
                    format(r.stepKl()), chi, r.meanTokensScored()));
        }
        return out.toString();
    }

    private static String format(double x) {
        return Double.isNaN(x) ? "-" : String.format(Locale.ROOT, "%.3f", x);
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "WatermarkComparisonResult[%d rows, %d texts x %d tokens, %d human texts, "
                + "alpha=%s, plain perplexity %.2f]", rows.size(), options.texts(), options.tokensPerText(), humanTexts,
                options.alpha(), plainPerplexity);
    }
}
