#!/usr/bin/python3
"""Peer for the benchmark row "Min-K%++ statistics from float32 logits [1024 x 50,257]": the per-token
statistics of Min-K%++ (log p of the target token, mean and standard deviation of log p under the model's
own distribution) computed with PyTorch on the CPU, timed on the same shape as the benchmarks module's
TokenStatisticsBenchmark (Gaussian logits with spread 3, one target per row).

The computation is the reference's (zjysteven/mink-plus-plus, run.py: softmax, log_softmax, gather,
mu = sum p log p, sigma^2 = sum p (log p)^2 - mu^2), in two forms:
  - "reference": written as the reference writes it (fresh tensors each call);
  - "preallocated": the same operations into output buffers allocated once (out=), torch's best case.
Not run by CI. Usage (Debian's python3-torch):
    OPENBLAS_VERBOSE=2 /usr/bin/python3 tools/membership-peer/minkpp_peer.py [threads ...]
Prints, for each thread count, the best and median milliseconds of 10 timed calls after 2 warm-ups.
"""
import statistics
import sys
import time

import torch

ROWS, V = 1024, 50_257


def reference(logits, targets):
    probs = torch.nn.functional.softmax(logits, dim=-1)
    log_probs = torch.nn.functional.log_softmax(logits, dim=-1)
    token_log_probs = log_probs.gather(dim=-1, index=targets.unsqueeze(-1)).squeeze(-1)
    mu = (probs * log_probs).sum(-1)
    sigma = ((probs * torch.square(log_probs)).sum(-1) - torch.square(mu)).sqrt()
    return token_log_probs, mu, sigma


def preallocated_form(logits, targets):
    log_probs = torch.empty_like(logits)
    probs = torch.empty_like(logits)
    product = torch.empty_like(logits)
    mu = torch.empty(ROWS)
    second = torch.empty(ROWS)
    index = targets.unsqueeze(-1)

    def run():
        torch.log_softmax(logits, dim=-1, out=log_probs)
        torch.exp(log_probs, out=probs)
        torch.mul(probs, log_probs, out=product)
        torch.sum(product, dim=-1, out=mu)
        torch.mul(product, log_probs, out=product)
        torch.sum(product, dim=-1, out=second)
        sigma = (second - mu * mu).sqrt()
        return log_probs.gather(-1, index).squeeze(-1), mu, sigma
    return run


def timed(call):
    for _ in range(2):
        call()
    times = []
    for _ in range(10):
        start = time.perf_counter()
        call()
        times.append((time.perf_counter() - start) * 1000)
    return min(times), statistics.median(times)


def main():
    threads = [int(t) for t in sys.argv[1:]] or [1, 2]
    gen = torch.Generator().manual_seed(2024)
    logits = 3 * torch.randn(ROWS, V, generator=gen)
    targets = torch.randint(0, V, (ROWS,), generator=gen)
    print(f"# torch {torch.__version__}, float32 logits [{ROWS} x {V}]")
    for a, b in zip(reference(logits, targets), preallocated_form(logits, targets)()):
        assert torch.allclose(a, b, rtol=1e-4, atol=1e-4), "the two forms disagree"
    for t in threads:
        torch.set_num_threads(t)
        best, median = timed(lambda: reference(logits, targets))
        print(f"threads {t}: reference form best {best:.1f} ms, median {median:.1f} ms")
        best, median = timed(preallocated_form(logits, targets))
        print(f"threads {t}: preallocated form best {best:.1f} ms, median {median:.1f} ms")


if __name__ == "__main__":
    main()
