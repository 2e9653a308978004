package io.github.genailab.examples;

import io.github.genailab.contrastive.tinyclip.TinyClip;
import io.github.genailab.contrastive.tinyclip.TinyClipOptions;
import io.github.genailab.contrastive.tinyclip.TinyClipResult;
import io.github.genailab.core.data.Digits;
import io.github.genailab.core.math.Rngs;
import java.io.IOException;
import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.style.Styler;

/**
 * Contrastive pre-training (Radford et al. 2021, CLIP) at classroom scale: train an image tower and a text tower
 * on the bundled 8×8 handwritten digits with the symmetric CLIP loss, then classify held-out digits zero-shot
 * from text prompts alone, with one prompt and with a prompt ensemble.
 *
 * <pre>
 * mvn -q -DskipTests -Ptour package -Dexample=io.github.genailab.examples.ContrastiveLecture
 * </pre>
 */
public final class ContrastiveLecture {

    private ContrastiveLecture() {
    }

    /**
     * Runs the lecture from the command line.
     *
     * @param args {@code [--seed N] [--out DIR] [--quick]}
     * @throws IOException if a figure cannot be written
     */
    public static void main(String[] args) throws IOException {
        Lecture.launch(args, "contrastive", ContrastiveLecture::run);
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
        Digits digits = Digits.load();
        TinyClipOptions options = TinyClipOptions.defaults().withEpochs(args.size(30, 3));
        out.println("data: " + digits);
        out.printf(Locale.ROOT, "towers: %d hidden units, embedding D = %d; %d epochs of batch %d, Adam lr %.0e, "
                + "%.0f%% of the digits held out%n", options.hiddenUnits(), options.embeddingDimension(),
                options.epochs(), options.batchSize(), options.learningRate(), 100 * options.testFraction());
        TinyClipResult result;
        try (ProgressBar bar = new ProgressBar(out, "training the image and text towers", options.epochs())) {
            result = TinyClip.train(digits, options, Rngs.seeded(args.seed()), (stage, epoch, epochs) -> bar.stepTo(epoch));
        }
        out.println(result);
        double[] loss = result.lossCurve();
        out.printf(Locale.ROOT, "CLIP loss per epoch: %.3f -> %.3f (log of the batch size, %.3f, is chance)%n", loss[0],
                loss[loss.length - 1], Math.log(options.batchSize()));
        out.printf(Locale.ROOT, "zero-shot accuracy on %d held-out digits: untrained %.1f%%, one prompt %.1f%%, "
                + "%d-prompt ensemble %.1f%% (chance %.1f%%)%n", result.testSize(),
                100 * result.zeroShotAccuracyBefore(), 100 * result.zeroShotAccuracy(),
                options.promptTemplates().size(), 100 * result.zeroShotAccuracyEnsemble(), 100 * result.chance());

        figures.save(List.of(
                Charts.heatMap("cosine before training", "image of digit (0 at top)", "prompt for digit",
                        result.similarityBefore(), -1, 1),
                Charts.heatMap("cosine after training", "image of digit (0 at top)", "prompt for digit",
                        result.similarityAfter(), -1, 1)), 1, 2,
                "similarity-before-after",
                "cosine similarity of digit images (rows 0-9) and prompts (columns 0-9), before and after training");
        figures.save(lossChart(result), "loss-curve", "mean CLIP loss and logit scale per epoch");
        figures.save(accuracyChart(result, options), "zero-shot-accuracy",
                "zero-shot accuracy before training, with one prompt, and with the prompt ensemble");
    }

    private static XYChart lossChart(TinyClipResult result) {
        double[] loss = result.lossCurve();
        double[] epochs = new double[loss.length];
        for (int i = 0; i < loss.length; i++) {
            epochs[i] = i + 1;
        }
        XYChart chart = Charts.xy("Symmetric CLIP loss during training", "epoch", "mean loss over the epoch");
        Charts.line(chart, "CLIP loss", epochs, loss);
        Charts.line(chart, "logit scale s (right axis)", epochs, result.logitScaleCurve()).setYAxisGroup(1);
        chart.setYAxisGroupTitle(1, "logit scale s = exp(theta)");
        chart.getStyler().setYAxisGroupPosition(1, Styler.YAxisPosition.Right);
        return chart;
    }

    private static CategoryChart accuracyChart(TinyClipResult result, TinyClipOptions options) {
        CategoryChart chart = Charts.bars("Zero-shot accuracy on held-out digits", "classifier", "top-1 accuracy");
        chart.addSeries("accuracy", List.of("untrained", "1 prompt", options.promptTemplates().size() + "-prompt ensemble"),
                List.of(result.zeroShotAccuracyBefore(), result.zeroShotAccuracy(), result.zeroShotAccuracyEnsemble()));
        chart.addSeries("chance", List.of("untrained", "1 prompt", options.promptTemplates().size() + "-prompt ensemble"),
                List.of(result.chance(), result.chance(), result.chance()));
        chart.getStyler().setYAxisMin(0.0).setYAxisMax(1.0);
        return chart;
    }
}
