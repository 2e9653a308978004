"""Seconds per EM iteration of scikit-learn's GaussianMixture at the benchmark's size (N = 100,000,
K = 8 full covariances, d = 2 and 10), for comparison with EmIterationBenchmark (not a test; CI never
runs it). Times the library's own E-step + M-step methods, best of 5 after a warm-up.

Rerun: /usr/bin/python3 collapse/src/test/python/sklearn_em_timing.py
"""
import time

import numpy as np
import sklearn
from sklearn.mixture import GaussianMixture

rng = np.random.default_rng(42)
for d in (2, 10):
    centers = rng.normal(0, 4, size=(8, d))
    x = np.vstack([rng.normal(c, 1.0, size=(12_500, d)) for c in centers])
    gm = GaussianMixture(8, covariance_type="full", max_iter=1, random_state=0)
    gm.fit(x)
    times = []
    for _ in range(6):
        start = time.perf_counter()
        _, log_resp = gm._e_step(x)
        gm._m_step(x, log_resp)
        times.append(time.perf_counter() - start)
    print(f"scikit-learn {sklearn.__version__}, d={d}: best {min(times[1:]) * 1e3:.1f} ms, "
          f"median {np.median(times[1:]) * 1e3:.1f} ms per iteration")
