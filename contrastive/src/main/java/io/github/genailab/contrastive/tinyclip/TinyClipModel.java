package io.github.genailab.contrastive.tinyclip;

import io.github.genailab.contrastive.ZeroShotClassifier;
import io.github.genailab.core.data.Digits;
import io.github.genailab.core.math.Checks;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * A (trained or freshly initialised) tiny CLIP: its two encoders and its logit scale, frozen.
 *
 * <p>Image tower: {@code tanh} perceptron on the 64 grey levels / 16. Text tower: bag of words,
 * {@code W tanh(mean word vectors) + b}. Both map into the same D-dimensional space; embeddings are
 * returned raw (normalise them, or let {@link io.github.genailab.contrastive.ClipLoss} and
 * {@link ZeroShotClassifier} do it).
 *
 * <p>Immutable and thread-safe.
 *
 * @since 0.1.0
 */
public final class TinyClipModel {

    private final ImageEncoder image;
    private final TextEncoder text;
    private final double logitScale;

    TinyClipModel(ImageEncoder image, TextEncoder text, double logitScale) {
        this.image = image.copy();
        this.text = text.copy();
        this.logitScale = logitScale;
    }

    /**
     * The learned logit scale {@code s = exp(theta)}, in {@code [1, 100]}.
     *
     * @return s
     */
    public double logitScale() {
        return logitScale;
    }

    /**
     * The embedding dimension D.
     *
     * @return D
     */
    public int dimension() {
        return text.dimension();
    }

    /**
     * The text tower's words ({@code <unk>} first); other words count as {@code <unk>}.
     *
     * @return an unmodifiable list
     */
    public List<String> vocabulary() {
        return text.vocabulary();
    }

    /**
     * Embeds one image.
     *
     * @param pixels 64 grey levels in {@code [0, 16]}, row-major (not modified)
     * @return its D-dimensional embedding (not normalised)
     * @throws NullPointerException     if {@code pixels} is null
     * @throws IllegalArgumentException if it does not have 64 finite values
     */
    public float[] encodeImage(float[] pixels) {
        Checks.allFinite(pixels, "pixels");
        Checks.sameLength(pixels.length, Digits.PIXELS, "pixels", "an 8x8 image");
        return toFloat(image.forward(ImageEncoder.input(pixels), new double[image.hiddenUnits()]));
    }

    /**
     * Embeds many images.
     *
     * @param pixels one row of 64 grey levels per image (not modified)
     * @return one embedding per row
     * @throws NullPointerException     if {@code pixels} or a row is null
     * @throws IllegalArgumentException if a row does not have 64 finite values
     */
    public float[][] encodeImages(float[][] pixels) {
        Checks.notNull(pixels, "pixels");
        float[][] out = new float[pixels.length][];
        for (int i = 0; i < pixels.length; i++) {
            out[i] = encodeImage(Checks.notNull(pixels[i], "pixels[" + i + "]"));
        }
        return out;
    }

    /**
     * Embeds one text (lower-cased words; unknown words count as {@code <unk>}).
     *
     * @param caption e.g. {@code "a photo of the number seven."}
     * @return its D-dimensional embedding (not normalised)
     * @throws NullPointerException if {@code caption} is null
     */
    public float[] encodeText(String caption) {
        Checks.notNull(caption, "caption");
        return toFloat(text.forward(text.tokenize(caption), new double[text.width()]));
    }

    /**
     * A zero-shot classifier over the given class names, averaging the given templates.
     *
     * @param classNames classes in label order, e.g. {@link Digits#NAMES}
     * @param templates  templates containing {@code {}}
     * @return the classifier
     * @throws NullPointerException     if a list or an element is null
     * @throws IllegalArgumentException if a list is empty or a template lacks the placeholder
     */
    public ZeroShotClassifier zeroShotClassifier(List<String> classNames, List<String> templates) {
        return ZeroShotClassifier.fromPrompts(classNames, templates, this::encodeText);
    }

    /**
     * Cosine similarities between images and texts, the matrix CLIP demos show as a heat map.
     *
     * @param pixels one image per row (64 grey levels)
     * @param texts  the captions
     * @return {@code [image][text]} cosines in {@code [-1, 1]}
     * @throws NullPointerException     if an argument, a row or a caption is null
     * @throws IllegalArgumentException if a row does not have 64 finite values
     */
    public double[][] similarity(float[][] pixels, List<String> texts) {
        Checks.notNull(texts, "texts");
        float[][] images = encodeImages(pixels);
        double[][] out = new double[images.length][texts.size()];
        for (int j = 0; j < texts.size(); j++) {
            double[] t = unit(encodeText(Checks.notNull(texts.get(j), "texts[" + j + "]")));
            for (int i = 0; i < images.length; i++) {
                double[] u = unit(images[i]);
                double dot = 0;
                for (int k = 0; k < u.length; k++) {
                    dot += u[k] * t[k];
                }
                out[i][j] = dot;
            }
        }
        return out;
    }

    /**
     * Compares weights, vocabulary and logit scale.
     *
     * @param other the object to compare with
     * @return whether {@code other} is the same model
     */
    @Override
    public boolean equals(Object other) {
        if (!(other instanceof TinyClipModel m) || Double.compare(logitScale, m.logitScale) != 0
                || !vocabulary().equals(m.vocabulary())) {
            return false;
        }
        List<double[]> mine = weights();
        List<double[]> theirs = m.weights();
        for (int k = 0; k < mine.size(); k++) {
            if (!Arrays.equals(mine.get(k), theirs.get(k))) {
                return false;
            }
        }
        return mine.size() == theirs.size();
    }

    /**
     * Hash of weights, vocabulary and logit scale.
     *
     * @return the hash code
     */
    @Override
    public int hashCode() {
        int hash = Double.hashCode(logitScale) * 31 + vocabulary().hashCode();
        for (double[] w : weights()) {
            hash = 31 * hash + Arrays.hashCode(w);
        }
        return hash;
    }

    private List<double[]> weights() {
        List<double[]> out = new ArrayList<>();
        image.params().forEach(p -> out.add(p.value()));
        text.params().forEach(p -> out.add(p.value()));
        return out;
    }

    /**
     * One line: dimension, vocabulary size, logit scale.
     *
     * @return e.g. {@code TinyClipModel[D=32, vocabulary=31 words, logitScale=28.4]}
     */
    @Override
    public String toString() {
        return String.format(Locale.ROOT, "TinyClipModel[D=%d, vocabulary=%d words, logitScale=%.4g]",
                dimension(), text.vocabulary().size(), logitScale);
    }

    private static float[] toFloat(double[] v) {
        float[] out = new float[v.length];
        for (int k = 0; k < v.length; k++) {
            out[k] = (float) v[k];
        }
        return out;
    }

    private static double[] unit(float[] v) {
        double norm = 0;
        for (float x : v) {
            norm += (double) x * x;
        }
        double scale = 1 / Math.max(Math.sqrt(norm), 1e-12);
        double[] out = new double[v.length];
        for (int k = 0; k < v.length; k++) {
            out[k] = v[k] * scale;
        }
        return out;
    }
}
