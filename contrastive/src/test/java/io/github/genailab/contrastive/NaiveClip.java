package io.github.genailab.contrastive;

/**
 * Test oracle: the CLIP and SigLIP losses written out literally from the formulas (docs/clip-conventions.md,
 * 'CLIP loss and its gradients' and 'SigLIP loss and its gradients'), in double, with explicit B x B
 * matrices and triple loops. Slow on purpose:
 * nothing here shares code with the library.
 */
final class NaiveClip {

    private NaiveClip() {
    }

    record Clip(double loss, double imageToText, double textToImage, double[][] gradImage, double[][] gradText,
                double gradLogScale) {
    }

    record SigLip(double loss, double[][] gradImage, double[][] gradText, double gradLogScale, double gradBias) {
    }

    static Clip clip(double[][] u, double[][] v, double s, boolean normalize) {
        int b = u.length;
        double[][] x = normalize ? normalized(u) : u;
        double[][] y = normalize ? normalized(v) : v;
        double[][] logits = logits(x, y, s, 0);
        double[][] p = new double[b][b];
        double[][] q = new double[b][b];
        double rowLoss = 0;
        double colLoss = 0;
        for (int i = 0; i < b; i++) {
            double max = Double.NEGATIVE_INFINITY;
            for (int j = 0; j < b; j++) {
                max = Math.max(max, logits[i][j]);
            }
            double sum = 0;
            for (int j = 0; j < b; j++) {
                sum += Math.exp(logits[i][j] - max);
            }
            double lse = max + Math.log(sum);
            rowLoss += lse - logits[i][i];
            for (int j = 0; j < b; j++) {
                p[i][j] = Math.exp(logits[i][j] - lse);
            }
        }
        for (int j = 0; j < b; j++) {
            double max = Double.NEGATIVE_INFINITY;
            for (int i = 0; i < b; i++) {
                max = Math.max(max, logits[i][j]);
            }
            double sum = 0;
            for (int i = 0; i < b; i++) {
                sum += Math.exp(logits[i][j] - max);
            }
            double lse = max + Math.log(sum);
            colLoss += lse - logits[j][j];
            for (int i = 0; i < b; i++) {
                q[i][j] = Math.exp(logits[i][j] - lse);
            }
        }
        double[][] g = new double[b][b];
        double gradTheta = 0;
        for (int i = 0; i < b; i++) {
            for (int j = 0; j < b; j++) {
                g[i][j] = (p[i][j] + q[i][j] - (i == j ? 2 : 0)) / (2.0 * b);
                gradTheta += g[i][j] * logits[i][j];
            }
        }
        double[][] gx = times(g, y, s, false);
        double[][] gy = times(g, x, s, true);
        return new Clip((rowLoss + colLoss) / (2.0 * b), rowLoss / b, colLoss / b,
                normalize ? throughNormalization(u, gx) : gx, normalize ? throughNormalization(v, gy) : gy, gradTheta);
    }

    static SigLip sigLip(double[][] u, double[][] v, double s, double bias, boolean normalize) {
        int b = u.length;
        double[][] x = normalize ? normalized(u) : u;
        double[][] y = normalize ? normalized(v) : v;
        double[][] logits = logits(x, y, s, bias);
        double loss = 0;
        double gradTheta = 0;
        double gradBias = 0;
        double[][] g = new double[b][b];
        for (int i = 0; i < b; i++) {
            for (int j = 0; j < b; j++) {
                double z = i == j ? 1 : -1;
                double l = logits[i][j];
                loss += Math.log1p(Math.exp(-z * l));
                g[i][j] = (1 / (1 + Math.exp(-l)) - (i == j ? 1 : 0)) / b;
                gradTheta += g[i][j] * (l - bias);
                gradBias += g[i][j];
            }
        }
        double[][] gx = times(g, y, s, false);
        double[][] gy = times(g, x, s, true);
        return new SigLip(loss / b, normalize ? throughNormalization(u, gx) : gx,
                normalize ? throughNormalization(v, gy) : gy, gradTheta, gradBias);
    }

    private static double[][] logits(double[][] x, double[][] y, double s, double bias) {
        int b = x.length;
        double[][] out = new double[b][b];
        for (int i = 0; i < b; i++) {
            for (int j = 0; j < b; j++) {
                double dot = 0;
                for (int k = 0; k < x[i].length; k++) {
                    dot += x[i][k] * y[j][k];
                }
                out[i][j] = s * dot + bias;
            }
        }
        return out;
    }

    /** {@code s G M} or {@code s G^T M}. */
    private static double[][] times(double[][] g, double[][] m, double s, boolean transpose) {
        int b = g.length;
        int d = m[0].length;
        double[][] out = new double[b][d];
        for (int i = 0; i < b; i++) {
            for (int j = 0; j < b; j++) {
                double w = s * (transpose ? g[j][i] : g[i][j]);
                for (int k = 0; k < d; k++) {
                    out[i][k] += w * m[j][k];
                }
            }
        }
        return out;
    }

    static double[][] normalized(double[][] u) {
        double[][] out = new double[u.length][];
        for (int i = 0; i < u.length; i++) {
            double norm = Math.max(norm(u[i]), 1e-12);
            out[i] = new double[u[i].length];
            for (int k = 0; k < u[i].length; k++) {
                out[i][k] = u[i][k] / norm;
            }
        }
        return out;
    }

    private static double[][] throughNormalization(double[][] u, double[][] g) {
        double[][] out = new double[u.length][];
        for (int i = 0; i < u.length; i++) {
            double n = norm(u[i]);
            out[i] = new double[u[i].length];
            if (n <= 1e-12) {
                for (int k = 0; k < u[i].length; k++) {
                    out[i][k] = g[i][k] / 1e-12;
                }
                continue;
            }
            double gx = 0;
            for (int k = 0; k < u[i].length; k++) {
                gx += g[i][k] * u[i][k] / n;
            }
            for (int k = 0; k < u[i].length; k++) {
                out[i][k] = (g[i][k] - gx * u[i][k] / n) / n;
            }
        }
        return out;
    }

    private static double norm(double[] row) {
        double sum = 0;
        for (double value : row) {
            sum += value * value;
        }
        return Math.sqrt(sum);
    }
}
