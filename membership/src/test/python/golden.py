"""Golden values for the membership module's tests, computed the way the reference code does.

Min-K%:   -np.mean(np.sort(all_prob)[:int(len(all_prob) * ratio)])   (swj0419/detect-pretrain-code src/run.py)
Min-K%++: mu = (probs * log_probs).sum(-1), var = (probs * log_probs**2).sum(-1) - mu**2,
          z = (token_log_probs - mu) / sqrt(var), mean of the int(N * ratio) lowest z
          (zjysteven/mink-plus-plus run.py), here in float64 instead of float32.
zlib:     len(zlib.compress(text.encode("utf-8")))

Rerun (CI never does): /usr/bin/python3 membership/src/test/python/golden.py
(Debian python3-numpy 1.24; writes membership/src/test/resources/io/github/genailab/membership/).
"""
import os
import zlib

import numpy as np

OUT = os.path.join(os.path.dirname(__file__), "..", "resources", "io", "github", "genailab", "membership")
RATIOS = [0.05, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0]


def fmt(x):
    return "nan" if np.isnan(x) else repr(float(x))


def min_k(values, ratio):
    k_length = int(len(values) * ratio)
    if k_length == 0:
        return float("nan")  # np.mean([]) would warn; the reference gets NaN here
    return -np.mean(np.sort(values)[:k_length])


def write_min_k(rng):
    lines = ["# N then N log-probs | the reference's stored -MinK for ratios " + " ".join(map(str, RATIOS))]
    for case in range(240):
        n = int(rng.integers(1, 300))
        values = -rng.exponential(2.0, n)
        if case % 3 == 0:
            values = np.round(values, 1)  # ties, as n-gram models and bf16 logits produce
        values = np.array([float(v) for v in values])
        expected = [min_k(values, r) for r in RATIOS]
        lines.append(" ".join([str(n)] + [fmt(v) for v in values] + ["|"] + [fmt(e) for e in expected]))
    with open(os.path.join(OUT, "minkprob-golden.txt"), "w") as f:
        f.write("\n".join(lines) + "\n")


def write_min_k_plus_plus(rng):
    ratios = RATIOS[1:]
    lines = ["# case: 'T V', T logits rows, targets, log p, mu, sigma, then Min-K%++ for ratios " + " ".join(map(str, ratios))]
    for _ in range(100):
        t = int(rng.integers(1, 30))
        v = int(rng.integers(2, 40))
        logits = rng.normal(0.0, float(rng.uniform(0.5, 4.0)), (t, v))
        targets = rng.integers(0, v, t)
        shifted = logits - logits.max(-1, keepdims=True)
        log_probs = shifted - np.log(np.exp(shifted).sum(-1, keepdims=True))
        probs = np.exp(log_probs)
        token_log_probs = log_probs[np.arange(t), targets]
        mu = (probs * log_probs).sum(-1)
        var = (probs * np.square(log_probs)).sum(-1) - np.square(mu)
        z = (token_log_probs - mu) / np.sqrt(var)
        scores = []
        for r in ratios:
            k_length = int(t * r)
            scores.append(float("nan") if k_length == 0 else np.mean(np.sort(z)[:k_length]))
        lines.append(f"{t} {v}")
        for row in logits:
            lines.append(" ".join(fmt(x) for x in row))
        lines.append(" ".join(str(int(x)) for x in targets))
        for arr in (token_log_probs, mu, np.sqrt(var), scores):
            lines.append(" ".join(fmt(x) for x in arr))
    with open(os.path.join(OUT, "minkplusplus-golden.txt"), "w") as f:
        f.write("\n".join(lines) + "\n")


def print_zlib():
    for text in ["", "The quick brown fox jumps over the lazy dog.", "a" * 1000,
                 "Grüße, 世界! 🙂 naïve café", "To be, or not to be, that is the question:\n" * 20]:
        print(repr(text[:30]), len(zlib.compress(text.encode("utf-8"))))


if __name__ == "__main__":
    generator = np.random.default_rng(20240517)
    write_min_k(generator)
    write_min_k_plus_plus(generator)
    print_zlib()
