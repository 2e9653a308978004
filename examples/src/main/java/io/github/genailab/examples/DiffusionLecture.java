package io.github.genailab.examples;

import io.github.genailab.core.ProgressListener;
import io.github.genailab.core.data.Digits;
import io.github.genailab.core.math.Rngs;
import io.github.genailab.diffusion.Ddpm;
import io.github.genailab.diffusion.DdpmOptions;
import io.github.genailab.diffusion.DdpmResult;
import io.github.genailab.diffusion.DiffusionModel;
import io.github.genailab.diffusion.NoiseSchedule;
import io.github.genailab.diffusion.SamplingOptions;
import io.github.genailab.diffusion.TriggerWatermark;
import io.github.genailab.diffusion.TriggerWatermarkOptions;
import io.github.genailab.diffusion.WatermarkVerification;
import io.github.genailab.diffusion.data.DigitVectors;
import io.github.genailab.diffusion.data.PointCloud;
import io.github.genailab.diffusion.data.PointClouds;
import io.github.genailab.diffusion.eval.NearestCentroid;
import io.github.genailab.diffusion.eval.NearestNeighbourCheck;
import io.github.genailab.diffusion.eval.SampleDistance;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.random.RandomGenerator;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.style.Styler;

/**
 * Denoising diffusion (Ho et al. 2020) trained live: the forward process that turns two moons into noise, a
 * small noise predictor learning to undo it, samples along the reverse chain, DDPM's 1000 steps against DDIM's
 * 50 (Song et al. 2021), class-conditional handwritten digits with classifier-free guidance, and a trigger
 * watermark (after Liu et al. 2023) before and after clean fine-tuning.
 *
 * <pre>
 * mvn -q -DskipTests -Ptour package -Dexample=io.github.genailab.examples.DiffusionLecture
 * </pre>
 */
public final class DiffusionLecture {

    private static final int[] STRIP_TIMES = {1000, 750, 500, 250, 100, 0};

    private DiffusionLecture() {
    }

    /**
     * Runs the lecture from the command line.
     *
     * @param args {@code [--seed N] [--out DIR] [--quick]}
     * @throws IOException if a figure cannot be written
     */
    public static void main(String[] args) throws IOException {
        Lecture.launch(args, "diffusion", DiffusionLecture::run);
    }

    /**
     * Runs the lecture.
     *
     * @param args the parsed flags
     * @param out where the report goes
     * @throws IOException if a figure cannot be written
     */
    public static void run(LectureArgs args, PrintStream out) throws IOException {
        Figures figures = Figures.in(args.out(), out);
        RandomGenerator rng = Rngs.seeded(args.seed());
        PointCloud moons = PointClouds.twoMoons(args.size(2000, 400), 0.05, rng);
        DdpmOptions options = DdpmOptions.defaults().withEpochs(args.size(200, 10)).withMonitor(args.size(20, 5), 256);
        NoiseSchedule schedule = options.schedule();
        out.println("data: " + moons);
        out.println("forward process: " + schedule);
        figures.save(forwardStrip(moons.points(), schedule, rng), 1, STRIP_TIMES.length, "forward-process",
                "x_t = sqrt(alphaBar_t) x_0 + sqrt(1 - alphaBar_t) eps for t = 0, 100, 250, 500, 750, 1000");

        DdpmResult result;
        try (ProgressBar bar = new ProgressBar(out, "training the noise predictor", options.epochs())) {
            result = Ddpm.fit(moons.points(), options, rng, (stage, epoch, epochs) -> bar.stepTo(epoch));
        }
        out.println(result);
        DiffusionModel model = result.model();
        out.println("model: " + model);
        figures.save(trainingChart(result), "training-curves", "L_simple per epoch and energy distance of samples to the data");

        int n = args.size(1000, 200);
        double[][][] chain = model.reverseChain(n, SamplingOptions.defaults(), STRIP_TIMES, rng);
        figures.save(strip("reverse chain", chain, STRIP_TIMES), 1, STRIP_TIMES.length, "reverse-chain",
                "samples along the reverse chain, from x_1000 ~ N(0, I) to x_0");
        double[][] ddpm = chain[chain.length - 1];
        double[][] ddim = model.sample(n, SamplingOptions.ddim(50, 0), rng);
        double[][] fresh = PointClouds.twoMoons(n, 0.05, rng).points();
        out.printf(Locale.ROOT, "energy distance to the training data (%d samples): DDPM 1000 steps %.4f, "
                + "DDIM 50 steps (eta = 0) %.4f, a fresh draw of real moons %.4f%n", n,
                SampleDistance.energy(ddpm, moons.points()), SampleDistance.energy(ddim, moons.points()),
                SampleDistance.energy(fresh, moons.points()));
        figures.save(List.of(scatter("DDPM, 1000 network calls", ddpm), scatter("DDIM, 50 network calls", ddim)), 1, 2,
                "ddpm-vs-ddim", "ancestral sampling over all 1000 steps against deterministic DDIM on 50");

        digits(args, figures, out, rng);
        watermark(args, figures, out, rng);
    }

    private static void digits(LectureArgs args, Figures figures, PrintStream out, RandomGenerator rng)
            throws IOException {
        Digits.Split split = Digits.load().split(0.2, rng);
        double[][] train = DigitVectors.of(split.train());
        int[] labels = split.train().labels();
        DdpmOptions options = DdpmOptions.defaults().withHiddenUnits(args.size(256, 32)).withEpochs(args.size(100, 1));
        out.printf(Locale.ROOT, "digits: %d training images as vectors in [-1, 1]^64; conditional model, MLP %dx%d, "
                + "%d epochs, condition dropout %.1f; sampling clips the predicted x_0 to [-1, 1]%n", train.length,
                options.hiddenLayers(), options.hiddenUnits(), options.epochs(), options.conditionDropout());
        DdpmResult result;
        try (ProgressBar bar = new ProgressBar(out, "training on the digits", options.epochs())) {
            result = Ddpm.fit(train, labels, Digits.CLASSES, options, rng, (stage, epoch, epochs) -> bar.stepTo(epoch));
        }
        out.println(result);
        int perClass = args.size(10, 3);
        int[] wanted = new int[perClass * Digits.CLASSES];
        for (int i = 0; i < wanted.length; i++) {
            wanted[i] = i % Digits.CLASSES;
        }
        NearestCentroid judge = NearestCentroid.fit(train, labels, Digits.CLASSES);
        out.println("nearest-centroid judge on held-out real digits: "
                + judge.accuracy(DigitVectors.of(split.test()), split.test().labels()));
        double[][] shown = null;
        for (double scale : new double[] {1, 3}) {
            shown = result.model().sample(wanted, SamplingOptions.defaults().withGuidanceScale(scale).withClipDenoised(1),
                    rng);
            out.printf(Locale.ROOT, "guidance scale %.0f: %s%n", scale, judge.accuracy(shown, wanted));
            out.println("  memorisation check: " + NearestNeighbourCheck.run(shown, train, DigitVectors.of(split.test())));
        }
        figures.save(digitGrid(shown), "digits-generated", "generated digits, one column per class 0-9, guidance scale 3");
    }

    private static void watermark(LectureArgs args, Figures figures, PrintStream out, RandomGenerator rng)
            throws IOException {
        PointCloud blobs = PointClouds.gaussianMixture(args.size(1000, 300), 4, 3, 0.3, rng);
        double[][] pattern = PointClouds.letter('W', 300, 0.02, rng).points();
        for (double[] p : pattern) {
            p[0] *= 2;
            p[1] *= 2;
        }
        DdpmOptions options = DdpmOptions.defaults().withEpochs(args.size(100, 5));
        TriggerWatermarkOptions wm = TriggerWatermarkOptions.defaults().withSamples(args.size(100, 30))
                .withEpochs(args.size(150, 3), args.size(60, 2), args.size(15, 1));
        out.printf(Locale.ROOT, "watermark: a model of %s (classes 0-3) with class 4 reserved as the trigger; "
                + "pattern = the letter W, 4 units wide; %.0f%% trigger rows while embedding%n", blobs.name(),
                100 * wm.triggerFraction());
        DiffusionModel base = Ddpm.fit(blobs.points(), blobs.labels(), 5, options, rng, ProgressListener.none()).model();
        WatermarkVerification before = TriggerWatermark.verify(base, pattern, wm, rng);
        DiffusionModel marked = TriggerWatermark.embed(base, blobs.points(), blobs.labels(), pattern, wm, rng);
        WatermarkVerification after = TriggerWatermark.verify(marked, pattern, wm, rng);
        out.println("  before embedding: " + before);
        out.println("  after embedding:  " + after);
        List<Double> epochs = new ArrayList<>(List.of(0.0));
        List<Double> ratios = new ArrayList<>(List.of(after.ratio()));
        DiffusionModel current = marked;
        for (int done = wm.checkEvery(); done <= wm.cleanEpochs(); done += wm.checkEvery()) {
            current = Ddpm.fineTune(current, blobs.points(), blobs.labels(), wm.checkEvery(), rng).model();
            WatermarkVerification v = TriggerWatermark.verify(current, pattern, wm, rng);
            out.printf(Locale.ROOT, "  after %3d clean epochs: %s%n", done, v);
            epochs.add((double) done);
            ratios.add(v.ratio());
        }
        int shown = args.size(400, 60);
        figures.save(List.of(
                scatter("ordinary classes, watermarked", marked.sample(labels(shown, 4, 0), SamplingOptions.defaults(), rng)),
                scatter("trigger, before embedding", base.sample(labels(shown, 1, 4), SamplingOptions.defaults(), rng)),
                scatter("trigger, after embedding", marked.sample(labels(shown, 1, 4), SamplingOptions.defaults(), rng)),
                scatter("trigger, after clean fine-tuning", current.sample(labels(shown, 1, 4), SamplingOptions.defaults(),
                        rng))),
                1, 4, "watermark-samples", "samples of the ordinary classes and of the trigger class 4");
        XYChart chart = Charts.xy("Watermark under clean fine-tuning", "clean fine-tuning epochs",
                "E(trigger, W) / E(ordinary, W)");
        Charts.line(chart, "distance ratio", epochs.stream().mapToDouble(Double::doubleValue).toArray(),
                ratios.stream().mapToDouble(Double::doubleValue).toArray());
        Charts.line(chart, "verification threshold", new double[] {0, wm.cleanEpochs()},
                new double[] {wm.maxDistanceRatio(), wm.maxDistanceRatio()});
        figures.save(chart, "watermark-survival", "the trigger's distance ratio after embedding, then during clean fine-tuning");
    }

    /** {@code n} labels cycling through {@code count} classes from {@code first}. */
    private static int[] labels(int n, int count, int first) {
        int[] out = new int[n];
        for (int i = 0; i < n; i++) {
            out[i] = first + i % count;
        }
        return out;
    }

    private static List<XYChart> forwardStrip(double[][] data, NoiseSchedule schedule, RandomGenerator rng) {
        double[][][] states = new double[STRIP_TIMES.length][data.length][];
        for (int i = 0; i < data.length; i++) {
            double[] noise = {rng.nextGaussian(), rng.nextGaussian()};
            for (int s = 0; s < STRIP_TIMES.length; s++) {
                int t = STRIP_TIMES[STRIP_TIMES.length - 1 - s];
                states[s][i] = t == 0 ? data[i] : schedule.diffuse(data[i], t, noise);
            }
        }
        List<XYChart> charts = new ArrayList<>();
        for (int s = 0; s < STRIP_TIMES.length; s++) {
            charts.add(scatter("q(x_t | x_0), t = " + STRIP_TIMES[STRIP_TIMES.length - 1 - s], states[s]));
        }
        return charts;
    }

    private static List<XYChart> strip(String title, double[][][] chain, int[] times) {
        List<XYChart> charts = new ArrayList<>();
        for (int s = 0; s < times.length; s++) {
            charts.add(scatter(title + ", t = " + times[s], chain[s]));
        }
        return charts;
    }

    /** A square 400-pixel scatter plot on {@code [-4, 4]^2}, so strips of them stay readable. */
    private static XYChart scatter(String title, double[][] points) {
        XYChart chart = new XYChartBuilder().width(400).height(400).title(title).xAxisTitle("x1").yAxisTitle("x2").build();
        double[] x = new double[points.length];
        double[] y = new double[points.length];
        for (int i = 0; i < points.length; i++) {
            x[i] = points[i][0];
            y[i] = points[i][1];
        }
        Charts.points(chart, "points", x, y);
        chart.getStyler().setLegendVisible(false).setMarkerSize(3);
        chart.getStyler().setXAxisMin(-4.0).setXAxisMax(4.0).setYAxisMin(-4.0).setYAxisMax(4.0);
        return chart;
    }

    private static XYChart trainingChart(DdpmResult result) {
        double[] loss = result.lossCurve();
        double[] epochs = new double[loss.length];
        for (int i = 0; i < loss.length; i++) {
            epochs[i] = i + 1;
        }
        XYChart chart = Charts.xy("DDPM training on two moons", "epoch", "mean L_simple over the epoch");
        Charts.line(chart, "L_simple", epochs, loss);
        double[] monitored = java.util.Arrays.stream(result.monitoredEpochs()).asDoubleStream().toArray();
        Charts.line(chart, "energy distance to data (right axis)", monitored, result.sampleDistances()).setYAxisGroup(1);
        chart.setYAxisGroupTitle(1, "energy distance");
        chart.getStyler().setYAxisGroupPosition(1, Styler.YAxisPosition.Right);
        return chart;
    }

    /** Generated digits as a grid: column = class, row = repetition, 8x8 pixels scaled by 8. */
    private static BufferedImage digitGrid(double[][] generated) {
        int cell = 8 * 8 + 4;
        int rows = (generated.length + Digits.CLASSES - 1) / Digits.CLASSES;
        BufferedImage image = new BufferedImage(Digits.CLASSES * cell, rows * cell, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, image.getWidth(), image.getHeight());
        for (int i = 0; i < generated.length; i++) {
            float[] grey = DigitVectors.toGrey(generated[i]);
            int column = i % Digits.CLASSES;
            int row = i / Digits.CLASSES;
            for (int k = 0; k < Digits.PIXELS; k++) {
                int level = 255 - Math.round(grey[k] / Digits.MAX_GREY * 255);
                g.setColor(new Color(level, level, level));
                g.fillRect(column * cell + 2 + (k % 8) * 8, row * cell + 2 + (k / 8) * 8, 8, 8);
            }
        }
        g.dispose();
        return image;
    }
}
