package io.github.genailab.diffusion;

import io.github.genailab.core.internal.nn.Linear;
import io.github.genailab.core.internal.nn.Param;
import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * The noise predictor {@code epsilon_theta(x_t, t, c)}: a multilayer perceptron with SiLU activations on
 * the concatenation of {@code x_t}, a sinusoidal embedding of {@code t} and, for a conditional model, a
 * one-hot class vector whose last slot is the "no condition" token of classifier-free guidance.
 *
 * <p>Batches are feature-major ({@code x[k][b]}); activations live in a {@link Workspace} that each
 * call owns, so one predictor serves many threads.
 */
final class NoisePredictor {

    private final int dimension;
    private final int embedding;
    private final int classes;
    private final List<Linear> layers;
    private final double[][] timeTable;

    private NoisePredictor(int dimension, int embedding, int classes, List<Linear> layers, double[][] timeTable) {
        this.dimension = dimension;
        this.embedding = embedding;
        this.classes = classes;
        this.layers = layers;
        this.timeTable = timeTable;
    }

    static NoisePredictor init(int dimension, int classes, DdpmOptions options, RandomGenerator rng) {
        int inputs = dimension + options.timeEmbedding() + (classes > 0 ? classes + 1 : 0);
        List<Linear> layers = new ArrayList<>();
        int width = inputs;
        for (int l = 0; l < options.hiddenLayers(); l++) {
            layers.add(Linear.init(width, options.hiddenUnits(), rng));
            width = options.hiddenUnits();
        }
        layers.add(Linear.init(width, dimension, rng));
        return new NoisePredictor(dimension, options.timeEmbedding(), classes, List.copyOf(layers),
                timeTable(options.schedule().steps(), options.timeEmbedding()));
    }

    /**
     * The Transformer's sinusoidal position encoding (Vaswani et al. 2017, section 3.5) of {@code t = 1..T}:
     * {@code e[2k] = sin(t / 10000^(2k/E))}, {@code e[2k+1] = cos(t / 10000^(2k/E))}.
     */
    static double[][] timeTable(int steps, int width) {
        double[][] table = new double[steps][width];
        for (int t = 1; t <= steps; t++) {
            for (int k = 0; 2 * k < width; k++) {
                double angle = t * StrictMath.pow(10000, -2.0 * k / width);
                table[t - 1][2 * k] = StrictMath.sin(angle);
                table[t - 1][2 * k + 1] = StrictMath.cos(angle);
            }
        }
        return table;
    }

    /** A copy of the weights with fresh optimiser state. */
    NoisePredictor copy() {
        return new NoisePredictor(dimension, embedding, classes, layers.stream().map(Linear::copy).toList(), timeTable);
    }

    /** Every trainable tensor, layer by layer. */
    List<Param> params() {
        List<Param> all = new ArrayList<>();
        layers.forEach(layer -> all.addAll(layer.params()));
        return all;
    }

    int dimension() {
        return dimension;
    }

    int classes() {
        return classes;
    }

    /** The "no condition" token's label (the last one-hot slot); {@code -1} for an unconditional model. */
    int nullLabel() {
        return classes > 0 ? classes : -1;
    }

    Workspace workspace(int capacity) {
        return new Workspace(capacity);
    }

    /**
     * {@code epsilon_theta} of the first {@code batch} items into {@code ws.output()}.
     *
     * @param x      {@code d x batch} noised points
     * @param t      steps in {@code [1, T]}
     * @param labels class or {@link #nullLabel()} per item; ignored (may be null) for an unconditional model
     */
    double[][] forward(Workspace ws, double[][] x, int[] t, int[] labels, int batch) {
        double[][] in = ws.activations[0];
        for (int k = 0; k < dimension; k++) {
            System.arraycopy(x[k], 0, in[k], 0, batch);
        }
        for (int b = 0; b < batch; b++) {
            double[] e = timeTable[t[b] - 1];
            for (int k = 0; k < embedding; k++) {
                in[dimension + k][b] = e[k];
            }
            if (classes > 0) {
                for (int c = 0; c <= classes; c++) {
                    in[dimension + embedding + c][b] = c == labels[b] ? 1 : 0;
                }
            }
        }
        int hidden = layers.size() - 1;
        for (int l = 0; l < hidden; l++) {
            double[][] pre = ws.preActivations[l];
            layers.get(l).forward(ws.activations[l], pre, batch);
            double[][] act = ws.activations[l + 1];
            for (int k = 0; k < pre.length; k++) {
                for (int b = 0; b < batch; b++) {
                    double z = pre[k][b];
                    act[k][b] = z / (1 + StrictMath.exp(-z));
                }
            }
        }
        layers.get(hidden).forward(ws.activations[hidden], ws.output, batch);
        return ws.output;
    }

    /**
     * Accumulates the parameter gradients of the last {@link #forward} on {@code ws}, given
     * {@code dLoss/dOutput} ({@code d x batch}).
     */
    void backward(Workspace ws, double[][] gradOutput, int batch) {
        int hidden = layers.size() - 1;
        layers.get(hidden).backward(ws.activations[hidden], gradOutput, hidden > 0 ? ws.gradients[hidden - 1] : null,
                batch);
        for (int l = hidden - 1; l >= 0; l--) {
            double[][] grad = ws.gradients[l];
            double[][] pre = ws.preActivations[l];
            for (int k = 0; k < grad.length; k++) {
                for (int b = 0; b < batch; b++) {
                    double z = pre[k][b];
                    double s = 1 / (1 + StrictMath.exp(-z));
                    grad[k][b] *= s * (1 + z * (1 - s));
                }
            }
            layers.get(l).backward(ws.activations[l], grad, l > 0 ? ws.gradients[l - 1] : null, batch);
        }
    }

    /** Scratch arrays for batches of up to {@code capacity} items. */
    final class Workspace {

        private final double[][][] activations;
        private final double[][][] preActivations;
        private final double[][][] gradients;
        private final double[][] output;

        private Workspace(int capacity) {
            int hidden = layers.size() - 1;
            activations = new double[hidden + 1][][];
            preActivations = new double[hidden][][];
            gradients = new double[hidden][][];
            activations[0] = new double[layers.get(0).inputs()][capacity];
            for (int l = 0; l < hidden; l++) {
                int width = layers.get(l).outputs();
                preActivations[l] = new double[width][capacity];
                activations[l + 1] = new double[width][capacity];
                gradients[l] = new double[width][capacity];
            }
            output = new double[dimension][capacity];
        }
    }
}
