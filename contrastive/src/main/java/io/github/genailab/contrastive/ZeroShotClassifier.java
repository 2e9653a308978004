package io.github.genailab.contrastive;

import io.github.genailab.core.internal.Copies;
import io.github.genailab.core.math.Checks;
import io.github.genailab.core.math.LogMath;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;
import java.util.stream.IntStream;

/**
 * Zero-shot classification with a contrastive text encoder: every class becomes the normalised mean
 * of its prompt embeddings, an image goes to the class of highest cosine.
 *
 * <p>Classifier (prompt ensembling in embedding space, CLIP section 3.1.4):
 * <pre>
 *   e_ct = encode(template_t with "{}" replaced by className_c)
 *   w_c  = normalize( (1/T) sum_t normalize(e_ct) )           one unit vector per class
 *   logits_c(image) = 100 * normalize(image) . w_c             probabilities = softmax(logits)
 * </pre>
 * Conventions ports get wrong: each prompt embedding is normalised <em>before</em> averaging and the
 * mean renormalised after (averaging probabilities instead is a different, costlier classifier);
 * evaluation uses the fixed factor {@value #EVALUATION_SCALE}, not the learned logit scale (argmax
 * and top-k do not depend on it, probabilities do). Norms are clamped at 1e-12 as in
 * {@code F.normalize}. Ties in rankings go to the lower class index.
 *
 * <p>Immutable and thread-safe. Complexity: building {@code O(C T)} encoder calls plus
 * {@code O(C T D)}; each image {@code O(C D)}. No ND4J.
 *
 * <p>Reference: Radford et al. 2021 (see {@link ClipLoss}), section 3.1.4 and the OpenAI notebook
 * {@code openai/CLIP@d05afc4:notebooks/Prompt_Engineering_for_ImageNet.ipynb};
 * {@code mlfoundations/open_clip@89fb801:src/open_clip/zero_shot_classifier.py}.
 *
 * @since 0.1.0
 */
public final class ZeroShotClassifier {

    /** The factor on the cosines at evaluation time, as in CLIP's and open_clip's evaluation code. */
    public static final double EVALUATION_SCALE = 100;

    /** The placeholder a template must contain; it is replaced by the class name. */
    public static final String PLACEHOLDER = "{}";

    private final List<String> classNames;
    private final List<String> templates;
    private final double[][] weights;

    private ZeroShotClassifier(List<String> classNames, List<String> templates, double[][] weights) {
        this.classNames = List.copyOf(classNames);
        this.templates = List.copyOf(templates);
        this.weights = weights;
    }

    /**
     * Builds the classifier by encoding every class name in every template.
     *
     * @param classNames  the classes, in label order (label i is {@code classNames.get(i)})
     * @param templates   prompt templates, each containing {@value #PLACEHOLDER}, e.g.
     *                    {@code "a photo of the number {}."}
     * @param textEncoder maps a prompt to its embedding; all embeddings must have the same length
     * @return the classifier
     * @throws NullPointerException     if an argument, a name, a template or an embedding is null
     * @throws IllegalArgumentException if there is no class or no template, a template lacks the
     *                                  placeholder, or embeddings are empty, of differing lengths or
     *                                  not finite
     */
    public static ZeroShotClassifier fromPrompts(List<String> classNames, List<String> templates,
                                                 Function<String, float[]> textEncoder) {
        checkNames(classNames, "classNames");
        checkNames(templates, "templates");
        Checks.notNull(textEncoder, "textEncoder");
        for (int t = 0; t < templates.size(); t++) {
            if (!templates.get(t).contains(PLACEHOLDER)) {
                throw Checks.fail("templates[" + t + "]", "contain " + PLACEHOLDER, '"' + templates.get(t) + '"');
            }
        }
        float[][][] embeddings = new float[classNames.size()][templates.size()][];
        for (int c = 0; c < classNames.size(); c++) {
            for (int t = 0; t < templates.size(); t++) {
                embeddings[c][t] = textEncoder.apply(prompt(templates.get(t), classNames.get(c)));
            }
        }
        return new ZeroShotClassifier(classNames, templates, classWeights(embeddings, "textEncoder output"));
    }

    /**
     * Builds the classifier from prompt embeddings computed elsewhere (e.g. exported from Python).
     *
     * @param classNames       the classes, in label order
     * @param promptEmbeddings {@code [class][template][dimension]}: one row per prompt of each class
     * @return the classifier (its {@link #templates()} are {@code "template 0"}, {@code "template 1"}, ...)
     * @throws NullPointerException     if an argument, a name or a row is null
     * @throws IllegalArgumentException if the counts disagree or embeddings are empty, ragged or not
     *                                  finite
     */
    public static ZeroShotClassifier fromEmbeddings(List<String> classNames, float[][][] promptEmbeddings) {
        checkNames(classNames, "classNames");
        Checks.notNull(promptEmbeddings, "promptEmbeddings");
        Checks.sameLength(classNames.size(), promptEmbeddings.length, "classNames", "promptEmbeddings");
        int templateCount = Checks.notNull(promptEmbeddings[0], "promptEmbeddings[0]").length;
        for (int c = 0; c < promptEmbeddings.length; c++) {
            Checks.finiteMatrix(promptEmbeddings[c], "promptEmbeddings[" + c + "]");
            if (promptEmbeddings[c].length != templateCount) {
                throw Checks.fail("promptEmbeddings[" + c + "]", "have " + templateCount + " prompts like class 0",
                        promptEmbeddings[c].length);
            }
        }
        List<String> names = IntStream.range(0, templateCount).mapToObj(t -> "template " + t).toList();
        return new ZeroShotClassifier(classNames, names, classWeights(promptEmbeddings, "promptEmbeddings"));
    }

    /**
     * The prompt for one class: the template with every {@value #PLACEHOLDER} replaced.
     *
     * @param template  a template containing the placeholder
     * @param className the class name
     * @return the prompt, e.g. {@code "a photo of the number seven."}
     * @throws NullPointerException if an argument is null
     */
    public static String prompt(String template, String className) {
        return Checks.notNull(template, "template").replace(PLACEHOLDER, Checks.notNull(className, "className"));
    }

    /**
     * The class names, in label order.
     *
     * @return an unmodifiable list
     */
    public List<String> classNames() {
        return classNames;
    }

    /**
     * The templates the classifier averaged over.
     *
     * @return an unmodifiable list
     */
    public List<String> templates() {
        return templates;
    }

    /**
     * The embedding dimension D.
     *
     * @return D
     */
    public int dimension() {
        return weights[0].length;
    }

    /**
     * The unit class vectors {@code w_c}, a copy.
     *
     * @return a new {@code C x D} array
     */
    public double[][] weights() {
        return Copies.deepCopy(weights, "weights");
    }

    /**
     * The logits {@code 100 cos(image, w_c)} of one image.
     *
     * @param image an image embedding of length D (normalised inside; not modified)
     * @return one logit per class
     * @throws NullPointerException     if {@code image} is null
     * @throws IllegalArgumentException if its length is not D or an entry is not finite
     */
    public double[] logits(float[] image) {
        Checks.allFinite(image, "image");
        Checks.sameLength(image.length, dimension(), "image", "class weights");
        double norm = 0;
        for (float v : image) {
            norm += (double) v * v;
        }
        double scale = EVALUATION_SCALE / Math.max(Math.sqrt(norm), Embeddings.NORM_EPS);
        double[] out = new double[weights.length];
        for (int c = 0; c < weights.length; c++) {
            double dot = 0;
            for (int k = 0; k < image.length; k++) {
                dot += image[k] * weights[c][k];
            }
            out[c] = scale * dot;
        }
        return out;
    }

    /**
     * Class probabilities {@code softmax(100 cos(image, w_c))}.
     *
     * @param image an image embedding of length D (not modified)
     * @return probabilities summing to 1
     * @throws NullPointerException     if {@code image} is null
     * @throws IllegalArgumentException if its length is not D or an entry is not finite
     */
    public double[] probabilities(float[] image) {
        return LogMath.softmax(logits(image));
    }

    /**
     * The predicted class (highest cosine; ties to the lower index).
     *
     * @param image an image embedding of length D (not modified)
     * @return the class index
     * @throws NullPointerException     if {@code image} is null
     * @throws IllegalArgumentException if its length is not D or an entry is not finite
     */
    public int predict(float[] image) {
        return topK(image, 1)[0];
    }

    /**
     * Predictions for many images.
     *
     * @param images image embeddings, one per row (not modified)
     * @return one class index per row
     * @throws NullPointerException     if {@code images} or a row is null
     * @throws IllegalArgumentException if a row has the wrong length or a non-finite entry
     */
    public int[] predict(float[][] images) {
        Checks.notNull(images, "images");
        int[] out = new int[images.length];
        for (int i = 0; i < images.length; i++) {
            out[i] = predict(Checks.notNull(images[i], "images[" + i + "]"));
        }
        return out;
    }

    /**
     * The {@code k} most likely classes, best first (ties to the lower index).
     *
     * @param image an image embedding of length D (not modified)
     * @param k     how many, in {@code [1, C]}
     * @return class indices
     * @throws NullPointerException     if {@code image} is null
     * @throws IllegalArgumentException if {@code k} is out of range, or the image has the wrong length
     *                                  or a non-finite entry
     */
    public int[] topK(float[] image, int k) {
        Checks.inRange(k, 1, weights.length, "k");
        double[] logits = logits(image);
        return IntStream.range(0, logits.length).boxed()
                .sorted(Comparator.comparingDouble((Integer c) -> -logits[c]).thenComparingInt(c -> c))
                .limit(k).mapToInt(Integer::intValue).toArray();
    }

    /**
     * Top-k accuracy: the fraction of images whose label is among their {@code k} best classes.
     *
     * @param images image embeddings, one per row (not modified)
     * @param labels the true class of each row, in {@code [0, C)}
     * @param k      in {@code [1, C]}; 1 gives plain accuracy
     * @return the accuracy in {@code [0, 1]}
     * @throws NullPointerException     if an array or a row is null
     * @throws IllegalArgumentException if the arrays are empty or differ in length, a label or
     *                                  {@code k} is out of range, or a row is bad
     */
    public double topKAccuracy(float[][] images, int[] labels, int k) {
        Checks.notNull(images, "images");
        Checks.nonEmpty(labels, "labels");
        Checks.sameLength(images.length, labels.length, "images", "labels");
        int hits = 0;
        for (int i = 0; i < images.length; i++) {
            int label = Checks.inRange(labels[i], 0, weights.length - 1, "labels[" + i + "]");
            if (Arrays.stream(topK(Checks.notNull(images[i], "images[" + i + "]"), k)).anyMatch(c -> c == label)) {
                hits++;
            }
        }
        return (double) hits / images.length;
    }

    /**
     * One line: classes, templates, dimension.
     *
     * @return e.g. {@code ZeroShotClassifier[10 classes x 7 templates, D=32, scale=100]}
     */
    @Override
    public String toString() {
        return "ZeroShotClassifier[" + classNames.size() + " classes x " + templates.size() + " templates, D="
                + dimension() + ", scale=" + (int) EVALUATION_SCALE + "]";
    }

    private static void checkNames(List<String> names, String name) {
        Checks.notNull(names, name);
        if (names.isEmpty()) {
            throw Checks.fail(name, "not be empty", "0 entries");
        }
        for (int i = 0; i < names.size(); i++) {
            Checks.notNull(names.get(i), name + "[" + i + "]");
        }
    }

    /** Normalise each prompt embedding, average per class, renormalise. */
    private static double[][] classWeights(float[][][] embeddings, String name) {
        int dimension = -1;
        List<double[]> rows = new ArrayList<>();
        for (int c = 0; c < embeddings.length; c++) {
            double[] mean = null;
            for (int t = 0; t < embeddings[c].length; t++) {
                float[] e = Checks.allFinite(embeddings[c][t], name + "[" + c + "][" + t + "]");
                if (dimension < 0) {
                    dimension = e.length;
                    Checks.positive(dimension, name + " length");
                }
                if (e.length != dimension) {
                    throw Checks.fail(name + "[" + c + "][" + t + "]", "have length " + dimension, e.length);
                }
                double[] unit = unit(e);
                if (mean == null) {
                    mean = new double[dimension];
                }
                for (int k = 0; k < dimension; k++) {
                    mean[k] += unit[k] / embeddings[c].length;
                }
            }
            rows.add(unitOf(mean));
        }
        return rows.toArray(new double[0][]);
    }

    private static double[] unit(float[] v) {
        double[] out = new double[v.length];
        for (int k = 0; k < v.length; k++) {
            out[k] = v[k];
        }
        return unitOf(out);
    }

    private static double[] unitOf(double[] v) {
        double norm = 0;
        for (double x : v) {
            norm += x * x;
        }
        double scale = 1 / Math.max(Math.sqrt(norm), Embeddings.NORM_EPS);
        for (int k = 0; k < v.length; k++) {
            v[k] *= scale;
        }
        return v;
    }
}
