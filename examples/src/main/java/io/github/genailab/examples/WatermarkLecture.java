package io.github.genailab.examples;

import io.github.genailab.core.lm.Decoder;
import io.github.genailab.core.lm.DecodingOptions;
import io.github.genailab.core.lm.LanguageModel;
import io.github.genailab.core.lm.LogitsProcessor;
import io.github.genailab.core.math.Rngs;
import io.github.genailab.core.text.BpeTokenizer;
import io.github.genailab.core.text.Corpora;
import io.github.genailab.watermark.Detection;
import io.github.genailab.watermark.WatermarkDetector;
import io.github.genailab.watermark.WatermarkLogitsProcessor;
import io.github.genailab.watermark.WatermarkScheme;
import io.github.genailab.watermark.attack.Attack;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.random.RandomGenerator;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The green/red-list watermark (Kirchenbauer et al. 2023) on the Shakespeare trigram model, or on a real checkpoint
 * with {@code --model DIR}: generate with and without the watermark, detect with the z-test, and attack the watermark
 * by substituting random tokens.
 *
 * <pre>
 * mvn -q -DskipTests -Ptour package -Dexample=io.github.genailab.examples.WatermarkLecture
 * </pre>
 */
public final class WatermarkLecture {

    private static final double GAMMA = 0.25;
    private static final double DELTA = 2.0;
    private static final int PROMPT_TOKENS = 8;
    private static final double[] ATTACK_STRENGTHS = {0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6};
    private static final Color GREEN = new Color(0x9BE39B);
    private static final Color RED = new Color(0xF4A3A3);
    private static final Color UNSCORED = new Color(0xDDDDDD);

    private WatermarkLecture() {
    }

    /**
     * Runs the lecture from the command line.
     *
     * @param args {@code [--seed N] [--out DIR] [--quick] [--model DIR]}
     * @throws IOException if a figure cannot be written
     */
    public static void main(String[] args) throws IOException {
        Lecture.launch(args, "watermark", WatermarkLecture::run);
    }

    /** Token ids of one text of each kind, and their detections. */
    private record Sample(int[] human, int[] plain, int[] watermarked, Detection humanDetection,
            Detection plainDetection, Detection watermarkedDetection) {
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
        int split = shakespeare.size() * 9 / 10;
        try (LectureModel lecture = LectureModel.open(args, 3, shakespeare.subList(0, split))) {
            run(args, out, lecture, split);
        }
    }

    private static void run(LectureArgs args, PrintStream out, LectureModel lecture, int split) throws IOException {
        Figures figures = Figures.in(args.out(), out);
        RandomGenerator rng = Rngs.seeded(args.seed());
        BpeTokenizer tokenizer = lecture.tokenizer();
        LanguageModel model = lecture.model();
        List<String> passages = Corpora.tinyShakespearePassages();
        int[] humanStream = Shakespeare.concatenate(Shakespeare.encode(tokenizer, passages.subList(split, passages.size())));

        // The scheme's vocabulary is the model's (a checkpoint may have more ids than its tokenizer).
        WatermarkScheme scheme = WatermarkScheme.reference("lefthash", model.vocabularySize(), GAMMA, DELTA);
        WatermarkDetector detector = WatermarkDetector.of(scheme);
        DecodingOptions sampling = DecodingOptions.sampling(0.7);
        int length = args.size(200, 60);
        int count = args.size(40, 4);
        out.printf(Locale.ROOT, "scheme %s (gamma %.2f, delta %.1f), detector z > %.1f; %s, sampling at "
                + "temperature 0.7; %d texts of %d tokens per kind%n", scheme.name(), GAMMA, DELTA,
                detector.zThreshold(), lecture.description(), count, length);

        List<Sample> samples = new ArrayList<>();
        try (ProgressBar bar = new ProgressBar(out, "generating", count)) {
            for (int i = 0; i < count; i++) {
                int start = rng.nextInt(humanStream.length - PROMPT_TOKENS - length);
                int[] prompt = Arrays.copyOfRange(humanStream, start, start + PROMPT_TOKENS);
                int[] human = Arrays.copyOfRange(humanStream, start + PROMPT_TOKENS, start + PROMPT_TOKENS + length);
                int[] plain = Decoder.generate(model, prompt, length, sampling, List.<LogitsProcessor>of(), rng);
                int[] marked = Decoder.generate(model, prompt, length, sampling, List.of(WatermarkLogitsProcessor.of(scheme)), rng);
                samples.add(new Sample(human, plain, marked, detector.detect(human), detector.detect(plain),
                        detector.detect(marked)));
                bar.step();
            }
        }
        out.println("kind              mean z   min z   max z   flagged (z > 4)");
        report(out, "human", samples.stream().map(Sample::humanDetection).toList());
        report(out, "model, no mark", samples.stream().map(Sample::plainDetection).toList());
        report(out, "model, watermark", samples.stream().map(Sample::watermarkedDetection).toList());
        out.println("one watermarked text: " + samples.get(0).watermarkedDetection());

        double[][] rates = attack(detector, samples, rng, out);
        Sample first = samples.get(0);
        figures.save(ColouredText.stack(List.of(
                passage(tokenizer, first.watermarked(), first.watermarkedDetection(), "watermarked"),
                passage(tokenizer, first.human(), first.humanDetection(), "human (Shakespeare)"))),
                "green-red-tokens", "a watermarked and a human passage, each token coloured by its list");
        figures.save(zChart(samples), "z-vs-tokens", "running z-score against the number of tokens scored");
        figures.save(attackChart(rates), "detection-vs-attack",
                "share of watermarked texts still detected after random token substitution");
    }

    private static void report(PrintStream out, String kind, List<Detection> detections) {
        double[] z = detections.stream().mapToDouble(Detection::zScore).toArray();
        long flagged = detections.stream().filter(Detection::prediction).count();
        out.printf(Locale.ROOT, "%-16s %7.2f %7.2f %7.2f   %d/%d%n", kind, Arrays.stream(z).average().orElseThrow(),
                Arrays.stream(z).min().orElseThrow(), Arrays.stream(z).max().orElseThrow(), flagged, z.length);
    }

    /**
     * Attacks every watermarked text with {@link Attack#substitution} (each token replaced, with probability
     * {@code strength}, by a different uniformly drawn token) and returns the detection rate per strength for
     * the first 50 tokens (row 0) and the whole text (row 1).
     */
    private static double[][] attack(WatermarkDetector detector, List<Sample> samples, RandomGenerator rng,
            PrintStream out) {
        Attack substitution = Attack.substitution(0, detector.scheme().vocabularySize());
        double[][] rates = new double[2][ATTACK_STRENGTHS.length];
        out.println("attack: substitute random tokens   strength  detected (50 tokens)  detected (all tokens)");
        for (int a = 0; a < ATTACK_STRENGTHS.length; a++) {
            Attack attack = substitution.withRate(ATTACK_STRENGTHS[a]);
            for (Sample sample : samples) {
                int[] attacked = attack.apply(sample.watermarked(), rng);
                rates[0][a] += detector.detect(Arrays.copyOf(attacked, Math.min(50, attacked.length))).prediction()
                        ? 1.0 / samples.size() : 0;
                rates[1][a] += detector.detect(attacked).prediction() ? 1.0 / samples.size() : 0;
            }
            out.printf(Locale.ROOT, "%44.0f%%  %19.0f%%  %20.0f%%%n", 100 * ATTACK_STRENGTHS[a], 100 * rates[0][a],
                    100 * rates[1][a]);
        }
        return rates;
    }

    private static BufferedImage passage(BpeTokenizer tokenizer, int[] tokens, Detection detection, String kind) {
        int shown = Math.min(tokens.length, 70);
        boolean[] green = detection.greenTokenMask();
        int offset = tokens.length - green.length; // the first tokens only seed the green list
        List<Color> colours = new ArrayList<>();
        for (int i = 0; i < shown; i++) {
            colours.add(i < offset ? UNSCORED : green[i - offset] ? GREEN : RED);
        }
        Map<String, Color> legend = new LinkedHashMap<>();
        legend.put("green list", GREEN);
        legend.put("red list", RED);
        legend.put("not scored (seeds the list)", UNSCORED);
        String title = String.format(Locale.ROOT, "%s: %d/%d scored tokens green (%.0f%%; %.0f%% expected "
                + "unmarked), z = %.1f", kind, detection.numGreenTokens(), detection.numTokensScored(),
                100 * detection.greenFraction(), 100 * GAMMA, detection.zScore());
        return ColouredText.render(title,
                Shakespeare.pieces(tokenizer, Arrays.copyOf(tokens, shown)), colours, legend);
    }

    private static XYChart zChart(List<Sample> samples) {
        XYChart chart = Charts.xy("z-score vs number of tokens scored (gamma 0.25, delta 2)", "tokens scored",
                "z-score");
        addRuns(chart, "watermarked", samples.stream().map(Sample::watermarkedDetection).toList(), new Color(0x1A9850));
        addRuns(chart, "model, no watermark", samples.stream().map(Sample::plainDetection).toList(),
                new Color(0x4575B4));
        addRuns(chart, "human", samples.stream().map(Sample::humanDetection).toList(), new Color(0xD73027));
        int tokens = samples.get(0).watermarkedDetection().zScoreAtT().length;
        XYSeries threshold = Charts.line(chart, "threshold z = 4", new double[] {1, tokens}, new double[] {4, 4});
        threshold.setLineColor(Color.BLACK);
        chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideNW);
        return chart;
    }

    /** Up to 8 individual running z curves (thin, no legend) and the mean curve (thick) of one kind. */
    private static void addRuns(XYChart chart, String name, List<Detection> detections, Color colour) {
        int tokens = detections.stream().mapToInt(d -> d.zScoreAtT().length).min().orElseThrow();
        double[] x = new double[tokens];
        double[] mean = new double[tokens];
        for (int t = 0; t < tokens; t++) {
            x[t] = t + 1;
        }
        for (int r = 0; r < detections.size(); r++) {
            double[] z = Arrays.copyOf(detections.get(r).zScoreAtT(), tokens);
            for (int t = 0; t < tokens; t++) {
                mean[t] += z[t] / detections.size();
            }
            if (r < 8) {
                XYSeries run = Charts.line(chart, name + " " + r, x, z);
                run.setLineColor(new Color(colour.getRed(), colour.getGreen(), colour.getBlue(), 70));
                run.setShowInLegend(false);
            }
        }
        XYSeries series = Charts.line(chart, name + " (mean)", x, mean);
        series.setLineColor(colour);
        series.setLineWidth(3);
    }

    private static XYChart attackChart(double[][] rates) {
        XYChart chart = Charts.xy("Detection rate (z > 4) vs random-substitution attack", "share of tokens replaced",
                "share of watermarked texts detected");
        Charts.line(chart, "first 50 tokens", ATTACK_STRENGTHS, rates[0]).setMarker(SeriesMarkers.CIRCLE);
        Charts.line(chart, "whole text", ATTACK_STRENGTHS, rates[1]).setMarker(SeriesMarkers.CIRCLE);
        chart.getStyler().setYAxisMin(0.0).setYAxisMax(1.05);
        chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideSW);
        return chart;
    }
}
