package io.github.genailab.contrastive.tinyclip;

import io.github.genailab.contrastive.ClipLoss;
import io.github.genailab.contrastive.ClipLossOptions;
import io.github.genailab.contrastive.ClipLossResult;
import io.github.genailab.core.ProgressListener;
import io.github.genailab.core.data.Digits;
import io.github.genailab.core.internal.nn.Adam;
import io.github.genailab.core.internal.nn.Batches;
import io.github.genailab.core.internal.nn.Param;
import io.github.genailab.core.math.Checks;
import io.github.genailab.core.math.PairwiseSum;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.random.RandomGenerator;

/**
 * Trains a tiny CLIP from scratch on the bundled handwritten digits and measures its zero-shot
 * accuracy on held-out digits: CLIP's recipe at classroom scale.
 *
 * <p>Recipe (Radford et al. 2021, section 2.3 and Figure 3, shrunk):
 * <ol>
 *   <li>Split the digits into train and held-out test images (seeded).</li>
 *   <li>Image tower: {@code tanh} perceptron on the 64 grey levels; text tower: bag of words with a
 *       {@code tanh} layer; both project to D dimensions.</li>
 *   <li>Each step takes a batch of training images, draws a caption for each (a random training
 *       template filled with the digit's name as a word or a numeral: "a handwritten 7"), and
 *       minimises the symmetric CLIP loss ({@link ClipLoss}, rows L2-normalised inside) with Adam
 *       over both towers and the log-scale {@code theta}, clamped to {@code [0, ln 100]} after every
 *       step as in CLIP.</li>
 *   <li>Zero-shot: build a classifier from the text tower alone ("a photo of the number {}." for
 *       zero..nine), with one template and with the ensemble of all prompt templates, and classify
 *       the held-out images.</li>
 * </ol>
 * A batch holds about {@code B/10} captions of each digit, so most "negatives" share the positive's
 * class (CLIP's false negatives): the loss plateaus well above 0, yet the towers align by class.
 *
 * <p>Determinism: everything random (split, initialisation, shuffling, captions) comes from the
 * given generator, in a fixed order; the same seed gives the same result. Cost with the defaults:
 * about 350 steps of batch 128, a few seconds on 2 cores.
 *
 * <p>Reference: A. Radford et al., "Learning Transferable Visual Models From Natural Language
 * Supervision", ICML 2021, arXiv:2103.00020. Data: E. Alpaydin, C. Kaynak, "Optical Recognition of
 * Handwritten Digits", UCI Machine Learning Repository, 1998, doi:10.24432/C50P49 (CC BY 4.0).
 *
 * @since 0.1.0
 */
public final class TinyClip {

    /** Digits written as numerals, in label order, used for half of the training captions. */
    static final List<String> NUMERALS = List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9");

    private TinyClip() {
    }

    /**
     * Trains without progress reports.
     *
     * @param data    the digits (e.g. {@link Digits#load()}), split inside
     * @param options sizes, schedule, templates
     * @param rng     the only source of randomness
     * @return model, curves, similarity matrices, zero-shot accuracies
     * @throws NullPointerException     if an argument is null
     * @throws IllegalArgumentException if the split leaves a part empty
     */
    public static TinyClipResult train(Digits data, TinyClipOptions options, RandomGenerator rng) {
        return train(data, options, rng, ProgressListener.none());
    }

    /**
     * Trains, reporting after every epoch.
     *
     * @param data     the digits (e.g. {@link Digits#load()}), split inside
     * @param options  sizes, schedule, templates
     * @param rng      the only source of randomness
     * @param listener called after each epoch on this thread, with stage
     *     {@code "epoch (loss L, logitScale S)"}, the epoch just finished (1-based) and the number of
     *     epochs; the exact curves are in the result
     * @return model, curves, similarity matrices, zero-shot accuracies
     * @throws NullPointerException     if an argument is null
     * @throws IllegalArgumentException if the split leaves a part empty
     */
    public static TinyClipResult train(Digits data, TinyClipOptions options, RandomGenerator rng,
                                       ProgressListener listener) {
        Checks.notNull(data, "data");
        Checks.notNull(options, "options");
        Checks.notNull(rng, "rng");
        Checks.notNull(listener, "listener");
        Digits.Split split = data.split(options.testFraction(), rng);
        List<String> captions = allCaptions(options.captionTemplates());
        ImageEncoder image = ImageEncoder.init(options.hiddenUnits(), options.embeddingDimension(), rng);
        TextEncoder text = TextEncoder.init(captions, options.hiddenUnits(), options.embeddingDimension(), rng);
        Param theta = Param.filled(1, Math.log(options.initialLogitScale()));

        TinyClipModel untrained = new TinyClipModel(image, text, options.initialLogitScale());
        float[][] panel = onePerDigit(split);
        List<String> panelPrompts = Digits.NAMES.stream()
                .map(name -> options.promptTemplates().get(0).replace("{}", name)).toList();

        int[][][][] tokens = captionTokens(text, options.captionTemplates());
        List<Param> params = new ArrayList<>(image.params());
        params.addAll(text.params());
        double[] lossCurve = new double[options.epochs()];
        double[] scaleCurve = new double[options.epochs()];
        int step = 0;
        Digits train = split.train();
        float[][] pixels = train.pixels();
        int[] labels = train.labels();
        for (int epoch = 0; epoch < options.epochs(); epoch++) {
            int[] order = Batches.shuffled(train.size(), rng);
            List<Double> losses = new ArrayList<>();
            for (int from = 0; from + 2 <= order.length; from += options.batchSize()) {
                int to = Math.min(from + options.batchSize(), order.length);
                int[] batch = Arrays.copyOfRange(order, from, to);
                step++;
                losses.add(step(image, text, theta, pixels, labels, batch, tokens, rng));
                for (Param p : params) {
                    p.adamStep(Adam.CLIP, options.learningRate(), step);
                }
                theta.adamStep(Adam.CLIP, options.learningRate(), step);
                theta.value()[0] = Math.min(Math.max(theta.value()[0], 0), Math.log(ClipLossOptions.MAX_LOGIT_SCALE));
            }
            lossCurve[epoch] = PairwiseSum.mean(losses.stream().mapToDouble(Double::doubleValue).toArray());
            scaleCurve[epoch] = Math.exp(theta.value()[0]);
            listener.progress(String.format(Locale.ROOT, "epoch (loss %.6g, logitScale %.6g)", lossCurve[epoch],
                    scaleCurve[epoch]), epoch + 1, options.epochs());
        }

        TinyClipModel trained = new TinyClipModel(image, text, Math.exp(theta.value()[0]));
        Digits test = split.test();
        List<String> single = options.promptTemplates().subList(0, 1);
        return new TinyClipResult(trained, lossCurve, scaleCurve,
                untrained.similarity(panel, panelPrompts), trained.similarity(panel, panelPrompts),
                accuracy(untrained, test, single), accuracy(trained, test, single),
                accuracy(trained, test, options.promptTemplates()), train.size(), test.size(), options);
    }

    /** One optimisation step's forward and backward; returns the batch loss (gradients accumulated). */
    private static double step(ImageEncoder image, TextEncoder text, Param theta, float[][] pixels, int[] labels,
                               int[] batch, int[][][][] tokens, RandomGenerator rng) {
        int n = batch.length;
        double[][] inputs = new double[n][];
        double[][] imageHidden = new double[n][image.hiddenUnits()];
        double[][] textHidden = new double[n][text.width()];
        int[][] captionTokens = new int[n][];
        double[][] u = new double[n][];
        double[][] v = new double[n][];
        for (int i = 0; i < n; i++) {
            inputs[i] = ImageEncoder.input(pixels[batch[i]]);
            u[i] = image.forward(inputs[i], imageHidden[i]);
            int[][] forms = tokens[rng.nextInt(tokens.length)][labels[batch[i]]];
            captionTokens[i] = forms[rng.nextInt(forms.length)];
            v[i] = text.forward(captionTokens[i], textHidden[i]);
        }
        ClipLossResult r = ClipLoss.compute(u, v, Math.exp(theta.value()[0]), true);
        double[][] gradImage = r.gradImage();
        double[][] gradText = r.gradText();
        for (int i = 0; i < n; i++) {
            image.backward(inputs[i], imageHidden[i], gradImage[i]);
            text.backward(captionTokens[i], textHidden[i], gradText[i]);
        }
        theta.grad()[0] += r.gradLogScale();
        return r.loss();
    }

    /** Every training caption: each template with each digit as a word and as a numeral. */
    private static List<String> allCaptions(List<String> templates) {
        List<String> out = new ArrayList<>();
        for (String template : templates) {
            for (int d = 0; d < Digits.CLASSES; d++) {
                out.add(template.replace("{}", Digits.NAMES.get(d)));
                out.add(template.replace("{}", NUMERALS.get(d)));
            }
        }
        return out;
    }

    /** {@code [template][digit][form]} token ids, form 0 = word, 1 = numeral. */
    private static int[][][][] captionTokens(TextEncoder text, List<String> templates) {
        int[][][][] out = new int[templates.size()][Digits.CLASSES][][];
        for (int t = 0; t < templates.size(); t++) {
            for (int d = 0; d < Digits.CLASSES; d++) {
                out[t][d] = new int[][] {
                    text.tokenize(templates.get(t).replace("{}", Digits.NAMES.get(d))),
                    text.tokenize(templates.get(t).replace("{}", NUMERALS.get(d))),
                };
            }
        }
        return out;
    }

    /** The first held-out image of each digit (the first training image if a digit is not held out). */
    private static float[][] onePerDigit(Digits.Split split) {
        float[][] out = new float[Digits.CLASSES][];
        for (Digits part : List.of(split.test(), split.train())) {
            int[] labels = part.labels();
            float[][] pixels = part.pixels();
            for (int i = 0; i < labels.length; i++) {
                if (out[labels[i]] == null) {
                    out[labels[i]] = pixels[i];
                }
            }
        }
        for (int d = 0; d < out.length; d++) {
            if (out[d] == null) {
                out[d] = new float[Digits.PIXELS];
            }
        }
        return out;
    }

    private static double accuracy(TinyClipModel model, Digits test, List<String> templates) {
        return model.zeroShotClassifier(Digits.NAMES, templates)
                .topKAccuracy(model.encodeImages(test.pixels()), test.labels(), 1);
    }
}
