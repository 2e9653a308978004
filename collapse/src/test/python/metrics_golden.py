"""Golden values for GaussianMetricsTest (closed forms evaluated with numpy/scipy in float64).

Rerun (CI never does): /usr/bin/python3 collapse/src/test/python/metrics_golden.py
Cases and values are listed in docs/collapse-theory.md, 'Golden values for the metrics'.
Versions used for the values in GaussianMetricsTest: Python 3.11.2, numpy 1.24.2, scipy 1.10.1 (Debian
bookworm packages); re-run on 2026-12-06 with the same versions prints each value the test takes from it,
digit for digit.
"""
import numpy as np
from scipy.linalg import sqrtm
from scipy.stats import norm, multivariate_normal
from scipy.integrate import quad


def w2(m1, s1, m2, s2):
    r = sqrtm(s2)
    return float(np.sum((m1 - m2) ** 2) + np.trace(s1 + s2 - 2 * sqrtm(r @ s1 @ r)).real)


def kl(m0, s0, m1, s1):
    d = len(m0)
    inv = np.linalg.inv(s1)
    dm = m1 - m0
    return float(0.5 * (np.trace(inv @ s0) + dm @ inv @ dm - d + np.log(np.linalg.det(s1) / np.linalg.det(s0))))


def tail(m0, s0, m, s):
    return float(norm.cdf(m0 - 3 * s0, m, s) + norm.sf(m0 + 3 * s0, m, s))


def expected_ll(m0, v0, m, v):
    return float(-0.5 * np.log(2 * np.pi * v) - (v0 + (m - m0) ** 2) / (2 * v))


def l2(p, q):
    """Squared L2 distance of two 1-D mixtures [(w, m, v)] by numerical integration."""
    def dens(x, mix):
        return sum(w * norm.pdf(x, m, np.sqrt(v)) for w, m, v in mix)
    return quad(lambda x: (dens(x, p) - dens(x, q)) ** 2, -30, 30, limit=400, epsabs=1e-14, epsrel=1e-13)[0]


if __name__ == "__main__":
    i2 = np.eye(2)
    z = np.zeros(2)
    print("w2 diag", repr(w2(z, i2, np.array([1.0, 0]), np.diag([4.0, 1]))))
    print("w2 corr", repr(w2(z, i2, z, np.array([[2.0, 1], [1, 2]]))))
    print("w2 general", repr(w2(np.array([0.5, -1.0]), np.array([[1.5, 0.3], [0.3, 0.7]]),
                               np.array([-0.2, 0.4]), np.array([[0.4, -0.1], [-0.1, 2.2]]))))
    print("kl 2d", repr(kl(z, i2, np.array([1.0, 0]), np.diag([4.0, 1]))))
    print("kl 2d reverse", repr(kl(np.array([1.0, 0]), np.diag([4.0, 1]), z, i2)))
    print("kl 1d", repr(kl(np.zeros(1), np.eye(1), np.zeros(1), 0.01 * np.eye(1))))
    print("kl 1d reverse", repr(kl(np.zeros(1), 0.01 * np.eye(1), np.zeros(1), np.eye(1))))
    print("tail N(0,1)", repr(tail(0, 1, 0, 1)))
    print("tail N(0.5,0.8^2)", repr(tail(0, 1, 0.5, 0.8)))
    for m, v in [(0, 1), (0, 0.5), (0.3, 0.1)]:
        print("expected ll", m, v, repr(expected_ll(0, 1, m, v)))
    print("expected ll 2d", repr(float(-0.5 * (2 * np.log(2 * np.pi) + np.log(4) + 1.25 + 0.25))))
    p = [(0.3, -1.0, 0.5), (0.7, 1.5, 2.0)]
    q = [(0.6, 0.0, 1.0), (0.4, 2.0, 0.25)]
    print("l2 mixtures", repr(l2(p, q)))
