"""PyTorch peer timing for benchmarks/results/contrastive.md: CLIP loss forward + backward, float32.

Same work as the Java ClipLossBenchmark.clipDense: inputs already unit-norm (no normalisation),
logits = s * X @ Y.T, (cross_entropy(rows) + cross_entropy(columns)) / 2 as open_clip's ClipLoss,
backward to X and Y. Reports the best and the median of several runs and GFLOP/s by the 6 B^2 D
cost model. Not part of the build; run by hand on the benchmark machine:
    /usr/bin/python3 contrastive/src/test/python/torch_benchmark.py
"""
import math
import statistics
import time

import torch
import torch.nn.functional as F

torch.set_num_threads(2)
D = 512
S = 1 / 0.07

for b, repeats in ((256, 20), (1024, 10), (4096, 5)):
    gen = torch.Generator().manual_seed(b)
    x0 = F.normalize(torch.randn(b, D, generator=gen), dim=-1)
    y0 = F.normalize(torch.randn(b, D, generator=gen), dim=-1)
    labels = torch.arange(b)
    times = []
    for _ in range(repeats + 2):
        x = x0.clone().requires_grad_()
        y = y0.clone().requires_grad_()
        start = time.perf_counter()
        logits = S * x @ y.T
        loss = (F.cross_entropy(logits, labels) + F.cross_entropy(logits.T, labels)) / 2
        loss.backward()
        times.append(time.perf_counter() - start)
    times = times[2:]
    flops = 6 * b * b * D
    print(f"torch {torch.__version__} threads={torch.get_num_threads()} B={b} D={D}: "
          f"best {min(times) * 1e3:.1f} ms ({flops / min(times) / 1e9:.1f} GFLOP/s), "
          f"median {statistics.median(times) * 1e3:.1f} ms, loss {loss.item():.4f}")
