package io.github.genailab.benchmarks.diffusion;

import io.github.genailab.core.internal.nn.Linear;
import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * The diffusion noise predictor's perceptron (SiLU hidden layers) on fixed random inputs, evaluated two
 * ways with the same {@link Linear} layers: feature-major over the whole batch (the library's path, inner
 * loops over contiguous items) and one item at a time (the baseline: the tiny CLIP's dot-product path).
 */
public final class MlpForward {

    private final List<Linear> layers = new ArrayList<>();
    private final int items;
    private final double[][] inputs;
    private final double[][][] activations;

    /**
     * Builds the layers and inputs.
     *
     * @param dimension the data width
     * @param embedding the time-embedding width
     * @param hidden the hidden width
     * @param depth the number of hidden layers
     * @param items the batch size
     * @param rng weights and inputs
     */
    public MlpForward(int dimension, int embedding, int hidden, int depth, int items, RandomGenerator rng) {
        this.items = items;
        int width = dimension + embedding;
        for (int l = 0; l < depth; l++) {
            layers.add(Linear.init(width, hidden, rng));
            width = hidden;
        }
        layers.add(Linear.init(width, dimension, rng));
        inputs = new double[items][dimension + embedding];
        for (double[] row : inputs) {
            for (int k = 0; k < row.length; k++) {
                row[k] = rng.nextGaussian();
            }
        }
        activations = new double[layers.size() + 1][][];
        activations[0] = new double[dimension + embedding][items];
        for (int l = 0; l < layers.size(); l++) {
            activations[l + 1] = new double[layers.get(l).outputs()][items];
        }
    }

    /**
     * Feature-major forward pass.
     *
     * @return the outputs, {@code dimension x items}
     */
    public double[][] batched() {
        for (int b = 0; b < items; b++) {
            for (int k = 0; k < inputs[b].length; k++) {
                activations[0][k][b] = inputs[b][k];
            }
        }
        for (int l = 0; l < layers.size(); l++) {
            layers.get(l).forward(activations[l], activations[l + 1], items);
            if (l + 1 < layers.size()) {
                for (double[] row : activations[l + 1]) {
                    for (int b = 0; b < items; b++) {
                        row[b] = silu(row[b]);
                    }
                }
            }
        }
        return activations[layers.size()];
    }

    /**
     * Item-by-item forward pass.
     *
     * @return the outputs, {@code items x dimension}
     */
    public double[][] perItem() {
        double[][] out = new double[items][];
        for (int b = 0; b < items; b++) {
            double[] x = inputs[b];
            for (int l = 0; l < layers.size(); l++) {
                double[] y = new double[layers.get(l).outputs()];
                layers.get(l).forward(x, y);
                if (l + 1 < layers.size()) {
                    for (int k = 0; k < y.length; k++) {
                        y[k] = silu(y[k]);
                    }
                }
                x = y;
            }
            out[b] = x;
        }
        return out;
    }

    private static double silu(double z) {
        return z / (1 + StrictMath.exp(-z));
    }
}
