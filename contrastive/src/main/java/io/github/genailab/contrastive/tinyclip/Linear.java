package io.github.genailab.contrastive.tinyclip;

import java.util.Arrays;
import java.util.List;
import java.util.random.RandomGenerator;

/** A fully connected layer {@code y = W x + b} ({@code W} is {@code out x in}), Glorot-uniform initialised. */
final class Linear {

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

    static Linear init(int in, int out, RandomGenerator rng) {
        double limit = Math.sqrt(6.0 / (in + out));
        return new Linear(in, out, Param.uniform(in * out, limit, rng), Param.filled(out, 0));
    }

    Linear copy() {
        return new Linear(in, out, weight.copy(), bias.copy());
    }

    List<Param> params() {
        return List.of(weight, bias);
    }

    int outputs() {
        return out;
    }

    /** {@code y = W x + b}. */
    void forward(double[] x, double[] y) {
        double[] w = weight.value;
        for (int o = 0; o < out; o++) {
            double sum = bias.value[o];
            int row = o * in;
            for (int i = 0; i < in; i++) {
                sum += w[row + i] * x[i];
            }
            y[o] = sum;
        }
    }

    /** Accumulates {@code dW += dy x^T}, {@code db += dy}; writes {@code dx = W^T dy} if {@code dx != null}. */
    void backward(double[] x, double[] dy, double[] dx) {
        double[] w = weight.value;
        double[] gw = weight.grad;
        if (dx != null) {
            Arrays.fill(dx, 0);
        }
        for (int o = 0; o < out; o++) {
            double d = dy[o];
            bias.grad[o] += d;
            int row = o * in;
            for (int i = 0; i < in; i++) {
                gw[row + i] += d * x[i];
                if (dx != null) {
                    dx[i] += w[row + i] * d;
                }
            }
        }
    }
}
