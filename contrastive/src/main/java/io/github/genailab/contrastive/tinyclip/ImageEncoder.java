package io.github.genailab.contrastive.tinyclip;

import io.github.genailab.core.data.Digits;
import io.github.genailab.core.internal.nn.Linear;
import io.github.genailab.core.internal.nn.Param;
import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * The tiny CLIP's image tower: {@code u = W2 tanh(W1 (pixels / 16) + b1) + b2}, a one-hidden-layer
 * perceptron on the 64 grey levels.
 */
final class ImageEncoder {

    private final Linear hidden;
    private final Linear output;

    private ImageEncoder(Linear hidden, Linear output) {
        this.hidden = hidden;
        this.output = output;
    }

    static ImageEncoder init(int hiddenUnits, int dimension, RandomGenerator rng) {
        return new ImageEncoder(Linear.init(Digits.PIXELS, hiddenUnits, rng), Linear.init(hiddenUnits, dimension, rng));
    }

    ImageEncoder copy() {
        return new ImageEncoder(hidden.copy(), output.copy());
    }

    List<Param> params() {
        List<Param> all = new ArrayList<>(hidden.params());
        all.addAll(output.params());
        return all;
    }

    /** Input scaling to {@code [0, 1]}. */
    static double[] input(float[] pixels) {
        double[] x = new double[pixels.length];
        for (int k = 0; k < x.length; k++) {
            x[k] = pixels[k] / Digits.MAX_GREY;
        }
        return x;
    }

    /** Forward pass; fills {@code activation} (the hidden layer, kept for backward) and returns the embedding. */
    double[] forward(double[] x, double[] activation) {
        hidden.forward(x, activation);
        for (int k = 0; k < activation.length; k++) {
            activation[k] = Math.tanh(activation[k]);
        }
        double[] u = new double[output.outputs()];
        output.forward(activation, u);
        return u;
    }

    /** Accumulates parameter gradients for one input given {@code dl/du}. */
    void backward(double[] x, double[] activation, double[] gradEmbedding) {
        double[] gradHidden = new double[activation.length];
        output.backward(activation, gradEmbedding, gradHidden);
        for (int k = 0; k < gradHidden.length; k++) {
            gradHidden[k] *= 1 - activation[k] * activation[k];
        }
        hidden.backward(x, gradHidden, null);
    }

    int hiddenUnits() {
        return hidden.outputs();
    }
}
