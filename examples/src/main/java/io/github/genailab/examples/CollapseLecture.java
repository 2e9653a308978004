package io.github.genailab.examples;

import io.github.genailab.collapse.Sampler;
import io.github.genailab.collapse.categorical.CategoricalEnsemble;
import io.github.genailab.collapse.categorical.CategoricalMetric;
import io.github.genailab.collapse.categorical.CategoricalRefitOptions;
import io.github.genailab.collapse.categorical.RecursiveCategorical;
import io.github.genailab.collapse.gaussian.GaussianEnsemble;
import io.github.genailab.collapse.gaussian.GaussianMetric;
import io.github.genailab.collapse.gaussian.GaussianTheory;
import io.github.genailab.collapse.gaussian.GaussianTrajectory;
import io.github.genailab.collapse.gaussian.RecursiveGaussian;
import io.github.genailab.collapse.gaussian.RefitOptions;
import io.github.genailab.collapse.gaussian.VarianceEstimator;
import io.github.genailab.collapse.mixture.GaussianMixture;
import io.github.genailab.collapse.mixture.MixtureRefitOptions;
import io.github.genailab.collapse.mixture.MixtureTrajectory;
import io.github.genailab.collapse.mixture.RecursiveMixture;
import io.github.genailab.core.math.Rngs;
import java.awt.Color;
import java.io.IOException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.random.RandomGenerator;
import java.util.stream.Collectors;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;

/**
 * Model collapse (Shumailov et al., Nature 2024): fit a model to data, sample the next generation's data from
 * the fit, repeat. A 1-D Gaussian's variance random-walks to zero (with the exact theory curves), and a
 * two-component Gaussian mixture refitted on its own samples shrinks to a point, and a categorical distribution
 * resampled from itself loses its rare categories one by one.
 *
 * <pre>
 * mvn -q -DskipTests -Ptour package -Dexample=io.github.genailab.examples.CollapseLecture
 * </pre>
 */
public final class CollapseLecture {

    private static final int SAMPLES = 100;
    private static final int[] DENSITY_GENERATIONS = {0, 10, 50, 100, 200, 500};

    private CollapseLecture() {
    }

    /**
     * Runs the lecture from the command line.
     *
     * @param args {@code [--seed N] [--out DIR] [--quick]}
     * @throws IOException if a figure cannot be written
     */
    public static void main(String[] args) throws IOException {
        Lecture.launch(args, "collapse", CollapseLecture::run);
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
        RandomGenerator.SplittableGenerator rng = Rngs.seeded(args.seed());
        int generations = args.size(500, 100);
        RefitOptions options = RefitOptions.defaults().withSamplesPerGeneration(SAMPLES).withGenerations(generations);
        out.printf(Locale.ROOT, "1-D Gaussian N(0, 1), refit by sample mean and unbiased variance on %d samples per "
                + "generation, %d generations%n", SAMPLES, generations);
        GaussianTrajectory run = RecursiveGaussian.simulate(options, rng.split());
        out.println("one run: " + run);

        int runs = args.size(1000, 50);
        GaussianEnsemble ensemble;
        try (ProgressBar bar = new ProgressBar(out, "simulating " + runs + " independent runs", runs)) {
            ensemble = RecursiveGaussian.simulateRuns(options.withSampler(Sampler.SUFFICIENT_STATISTICS), runs, rng, 1,
                    (stage, done, total) -> bar.stepTo(done));
        }
        out.println("ensemble: " + ensemble);
        double[] medianVariance = ensemble.median(GaussianMetric.VARIANCE);
        out.printf(Locale.ROOT, "median variance at generation %d: %.3f (it was 1); share of runs below 0.1: %.0f%%%n",
                generations, medianVariance[generations],
                100 * ensemble.fractionBelow(GaussianMetric.VARIANCE, 0.1)[generations]);

        figures.save(densityChart(run, generations), "fitted-densities",
                "the fitted Gaussian at several generations of one run, against the original N(0, 1)");
        GaussianEnsemble mle = RecursiveGaussian.simulateRuns(options.withSampler(Sampler.SUFFICIENT_STATISTICS)
                .withEstimator(VarianceEstimator.MLE).withGenerations(SAMPLES), runs, rng, 1);
        out.println("MLE variance (np.std, the paper's code): " + mle);
        figures.save(List.of(logVarianceChart(ensemble), w2Chart(ensemble, mle)), 1, 2, "variance-and-w2",
                "log-variance over all generations and squared W2 over the first M, simulation vs theory");
        figures.save(mixtureSnapshots(args, rng, out), 2, 4, "gmm-generations",
                "samples of a 2-component GMM refitted on its own samples, generation by generation");
        figures.save(categoriesChart(args, rng, out), "surviving-categories",
                "categories still present under recursive resampling of a Zipf distribution");
    }

    private static XYChart densityChart(GaussianTrajectory run, int generations) {
        XYChart chart = Charts.xy("One run: the fitted density drifts and narrows", "x", "density");
        double[] x = new double[401];
        for (int i = 0; i < x.length; i++) {
            x[i] = -4 + 8.0 * i / (x.length - 1);
        }
        for (int n : DENSITY_GENERATIONS) {
            if (n <= generations) {
                XYSeries series = Charts.line(chart, n == 0 ? "original N(0, 1)" : "generation " + n, x,
                        density(x, run.means()[n], run.variances()[n]));
                if (n == 0) {
                    series.setLineColor(Color.BLACK);
                    series.setLineWidth(3);
                }
            }
        }
        return chart;
    }

    private static double[] density(double[] x, double mean, double variance) {
        double[] y = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            double d = x[i] - mean;
            y[i] = Math.exp(-d * d / (2 * variance)) / Math.sqrt(2 * Math.PI * variance);
        }
        return y;
    }

    private static XYChart logVarianceChart(GaussianEnsemble ensemble) {
        GaussianTheory theory = ensemble.theory();
        double[] n = generationAxis(theory.curve(GaussianMetric.LOG_VARIANCE_RATIO).length);
        double[] expected = theory.curve(GaussianMetric.LOG_VARIANCE_RATIO);
        double[] sd = theory.logVarianceRatioSd();
        double[] low = new double[n.length];
        double[] high = new double[n.length];
        for (int i = 0; i < n.length; i++) {
            low[i] = expected[i] - 2 * sd[i];
            high[i] = expected[i] + 2 * sd[i];
        }
        XYChart chart = Charts.xy("ln(variance / original variance)", "generation", "ln(sigma_n^2 / sigma_0^2)");
        Charts.line(chart, "simulation: mean of " + ensemble.runs().size() + " runs", n,
                ensemble.mean(GaussianMetric.LOG_VARIANCE_RATIO));
        Charts.line(chart, "theory: E = n (psi(k/2) - ln(k/2))", n, expected).setLineColor(Color.BLACK);
        Charts.line(chart, "theory +/- 2 sd (one run)", n, low).setLineColor(Color.GRAY);
        XYSeries upper = Charts.line(chart, "theory + 2 sd", n, high);
        upper.setLineColor(Color.GRAY);
        upper.setShowInLegend(false);
        chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideSW);
        return chart;
    }

    /**
     * E[W2^2] for both variance estimators over the first M generations, where a mean over runs is still a
     * usable estimate (later the unbiased estimator's heavy tails make it one; the log-variance panel covers
     * the long run).
     */
    private static XYChart w2Chart(GaussianEnsemble unbiased, GaussianEnsemble mle) {
        int shown = mle.options().generations() + 1;
        double[] n = generationAxis(shown);
        XYChart chart = Charts.xy("Squared W2 distance to the original", "generation", "W2^2(model_n, N(0, 1))");
        Charts.line(chart, "unbiased: mean of " + unbiased.runs().size() + " runs", n,
                Arrays.copyOf(unbiased.mean(GaussianMetric.W2_SQUARED), shown));
        Charts.line(chart, "unbiased theory: n/M + 2 - 2 c_u^n", n,
                Arrays.copyOf(unbiased.theory().curve(GaussianMetric.W2_SQUARED), shown)).setLineColor(Color.BLACK);
        Charts.line(chart, "MLE: mean of " + mle.runs().size() + " runs", n, mle.mean(GaussianMetric.W2_SQUARED));
        Charts.line(chart, "MLE theory: 2 - 2 c_m^n", n, mle.theory().curve(GaussianMetric.W2_SQUARED))
                .setLineColor(Color.DARK_GRAY);
        chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideNW);
        return chart;
    }

    private static double[] generationAxis(int length) {
        double[] n = new double[length];
        for (int i = 0; i < length; i++) {
            n[i] = i;
        }
        return n;
    }

    /**
     * The paper's GMM experiment ({@link RecursiveMixture}: 2-D standard normal data, a 2-component
     * full-covariance mixture fitted afresh by EM each generation, the next data sampled from the fit); one
     * scatter panel of the model's samples per snapshot generation.
     */
    private static List<XYChart> mixtureSnapshots(LectureArgs args, RandomGenerator rng, PrintStream out) {
        int[] snapshots = args.quick() ? new int[] {0, 25, 50, 75, 100, 125, 150, 200}
                : new int[] {0, 50, 100, 150, 200, 350, 1000, 2000};
        MixtureRefitOptions options = MixtureRefitOptions.defaults()
                .withSamplesPerGeneration(args.size(1000, 200))
                .withGenerations(snapshots[snapshots.length - 1])
                .withSnapshotGenerations(snapshots);
        out.println("GMM: " + options);
        MixtureTrajectory trajectory;
        try (ProgressBar bar = new ProgressBar(out, "refitting the GMM", options.generations())) {
            trajectory = RecursiveMixture.simulate(options, rng, (stage, done, total) -> bar.stepTo(done));
        }
        out.println(trajectory);
        List<XYChart> panels = new ArrayList<>();
        for (int generation : snapshots) {
            GaussianMixture model = trajectory.snapshot(generation);
            out.printf(Locale.ROOT, "  generation %4d: %s%n", generation, model);
            panels.add(scatter(model.sample(options.samplesPerGeneration(), rng), model, generation));
        }
        return panels;
    }

    /** Wright-Fisher resampling of a Zipf-distributed categorical: rare categories vanish first, for good. */
    private static XYChart categoriesChart(LectureArgs args, RandomGenerator.SplittableGenerator rng,
            PrintStream out) {
        int categories = 100;
        double[] zipf = new double[categories];
        double total = 0;
        for (int i = 0; i < categories; i++) {
            zipf[i] = 1.0 / (i + 1);
            total += zipf[i];
        }
        for (int i = 0; i < categories; i++) {
            zipf[i] /= total;
        }
        CategoricalRefitOptions options = new CategoricalRefitOptions(zipf, args.size(500, 100), args.size(1000, 100));
        CategoricalEnsemble ensemble = RecursiveCategorical.simulateRuns(options, args.size(200, 20), rng, 1);
        double[] surviving = ensemble.mean(CategoricalMetric.SURVIVING);
        double[] lostMass = ensemble.mean(CategoricalMetric.LOST_MASS);
        int last = options.generations();
        out.printf(Locale.ROOT, "categorical: %d Zipf categories, M = %d draws per generation, %d runs: %.1f "
                + "categories lost in generation 1 (theory %.1f); %.1f survive at generation %d on average; the lost "
                + "categories held %.0f%% of the original mass; %.0f%% of runs are down to one category%n", categories,
                options.samplesPerGeneration(), ensemble.runs().size(), categories - surviving[1],
                ensemble.theory().expectedLostInFirstGeneration(), surviving[last], last, 100 * lostMass[last],
                100 * ensemble.fractionFixed());
        double[] n = generationAxis(last + 1);
        XYChart chart = Charts.xy("Categorical resampling: surviving categories (Zipf, 100 categories)",
                "generation", "categories with p > 0");
        for (int r = 0; r < Math.min(3, ensemble.runs().size()); r++) {
            Charts.line(chart, "run " + (r + 1), n, ensemble.runs().get(r).series(CategoricalMetric.SURVIVING))
                    .setLineColor(new Color(120, 120, 220, 120));
        }
        Charts.line(chart, "mean of " + ensemble.runs().size() + " runs", n, surviving).setLineColor(Color.BLACK);
        return chart;
    }

    private static XYChart scatter(double[][] data, GaussianMixture fit, int generation) {
        double[] x = new double[data.length];
        double[] y = new double[data.length];
        for (int i = 0; i < data.length; i++) {
            x[i] = data[i][0];
            y[i] = data[i][1];
        }
        String stds = Arrays.stream(fit.componentStds()).mapToObj(sd -> String.format(Locale.ROOT, "%.2f", sd))
                .collect(Collectors.joining(", "));
        String label = generation == 0 ? "generation 0: the original (sd " + stds + ")"
                : "generation " + generation + " (component sd " + stds + ")";
        XYChart chart = Charts.xy(label, "x1", "x2");
        chart.getStyler().setLegendVisible(false).setMarkerSize(3);
        chart.getStyler().setXAxisMin(-4.0).setXAxisMax(4.0).setYAxisMin(-4.0).setYAxisMax(4.0);
        Charts.points(chart, "samples", x, y);
        return chart;
    }
}
