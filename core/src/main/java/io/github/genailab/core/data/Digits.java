package io.github.genailab.core.data;

import io.github.genailab.core.internal.nn.Batches;
import io.github.genailab.core.math.Checks;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.random.RandomGenerator;
import java.util.zip.GZIPInputStream;

/**
 * Handwritten digits as 8x8 grey images: the UCI "Optical Recognition of Handwritten Digits" test
 * set (1,797 images, grey levels 0..16), bundled with the library.
 *
 * <p>Pixels are row-major, 64 per image, as stored (0..16, not rescaled). Labels are 0..9.
 * Source: E. Alpaydin, C. Kaynak, UCI Machine Learning Repository, 1998, doi:10.24432/C50P49,
 * CC BY 4.0, as shipped by scikit-learn; see {@code PROVENANCE.md} next to the data file. Shared by the
 * tiny CLIP ({@code genailab-contrastive}) and the diffusion models ({@code genailab-diffusion}).
 *
 * <p>Arrays are copied in and out. {@link #toString()} is one line.
 *
 * @param pixels one row of {@value #PIXELS} grey levels per image
 * @param labels the digit shown by each image, in {@code [0, 9]}
 *
 * @since 0.1.0
 */
public record Digits(float[][] pixels, int[] labels) {

    /** Pixels per image (8 x 8). */
    public static final int PIXELS = 64;

    /** Number of classes (digits 0..9). */
    public static final int CLASSES = 10;

    /** The largest grey level. */
    public static final int MAX_GREY = 16;

    /** English names of the digits, in label order: {@code "zero"}, ..., {@code "nine"}. */
    public static final List<String> NAMES =
            List.of("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine");

    private static final String RESOURCE = "digits.csv.gz";

    /**
     * Validates and copies the data.
     *
     * @param pixels one row of {@value #PIXELS} grey levels per image
     * @param labels the digit shown by each image, in {@code [0, 9]}
     * @throws NullPointerException     if an array or a row is null
     * @throws IllegalArgumentException if there are no images, a row does not have 64 finite grey
     *                                  levels in {@code [0, 16]}, the lengths differ or a label is
     *                                  outside {@code [0, 9]}
     */
    public Digits {
        Checks.notNull(pixels, "pixels");
        Checks.nonEmpty(labels, "labels");
        Checks.sameLength(pixels.length, labels.length, "pixels", "labels");
        for (int i = 0; i < labels.length; i++) {
            Checks.inRange(labels[i], 0, CLASSES - 1, "labels[" + i + "]");
        }
        float[][] copy = new float[pixels.length][];
        for (int i = 0; i < pixels.length; i++) {
            float[] row = Checks.notNull(pixels[i], "pixels[" + i + "]");
            if (row.length != PIXELS) {
                throw Checks.fail("pixels[" + i + "]", "have " + PIXELS + " values", row.length);
            }
            for (int k = 0; k < PIXELS; k++) {
                Checks.inClosedInterval(row[k], 0, MAX_GREY, "pixels[" + i + "][" + k + "]");
            }
            copy[i] = row.clone();
        }
        pixels = copy;
        labels = labels.clone();
    }

    /**
     * The bundled 1,797 digits, in file order.
     *
     * @return the data set
     * @throws UncheckedIOException if the bundled resource cannot be read (a broken jar)
     */
    public static Digits load() {
        try (InputStream raw = Objects.requireNonNull(Digits.class.getResourceAsStream(RESOURCE), RESOURCE);
             BufferedReader reader = new BufferedReader(
                     new InputStreamReader(new GZIPInputStream(raw), StandardCharsets.US_ASCII))) {
            List<float[]> rows = new ArrayList<>();
            List<Integer> labels = new ArrayList<>();
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                String[] fields = line.split(",");
                float[] row = new float[PIXELS];
                for (int k = 0; k < PIXELS; k++) {
                    row[k] = Integer.parseInt(fields[k]);
                }
                rows.add(row);
                labels.add(Integer.parseInt(fields[PIXELS]));
            }
            return new Digits(rows.toArray(new float[0][]), labels.stream().mapToInt(Integer::intValue).toArray());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the bundled " + RESOURCE, e);
        }
    }

    /**
     * Number of images.
     *
     * @return the size
     */
    public int size() {
        return labels.length;
    }

    /**
     * The pixels, a copy.
     *
     * @return a new {@code size x 64} array
     */
    @Override
    public float[][] pixels() {
        float[][] out = new float[pixels.length][];
        for (int i = 0; i < out.length; i++) {
            out[i] = pixels[i].clone();
        }
        return out;
    }

    /**
     * The labels, a copy.
     *
     * @return a new array
     */
    @Override
    public int[] labels() {
        return labels.clone();
    }

    /**
     * The images at the given positions, in that order.
     *
     * @param indices positions in {@code [0, size)}, at least one
     * @return a new data set
     * @throws NullPointerException     if {@code indices} is null
     * @throws IllegalArgumentException if it is empty or an index is out of range
     */
    public Digits subset(int[] indices) {
        Checks.nonEmpty(indices, "indices");
        for (int i = 0; i < indices.length; i++) {
            Checks.inRange(indices[i], 0, size() - 1, "indices[" + i + "]");
        }
        float[][] rows = new float[indices.length][];
        int[] picked = new int[indices.length];
        for (int i = 0; i < indices.length; i++) {
            rows[i] = pixels[indices[i]];
            picked[i] = labels[indices[i]];
        }
        return new Digits(rows, picked);
    }

    /**
     * A random train/test split: a seeded shuffle, then the first {@code round(testFraction * size)}
     * images are the test set.
     *
     * @param testFraction share of images held out, in {@code (0, 1)}; both parts must be non-empty
     * @param rng          the source of randomness
     * @return the two parts
     * @throws NullPointerException     if {@code rng} is null
     * @throws IllegalArgumentException if {@code testFraction} is outside {@code (0, 1)} or leaves a
     *                                  part empty
     */
    public Split split(double testFraction, RandomGenerator rng) {
        Checks.inOpenInterval(testFraction, 0, 1, "testFraction");
        Checks.notNull(rng, "rng");
        int testSize = (int) Math.round(testFraction * size());
        if (testSize < 1 || testSize > size() - 1) {
            throw Checks.fail("testFraction", "leave both parts of " + size() + " images non-empty", testFraction);
        }
        int[] order = Batches.shuffled(size(), rng);
        return new Split(subset(Arrays.copyOfRange(order, testSize, order.length)),
                subset(Arrays.copyOfRange(order, 0, testSize)));
    }


    /**
     * Compares pixels and labels by content.
     *
     * @param other the object to compare with
     * @return whether {@code other} holds the same images and labels
     */
    @Override
    public boolean equals(Object other) {
        return other instanceof Digits d && Arrays.deepEquals(pixels, d.pixels) && Arrays.equals(labels, d.labels);
    }

    /**
     * Hash of pixels and labels by content.
     *
     * @return the hash code
     */
    @Override
    public int hashCode() {
        return 31 * Arrays.deepHashCode(pixels) + Arrays.hashCode(labels);
    }

    /**
     * One line: size and images per digit.
     *
     * @return e.g. {@code Digits[1797 images, per digit 0..9: [178, 182, ...]]}
     */
    @Override
    public String toString() {
        int[] counts = new int[CLASSES];
        for (int label : labels) {
            counts[label]++;
        }
        return "Digits[" + size() + " images, per digit 0..9: " + Arrays.toString(counts) + "]";
    }

    /**
     * A train/test split.
     *
     * @param train the images to train on
     * @param test  the held-out images
     */
    public record Split(Digits train, Digits test) {

        /**
         * Validates the parts.
         *
         * @param train the images to train on
         * @param test the held-out images
         * @throws NullPointerException if a part is null
         */
        public Split {
            Checks.notNull(train, "train");
            Checks.notNull(test, "test");
        }
    }
}
