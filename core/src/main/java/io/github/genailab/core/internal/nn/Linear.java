package io.github.genailab.core.internal.nn;

import java.util.Arrays;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * A fully connected layer {@code y = W x + b} ({@code W} is {@code out x in}, row-major), Glorot-uniform
 * initialised (X. Glorot, Y. Bengio, "Understanding the difficulty of training deep feedforward neural
 * networks", AISTATS 2010): entries of {@code W} uniform in {@code [-sqrt(6 / (in + out)), +...]},
 * {@code b = 0}.
 *
 * <p>Two shapes of input: one vector, or a feature-major batch ({@code x[i][b]} is feature {@code i} of
 * item {@code b}) whose inner loops run over contiguous items. Both sum {@code b[o] + W[o][0] x[0] + ...}
 * in the same order, so a batch gives bit for bit the outputs of its items one by one.
 *
 * @since 0.1.0
 */
public final class Linear {

    private final int in;
    private final int out;
    private final Param weight;
    private final Param bias;

    private Linear(int in, int out, Param weight, Param bias) {
        this.in = in;
        this.out = out;
        this.weight = weight;
        this.bias = bias;
    }

    /**
     * A Glorot-uniform layer; the weights are drawn row by row.
     *
     * @param in  the number of inputs
     * @param out the number of outputs
     * @param rng the source of randomness
     * @return the layer
     */
    public static Linear init(int in, int out, RandomGenerator rng) {
        double limit = Math.sqrt(6.0 / (in + out));
        return new Linear(in, out, Param.uniform(in * out, limit, rng), Param.filled(out, 0));
    }

    /**
     * A copy of the weights (zero gradients and moments).
     *
     * @return the copy
     */
    public Linear copy() {
        return new Linear(in, out, weight.copy(), bias.copy());
    }

    /**
     * The trainable tensors, weight then bias.
     *
     * @return the two tensors
     */
    public List<Param> params() {
        return List.of(weight, bias);
    }

    /**
     * The number of inputs.
     *
     * @return {@code in}
     */
    public int inputs() {
        return in;
    }

    /**
     * The number of outputs.
     *
     * @return {@code out}
     */
    public int outputs() {
        return out;
    }

    /**
     * {@code y = W x + b} for one vector.
     *
     * @param x the input, length {@code in}
     * @param y receives the output, length {@code out}
     */
    public void forward(double[] x, double[] y) {
        double[] w = weight.value();
        double[] b = bias.value();
        for (int o = 0; o < out; o++) {
            double sum = b[o];
            int row = o * in;
            for (int i = 0; i < in; i++) {
                sum += w[row + i] * x[i];
            }
            y[o] = sum;
        }
    }

    /**
     * Backward pass for one vector: accumulates {@code dW += dy x^T}, {@code db += dy}, and writes
     * {@code dx = W^T dy} if {@code dx != null}.
     *
     * @param x  the input of the forward pass
     * @param dy the loss gradient with respect to the output
     * @param dx receives the gradient with respect to the input, or null
     */
    public void backward(double[] x, double[] dy, double[] dx) {
        double[] w = weight.value();
        double[] gw = weight.grad();
        double[] gb = bias.grad();
        if (dx != null) {
            Arrays.fill(dx, 0);
        }
        for (int o = 0; o < out; o++) {
            double d = dy[o];
            gb[o] += d;
            int row = o * in;
            for (int i = 0; i < in; i++) {
                gw[row + i] += d * x[i];
                if (dx != null) {
                    dx[i] += w[row + i] * d;
                }
            }
        }
    }

    /**
     * {@code y = W x + b} for the first {@code batch} items of a feature-major batch.
     *
     * @param x     {@code in} rows of at least {@code batch} items
     * @param y     receives {@code out} rows of {@code batch} items
     * @param batch the number of items
     */
    public void forward(double[][] x, double[][] y, int batch) {
        double[] w = weight.value();
        double[] b = bias.value();
        for (int o = 0; o < out; o++) {
            double[] yo = y[o];
            Arrays.fill(yo, 0, batch, b[o]);
            int row = o * in;
            for (int i = 0; i < in; i++) {
                double wi = w[row + i];
                double[] xi = x[i];
                for (int k = 0; k < batch; k++) {
                    yo[k] += wi * xi[k];
                }
            }
        }
    }

    /**
     * Backward pass for a feature-major batch: accumulates {@code dW += sum_b dy_b x_b^T} and
     * {@code db += sum_b dy_b}, and writes {@code dx = W^T dy} if {@code dx != null}.
     *
     * @param x     the input of the forward pass, {@code in x batch}
     * @param dy    the loss gradient with respect to the output, {@code out x batch}
     * @param dx    receives the gradient with respect to the input ({@code in x batch}), or null
     * @param batch the number of items
     */
    public void backward(double[][] x, double[][] dy, double[][] dx, int batch) {
        double[] w = weight.value();
        double[] gw = weight.grad();
        double[] gb = bias.grad();
        if (dx != null) {
            for (int i = 0; i < in; i++) {
                Arrays.fill(dx[i], 0, batch, 0);
            }
        }
        for (int o = 0; o < out; o++) {
            double[] dyo = dy[o];
            double sum = 0;
            for (int k = 0; k < batch; k++) {
                sum += dyo[k];
            }
            gb[o] += sum;
            int row = o * in;
            for (int i = 0; i < in; i++) {
                gw[row + i] += dot(dyo, x[i], batch);
                if (dx != null) {
                    double wi = w[row + i];
                    double[] dxi = dx[i];
                    for (int k = 0; k < batch; k++) {
                        dxi[k] += wi * dyo[k];
                    }
                }
            }
        }
    }

    /** {@code sum_k a[k] b[k]} over {@code k < n} with four partial sums, in a fixed order. */
    private static double dot(double[] a, double[] b, int n) {
        double s0 = 0;
        double s1 = 0;
        double s2 = 0;
        double s3 = 0;
        int k = 0;
        for (; k + 3 < n; k += 4) {
            s0 += a[k] * b[k];
            s1 += a[k + 1] * b[k + 1];
            s2 += a[k + 2] * b[k + 2];
            s3 += a[k + 3] * b[k + 3];
        }
        for (; k < n; k++) {
            s0 += a[k] * b[k];
        }
        return (s0 + s1) + (s2 + s3);
    }
}
