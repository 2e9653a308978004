"""Exact expectations of the 1-D replace recursion, used as golden values by GaussianPredictionsTest.

Rerun (Debian's python with scipy; CI never runs this):
    /usr/bin/python3 collapse/src/test/python/theory_golden.py
Formulas: docs/collapse-theory.md, '1-D Gaussian, replace workflow'
(E W2^2 = E(mu-mu0)^2 + E s^2 - 2 s0 E s + s0^2).
Versions used for the values in GaussianPredictionsTest: Python 3.11.2, numpy 1.24.2, scipy 1.10.1
(Debian bookworm packages); re-run on 2026-12-06 with the same versions: W2^2 at M=100, n=10 prints
0.1498718571954074 as in the test, and at M=100, n=1000 (MLE) 1.9989481768999506, 1.1e-15 from the test's
1.9989481768999495 (the test's tolerance is 1e-9).
"""
import numpy as np
from scipy.special import gammaln, digamma, polygamma


def c(m, den):
    """E[sqrt(S / den)] for S ~ chi2_{m-1}."""
    return np.sqrt(2 / den) * np.exp(gammaln(m / 2) - gammaln((m - 1) / 2))


def replace(m, n, mle):
    den = m if mle else m - 1
    k = m - 1
    shrink = k / den
    var = shrink ** n
    mean_err = sum(shrink ** i / m for i in range(n))
    w2 = mean_err + var - 2 * c(m, den) ** n + 1
    log_ratio = n * (digamma(k / 2) + np.log(2 / den))
    sd = np.sqrt(n * polygamma(1, k / 2))
    return dict(var=var, mean_err=mean_err, w2=w2, log_ratio=log_ratio, sd=sd)


if __name__ == "__main__":
    for m, n, mle in [(100, 10, False), (100, 100, False), (100, 100, True), (100, 1000, True), (10, 1000, False)]:
        print(f"M={m} n={n} {'mle' if mle else 'unbiased'}:",
              {key: repr(float(v)) for key, v in replace(m, n, mle).items()})
