"""Minimax polynomial for 2^f on [-1/2, 1/2] (relative error), as used by the base-2 form of
core.internal.FloatExp (B1..B5), and its error when evaluated in float32 with fused multiply-add.

    python3 tools/exp2-fit/fit_exp2.py      # needs numpy and scipy; not run by CI

The fit is a linear program on a dense grid: minimise t subject to |1 + sum c_k f^k - 2^f| <= t 2^f.
The float32 check rounds every coefficient to float and emulates each fma as one rounding of the
exact double-precision result, on 2,000,001 points of [-1/2, 1/2].

Provenance of FloatExp.B1..B5: fitted with this script when it was added (commit d89f34d, 2026-11-26; the
versions were not recorded). A re-run on 2026-12-06 with Python 3.11.2, numpy 1.24.2 and scipy 1.10.1 (HiGHS via
linprog) prints B1..B4 exactly and B5 = 0.001326469937339425f, one float ulp below the committed
0.001326470053754747f; both give the same float32 maximum relative error, 1.673e-07.
"""
import numpy as np
from scipy.optimize import linprog

DEGREE = 5
grid = np.linspace(-0.5001, 0.5001, 20001)
target = 2.0 ** grid
powers = np.stack([grid ** (k + 1) for k in range(DEGREE)], axis=1)
# Rows scaled by 1e6 and t counted in units of 1e-8 so that the solver's tolerances (about 1e-7)
# sit far below the error being minimised.
SCALE = 1e6
a_ub = SCALE * np.vstack([np.hstack([powers, -1e-8 * target[:, None]]), np.hstack([-powers, -1e-8 * target[:, None]])])
b_ub = SCALE * np.concatenate([target - 1, 1 - target])
cost = np.zeros(DEGREE + 1)
cost[-1] = 1
fit = linprog(cost, A_ub=a_ub, b_ub=b_ub, bounds=[(None, None)] * (DEGREE + 1), method="highs")
coefficients = fit.x[:DEGREE].astype(np.float32)

f = np.linspace(-0.5, 0.5, 2000001).astype(np.float32)


def fma(a, b, c):
    return (a.astype(np.float64) * b.astype(np.float64) + np.float64(c)).astype(np.float32)


p = np.full_like(f, coefficients[-1])
for k in range(DEGREE - 2, -1, -1):
    p = fma(p, f, coefficients[k])
p = fma(p, f, np.float32(1.0))
relative = np.abs(p.astype(np.float64) / 2.0 ** f.astype(np.float64) - 1)
fit_error = np.abs(1 + powers @ fit.x[:DEGREE] - target) / target
print(f"real-coefficient fit, max relative error on the grid: {fit_error.max():.2e}")
print(f"float32 evaluation, max relative error: {relative.max():.3e}")
for k, c in enumerate(coefficients, start=1):
    print(f"    static final float B{k} = {np.float32(c).item()!r}f;")
