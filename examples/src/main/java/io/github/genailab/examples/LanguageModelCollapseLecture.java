package io.github.genailab.examples;

import io.github.genailab.collapse.Workflow;
import io.github.genailab.collapse.text.LanguageModelCollapse;
import io.github.genailab.collapse.text.LanguageModelCollapseEnsemble;
import io.github.genailab.collapse.text.LanguageModelCollapseMetric;
import io.github.genailab.collapse.text.LanguageModelCollapseOptions;
import io.github.genailab.collapse.text.LanguageModelCollapseResult;
import io.github.genailab.core.lm.DecodingOptions;
import io.github.genailab.core.math.Rngs;
import io.github.genailab.core.text.Corpora;
import java.io.IOException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.random.RandomGenerator;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.style.Styler;

/**
 * Collapse of language models (Shumailov et al., Nature 2024, main experiment): a trigram model trained on
 * tiny Shakespeare writes the next generation's training text from real prompts, generation after generation,
 * under three data workflows (replace; keep 10% of the real text, the paper's setting 2; accumulate, Gerstgrasser
 * et al. 2024) and three decoders (sampling at temperature 1, greedy, five-way beam search as in the paper).
 * Prints one table per setting (mean and spread over seeds) and draws the held-out perplexity by generation, the
 * per-sequence perplexity histograms of generations 0, 1, 5 and 9 under the generation-0 model, and the surviving
 * distinct trigrams. With {@code --model DIR} a pretrained checkpoint, not the generation-0 trigram model, is the
 * fixed judge of every generation's text (the text is re-encoded with the checkpoint's tokenizer).
 *
 * <p>Greedy decoding and beam search use no randomness under replace and accumulate, so those settings run once;
 * the others run once per seed.
 *
 * <pre>
 * mvn -q -DskipTests -Ptour package -Dexample=io.github.genailab.examples.LanguageModelCollapseLecture
 * </pre>
 */
public final class LanguageModelCollapseLecture {

    private static final int[] HISTOGRAM_GENERATIONS = {0, 1, 5, 9};

    private LanguageModelCollapseLecture() {
    }

    /**
     * Runs the lecture from the command line.
     *
     * @param args {@code [--seed N] [--out DIR] [--quick] [--model DIR]} (a checkpoint judges every generation)
     * @throws IOException if a figure cannot be written
     */
    public static void main(String[] args) throws IOException {
        Lecture.launch(args, "lm-collapse", LanguageModelCollapseLecture::run);
    }

    /**
     * Runs the lecture.
     *
     * @param args the parsed flags
     * @param out where the report goes
     * @throws IOException if a figure cannot be written
     */
    public static void run(LectureArgs args, PrintStream out) throws IOException {
        LanguageModelCollapseOptions base = LanguageModelCollapseOptions.defaults().withGenerations(args.size(10, 2))
                .withTrainingTokens(args.size(65_536, 2_048));
        if (args.model().isEmpty()) {
            run(args, out, base);
            return;
        }
        // A checkpoint (--model DIR) is the fixed judge of every generation's text, with its own tokenizer.
        try (LectureModel judge = LectureModel.open(args, 3, List.of())) {
            out.println("judge: " + judge.description());
            run(args, out, base.withJudge(judge.model(), judge.tokenizer()));
        }
    }

    private static void run(LectureArgs args, PrintStream out, LanguageModelCollapseOptions base) throws IOException {
        Figures figures = Figures.in(args.out(), out);
        int generations = base.generations();
        int seeds = args.size(3, 2);
        int threads = args.size(2, 1);
        out.println("settings: " + base);
        Map<String, DecodingOptions> decoders = new LinkedHashMap<>();
        decoders.put("sampling T=1", DecodingOptions.defaults());
        decoders.put("greedy", DecodingOptions.greedyDecoding());
        decoders.put("beam 5", DecodingOptions.beamSearch(5));
        Workflow[] workflows = {Workflow.replace(), Workflow.keepOriginal(0.1), Workflow.accumulate()};
        Map<String, List<LanguageModelCollapseEnsemble>> results = new LinkedHashMap<>();
        RandomGenerator.SplittableGenerator rng = Rngs.seeded(args.seed());
        for (Map.Entry<String, DecodingOptions> decoder : decoders.entrySet()) {
            List<LanguageModelCollapseEnsemble> row = new ArrayList<>();
            for (Workflow workflow : workflows) {
                LanguageModelCollapseOptions options = base.withDecoding(decoder.getValue()).withWorkflow(workflow);
                boolean deterministic = decoder.getValue().greedy() && workflow.kind() != Workflow.Kind.KEEP_ORIGINAL;
                int runs = deterministic ? 1 : seeds;
                long start = System.nanoTime();
                LanguageModelCollapseEnsemble ensemble;
                try (ProgressBar bar = new ProgressBar(out, decoder.getKey() + ", " + workflow + ": " + runs
                        + (runs == 1 ? " run" : " seeds"), runs)) {
                    ensemble = LanguageModelCollapse.runs(options, runs, rng.split(), Math.min(threads, runs),
                            (stage, done, total) -> bar.stepTo(done));
                }
                out.printf(Locale.ROOT, "%s (%.1f s)%n", ensemble, (System.nanoTime() - start) / 1e9);
                printTable(out, ensemble);
                row.add(ensemble);
            }
            results.put(decoder.getKey(), row);
        }
        LanguageModelCollapseResult sampled = results.get("sampling T=1").get(0).runs().get(0);
        out.println("generation 0 text:  " + excerpt(sampled.sampleDocuments()[0]));
        out.println("generation " + generations + " text (sampling, replace): "
                + excerpt(sampled.sampleDocuments()[generations]));
        LanguageModelCollapseResult beamed = results.get("beam 5").get(0).runs().get(0);
        out.println("generation " + generations + " text (beam 5, replace): "
                + excerpt(beamed.sampleDocuments()[generations]));

        List<XYChart> perplexity = new ArrayList<>();
        List<XYChart> ngrams = new ArrayList<>();
        for (Map.Entry<String, List<LanguageModelCollapseEnsemble>> e : results.entrySet()) {
            perplexity.add(byGeneration(e.getKey() + ": real held-out perplexity", "perplexity", e.getValue(),
                    LanguageModelCollapseMetric.HELD_OUT_PERPLEXITY));
            ngrams.add(byGeneration(e.getKey() + ": distinct trigrams in the training text", "distinct trigrams",
                    e.getValue(), LanguageModelCollapseMetric.DISTINCT_NGRAMS));
        }
        figures.save(perplexity, 1, perplexity.size(), "perplexity-by-generation",
                "perplexity of the real held-out text under each generation's model, by workflow and decoder");
        figures.save(List.of(histogram("sampling T=1, replace", sampled), histogram("beam 5, replace", beamed)), 1, 2,
                "sequence-perplexity-histograms",
                "perplexity of each generation's own training sequences under the generation-0 model");
        figures.save(ngrams, 1, ngrams.size(), "surviving-ngrams",
                "distinct trigrams still present in each generation's training text");
    }

    private static void printTable(PrintStream out, LanguageModelCollapseEnsemble e) {
        out.println("  gen  held-out ppl      tokens  trigrams  token mass kept  Zipf s  seq ppl median   p05    p95");
        double[] ppl = e.mean(LanguageModelCollapseMetric.HELD_OUT_PERPLEXITY);
        double[] sd = e.sd(LanguageModelCollapseMetric.HELD_OUT_PERPLEXITY);
        double[] tokens = e.mean(LanguageModelCollapseMetric.DISTINCT_TOKENS);
        double[] grams = e.mean(LanguageModelCollapseMetric.DISTINCT_NGRAMS);
        double[] mass = e.mean(LanguageModelCollapseMetric.TOKEN_MASS_KEPT);
        double[] zipf = e.mean(LanguageModelCollapseMetric.ZIPF_EXPONENT);
        double[] median = e.mean(LanguageModelCollapseMetric.SEQUENCE_PERPLEXITY_MEDIAN);
        double[] p05 = e.mean(LanguageModelCollapseMetric.SEQUENCE_PERPLEXITY_P05);
        double[] p95 = e.mean(LanguageModelCollapseMetric.SEQUENCE_PERPLEXITY_P95);
        for (int n = 0; n < ppl.length; n++) {
            String spread = e.runs().size() < 2 ? "       " : String.format(Locale.ROOT, "± %-5.1f", sd[n]);
            out.printf(Locale.ROOT, "  %3d  %7.1f %s  %6.0f  %8.0f  %15.4f  %6.3f  %14.1f  %5.1f  %6.1f%n", n, ppl[n],
                    spread, tokens[n], grams[n], mass[n], zipf[n], median[n], p05[n], p95[n]);
        }
    }

    private static String excerpt(int[] tokens) {
        String text = Corpora.shakespeareTokenizer().decode(tokens).replace('\n', ' ');
        return '"' + (text.length() > 110 ? text.substring(0, 110) + "..." : text) + '"';
    }

    private static XYChart byGeneration(String title, String yTitle, List<LanguageModelCollapseEnsemble> ensembles,
            LanguageModelCollapseMetric metric) {
        XYChart chart = Charts.xy(title, "generation", yTitle);
        for (LanguageModelCollapseEnsemble e : ensembles) {
            double[] y = e.mean(metric);
            double[] x = new double[y.length];
            for (int n = 0; n < x.length; n++) {
                x[n] = n;
            }
            Charts.line(chart, e.options().workflow() + (e.runs().size() > 1 ? " (mean of " + e.runs().size()
                    + " seeds)" : ""), x, y);
        }
        chart.getStyler().setYAxisLogarithmic(true).setLegendPosition(Styler.LegendPosition.InsideNW);
        return chart;
    }

    /** Fraction of sequences per log-spaced perplexity bin, one line per shown generation. */
    private static XYChart histogram(String title, LanguageModelCollapseResult run) {
        int bins = 40;
        double lo = Double.POSITIVE_INFINITY;
        double hi = 0;
        for (double[] row : run.sequencePerplexities()) {
            for (double v : row) {
                lo = Math.min(lo, v);
                hi = Math.max(hi, v);
            }
        }
        double[] edges = new double[bins + 1];
        for (int i = 0; i <= bins; i++) {
            edges[i] = Math.exp(Math.log(lo) + (Math.log(hi) - Math.log(lo)) * i / bins);
        }
        edges[bins] = hi;
        XYChart chart = Charts.xy(title, "perplexity under the generation-0 model (log scale)", "share of sequences");
        int g = run.options().generations();
        for (int n : HISTOGRAM_GENERATIONS) {
            int shown = Math.min(n, g);
            if (n > g && shown != g) {
                continue;
            }
            long[] counts = run.sequencePerplexityHistogram(shown, edges);
            double total = run.sequencePerplexities(shown).length;
            double[] x = new double[bins];
            double[] y = new double[bins];
            for (int i = 0; i < bins; i++) {
                x[i] = Math.sqrt(edges[i] * edges[i + 1]);
                y[i] = counts[i] / total;
            }
            Charts.line(chart, "generation " + shown, x, y);
            if (n > g) {
                break;
            }
        }
        chart.getStyler().setXAxisLogarithmic(true);
        return chart;
    }
}
