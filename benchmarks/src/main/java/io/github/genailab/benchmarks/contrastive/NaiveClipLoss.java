package io.github.genailab.benchmarks.contrastive;

/**
 * Baseline for the benchmarks: CLIP loss forward and backward in plain Java, float32 storage, three
 * naive triple-loop matrix products (the dot-product form of {@code X Y^T}, then {@code G Y} and
 * {@code G^T X}), per-row and per-column log-sum-exp. Inputs must already be normalised. This is
 * what the library would cost without a BLAS.
 */
final class NaiveClipLoss {

    private NaiveClipLoss() {
    }

    /** Loss; the gradients are written to {@code gradImage} and {@code gradText}. */
    static double lossAndGradients(float[][] x, float[][] y, float s, float[][] gradImage, float[][] gradText) {
        int b = x.length;
        int d = x[0].length;
        float[][] logits = new float[b][b];
        for (int i = 0; i < b; i++) {
            for (int j = 0; j < b; j++) {
                float dot = 0;
                for (int k = 0; k < d; k++) {
                    dot += x[i][k] * y[j][k];
                }
                logits[i][j] = s * dot;
            }
        }
        double[] rowLse = new double[b];
        double[] colLse = new double[b];
        double loss = 0;
        for (int i = 0; i < b; i++) {
            double rowMax = Double.NEGATIVE_INFINITY;
            double colMax = Double.NEGATIVE_INFINITY;
            for (int j = 0; j < b; j++) {
                rowMax = Math.max(rowMax, logits[i][j]);
                colMax = Math.max(colMax, logits[j][i]);
            }
            double rowSum = 0;
            double colSum = 0;
            for (int j = 0; j < b; j++) {
                rowSum += Math.exp(logits[i][j] - rowMax);
                colSum += Math.exp(logits[j][i] - colMax);
            }
            rowLse[i] = rowMax + Math.log(rowSum);
            colLse[i] = colMax + Math.log(colSum);
            loss += (rowLse[i] + colLse[i] - 2 * logits[i][i]) / (2.0 * b);
        }
        float[][] g = logits;
        for (int i = 0; i < b; i++) {
            for (int j = 0; j < b; j++) {
                double p = Math.exp(logits[i][j] - rowLse[i]) + Math.exp(logits[i][j] - colLse[j]);
                g[i][j] = (float) ((p - (i == j ? 2 : 0)) / (2.0 * b));
            }
        }
        for (int i = 0; i < b; i++) {
            for (int k = 0; k < d; k++) {
                float gx = 0;
                float gy = 0;
                for (int j = 0; j < b; j++) {
                    gx += g[i][j] * y[j][k];
                    gy += g[j][i] * x[j][k];
                }
                gradImage[i][k] = s * gx;
                gradText[i][k] = s * gy;
            }
        }
        return loss;
    }
}
