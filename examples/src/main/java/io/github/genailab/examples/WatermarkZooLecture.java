package io.github.genailab.examples;

import io.github.genailab.core.lm.LanguageModel;
import io.github.genailab.core.math.Rngs;
import io.github.genailab.core.text.BpeTokenizer;
import io.github.genailab.core.text.Corpora;
import io.github.genailab.watermark.Watermark;
import io.github.genailab.watermark.Watermarks;
import io.github.genailab.watermark.eval.ComparisonRow;
import io.github.genailab.watermark.eval.WatermarkComparison;
import io.github.genailab.watermark.eval.WatermarkComparisonOptions;
import io.github.genailab.watermark.eval.WatermarkComparisonResult;
import io.github.genailab.watermark.families.expedit.ExpEditWatermark;
import java.io.IOException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.LongFunction;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.style.Styler;

/**
 * The watermark zoo: every family of {@link Watermarks} on the same prompts, the same human texts and the same
 * model (the Shakespeare trigram model, or a checkpoint with {@code --model DIR}), side by side —
 * detectability, robustness to edits, copy-paste and the emoji attack, and what each costs in text quality.
 *
 * <pre>
 * mvn -q -DskipTests -Ptour package -Dexample=io.github.genailab.examples.WatermarkZooLecture
 * </pre>
 * EXP-edit runs with 64 key rows instead of its default 256: its detector costs n k^2 per permutation, and the
 * lecture should finish in minutes; the p-value is valid for any key length.
 */
public final class WatermarkZooLecture {

    private static final int PROMPT_TOKENS = 16;
    private static final int EXP_EDIT_KEY_ROWS = 64;

    private WatermarkZooLecture() {
    }

    /**
     * Runs the lecture from the command line.
     *
     * @param args {@code [--seed N] [--out DIR] [--quick] [--model DIR]}
     * @throws IOException if a figure cannot be written
     */
    public static void main(String[] args) throws IOException {
        Lecture.launch(args, "watermark-zoo", WatermarkZooLecture::run);
    }

    /**
     * Runs the lecture.
     *
     * @param args the parsed flags
     * @param out where the report goes
     * @throws IOException if a figure cannot be written
     */
    public static void run(LectureArgs args, PrintStream out) throws IOException {
        List<int[]> shakespeare = Shakespeare.encode(Corpora.shakespeareTokenizer(), Corpora.tinyShakespearePassages());
        int split = shakespeare.size() * 3 / 4;
        try (LectureModel lecture = LectureModel.open(args, 3, shakespeare.subList(0, split))) {
            run(args, out, lecture, split);
        }
    }

    private static void run(LectureArgs args, PrintStream out, LectureModel lecture, int split) throws IOException {
        Figures figures = Figures.in(args.out(), out);
        BpeTokenizer tokenizer = lecture.tokenizer();
        LanguageModel model = lecture.model();
        int v = model.vocabularySize();
        List<String> passages = Corpora.tinyShakespearePassages();
        int[] heldOut = Shakespeare.concatenate(Shakespeare.encode(tokenizer, passages.subList(split, passages.size())));
        WatermarkComparisonOptions options = WatermarkComparisonOptions.defaults().withTexts(args.size(50, 4))
                .withTokensPerText(args.size(200, 60)).withLengths(args.quick() ? new int[] {10, 20, 60}
                        : new int[] {5, 10, 15, 20, 30, 50, 100, 200}).withShiftSizes(args.size(32, 4), args.size(10, 2));
        int chunk = PROMPT_TOKENS + options.tokensPerText();
        List<int[]> prompts = new ArrayList<>();
        List<int[]> human = new ArrayList<>();
        for (int from = 0; from + chunk <= heldOut.length && human.size() < args.size(300, 20); from += chunk) {
            prompts.add(Arrays.copyOfRange(heldOut, from, from + PROMPT_TOKENS));
            human.add(Arrays.copyOfRange(heldOut, from + PROMPT_TOKENS, from + chunk));
        }
        List<LongFunction<Watermark>> families = new ArrayList<>();
        for (String name : Watermarks.available()) {
            families.add(name.equals("exp-edit") ? key -> ExpEditWatermark.of(v, key).withKeyLength(EXP_EDIT_KEY_ROWS)
                    : key -> Watermarks.create(name, v, key));
        }
        out.printf(Locale.ROOT, "%d families on %s: %d watermarked texts each of %d tokens after %d-token prompts, "
                + "%d human texts; exp-edit with %d key rows%n", families.size(), lecture.description(),
                options.texts(), options.tokensPerText(), PROMPT_TOKENS, human.size(), EXP_EDIT_KEY_ROWS);
        WatermarkComparisonResult result;
        try (ProgressBar bar = new ProgressBar(out, "comparing", families.size())) {
            String[] current = {""};
            result = WatermarkComparison.run(families, model, prompts, human, tokenizer, options,
                    Rngs.seeded(args.seed()), (stage, done, total) -> {
                        String family = stage.split(":")[0];
                        if (!family.equals(current[0]) && Watermarks.available().contains(family)) {
                            if (!current[0].isEmpty()) {
                                bar.step();
                            }
                            current[0] = family;
                        }
                    });
            bar.step();
        }
        out.println(result);
        out.print(result.table());
        figures.save(robustnessChart(result), "tpr-under-attack",
                "share of watermarked texts still flagged at p < 0.01, clean and after each attack");
        figures.save(lengthChart(result), "tpr-vs-length", "share flagged at p < 0.01 against the text length");
    }

    private static CategoryChart robustnessChart(WatermarkComparisonResult result) {
        // Wider than Charts.bars: eleven families of eight bars each, every name on the axis.
        CategoryChart chart = new CategoryChartBuilder().width(1300).height(Charts.HEIGHT)
                .title("Detected at p < " + result.options().alpha() + ", clean and attacked")
                .xAxisTitle("watermark").yAxisTitle("true-positive rate").build();
        List<String> names = result.rows().stream().map(ComparisonRow::watermark).toList();
        chart.addSeries("clean", names, result.rows().stream().map(r -> (Number) r.truePositiveRate()).toList());
        for (String attack : result.attacks()) {
            chart.addSeries(attack, names, result.rows().stream()
                    .map(r -> (Number) r.tprUnderAttack().getOrDefault(attack, 0.0)).toList());
        }
        chart.getStyler().setXAxisLabelRotation(20);
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideE);
        chart.getStyler().setYAxisMax(1.0);
        chart.getStyler().setYAxisMin(0.0);
        return chart;
    }

    private static XYChart lengthChart(WatermarkComparisonResult result) {
        XYChart chart = Charts.xy("Detected at p < " + result.options().alpha() + " by text length",
                "tokens", "true-positive rate");
        double[] lengths = Arrays.stream(result.options().lengths()).asDoubleStream().toArray();
        for (ComparisonRow r : result.rows()) {
            Charts.line(chart, r.watermark(), lengths, r.tprByLength());
        }
        chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideSE);
        chart.getStyler().setXAxisLogarithmic(true);
        chart.getStyler().setYAxisMax(1.05);
        chart.getStyler().setYAxisMin(0.0);
        return chart;
    }
}
