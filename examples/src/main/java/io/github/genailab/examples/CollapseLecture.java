package io.github.genailab.examples;

import io.github.genailab.collapse.EmOptions;
import io.github.genailab.collapse.GaussianEnsemble;
import io.github.genailab.collapse.GaussianMetric;
import io.github.genailab.collapse.GaussianMixture;
import io.github.genailab.collapse.GaussianMixtureEm;
import io.github.genailab.collapse.GaussianTheory;
import io.github.genailab.collapse.GaussianTrajectory;
import io.github.genailab.collapse.RecursiveGaussian;
import io.github.genailab.collapse.RefitOptions;
import io.github.genailab.collapse.Sampler;
import io.github.genailab.collapse.VarianceEstimator;
import io.github.genailab.core.math.Rngs;
import java.awt.Color;
import java.io.IOException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.random.RandomGenerator;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;

/**
 * Model collapse (Shumailov et al., Nature 2024): fit a model to data, sample the next generation's data from
 * the fit, repeat. A 1-D Gaussian's variance random-walks to zero (with the exact theory curves), and a
 * two-component Gaussian mixture refitted on its own samples shrinks to a point.
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
                    (done, total) -> bar.stepTo(done));
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
     * The paper's GMM experiment: 2-D standard normal data, a 2-component full-covariance mixture fitted by
     * EM, the next generation sampled from the fit; one scatter panel per snapshot generation.
     */
    private static List<XYChart> mixtureSnapshots(LectureArgs args, RandomGenerator rng, PrintStream out) {
        int points = args.size(1000, 200);
        int last = args.size(2000, 200);
        int[] snapshots = args.quick() ? new int[] {0, 25, 50, 75, 100, 125, 150, 200}
                : new int[] {0, 50, 100, 150, 200, 350, 1000, 2000};
        EmOptions em = EmOptions.defaults().withTolerance(1e-5).withMaxIterations(2000);
        out.printf(Locale.ROOT, "GMM: 2 components fitted by EM to %d points of a 2-D standard normal, then the next "
                + "generation is %d points sampled from the fit%n", points, points);
        double[][] data = GaussianMixture.single(new double[2], new double[][] {{1, 0}, {0, 1}}).sample(points, rng);
        GaussianMixture fit = GaussianMixtureEm.fit(data, 2, em, rng);
        List<XYChart> panels = new ArrayList<>();
        List<String> lines = new ArrayList<>();
        int next = 0;
        try (ProgressBar bar = new ProgressBar(out, "refitting the GMM for " + last + " generations", last)) {
            for (int generation = 0; generation <= last; generation++) {
                if (generation == snapshots[next]) {
                    panels.add(scatter(data, fit, generation));
                    lines.add(String.format(Locale.ROOT, "  generation %4d: %s", generation, fit));
                    next = Math.min(next + 1, snapshots.length - 1);
                }
                if (generation < last) {
                    data = fit.sample(points, rng);
                    fit = GaussianMixtureEm.fit(data, 2, em, rng); // a fresh fit each generation, as the paper
                    bar.step();
                }
            }
        }
        lines.forEach(out::println);
        return panels;
    }

    private static XYChart scatter(double[][] data, GaussianMixture fit, int generation) {
        double[] x = new double[data.length];
        double[] y = new double[data.length];
        for (int i = 0; i < data.length; i++) {
            x[i] = data[i][0];
            y[i] = data[i][1];
        }
        double[] stds = fit.componentStds();
        XYChart chart = Charts.xy(String.format(Locale.ROOT, "generation %d (component sd %.2f, %.2f)", generation,
                stds[0], stds[1]), "x1", "x2");
        chart.getStyler().setLegendVisible(false).setMarkerSize(3);
        chart.getStyler().setXAxisMin(-4.0).setXAxisMax(4.0).setYAxisMin(-4.0).setYAxisMax(4.0);
        Charts.points(chart, "samples", x, y);
        return chart;
    }
}
