package io.github.genailab.watermark.internal;

import org.apache.commons.math3.distribution.BinomialDistribution;

/**
 * The exact one-sided binomial tail {@code P(X >= g)} for {@code X ~ Binomial(n, p)}, accurate in relative
 * terms far into the tail (where {@code 1 - cdf} would round to 0).
 *
 * <pre>
 *   g &gt; n p:   sum_{x=g}^{n} pmf(x),      pmf(x+1) = pmf(x) (n-x) p / ((x+1)(1-p))
 *   g &lt;= n p:  1 - sum_{x=0}^{g-1} pmf(x), summed downwards from g-1
 * </pre>
 * Both sums start at their largest term (computed with Loader's saddle-point expansion, Commons Math) and
 * stop once a term no longer changes the sum, so the cost is O(sqrt(n)) terms at worst and a handful in the
 * far tail. Reference: C. Loader, "Fast and accurate computation of binomial probabilities", 2000.
 */
public final class BinomialTail {

    private BinomialTail() {
    }

    /** P(X &gt;= successes) for X ~ Binomial(trials, p); trials &gt;= 0, p in (0, 1). */
    public static double upper(int successes, int trials, double p) {
        if (successes <= 0) {
            return 1.0;
        }
        if (successes > trials) {
            return 0.0;
        }
        BinomialDistribution binomial = new BinomialDistribution(null, trials, p);
        double odds = p / (1 - p);
        if (successes > trials * p) {
            double sum = 1;
            double term = 1;
            for (int x = successes; x < trials; x++) {
                term *= (trials - x) * odds / (x + 1);
                sum += term;
                if (term < sum * 0x1p-60) {
                    break;
                }
            }
            return Math.exp(binomial.logProbability(successes) + Math.log(sum));
        }
        double sum = 1;
        double term = 1;
        for (int x = successes - 1; x > 0; x--) {
            term *= x / ((trials - x + 1) * odds);
            sum += term;
            if (term < sum * 0x1p-60) {
                break;
            }
        }
        return Math.max(0.0, 1.0 - Math.exp(binomial.logProbability(successes - 1) + Math.log(sum)));
    }
}
