#!/usr/bin/python3
"""Golden vectors for the watermark module's reference-compatibility tests.

Computes, with PyTorch's own CPU generator and int64 tensor arithmetic, the seeds of all eleven reference PRFs,
green-list prefixes of several schemes, and detection counts (T, green, z) of seeded random sequences, following
the rules of jwkirchenbauer/lm-watermarking@fb602de (alternative_prf_schemes.py, extended_watermark_processor.py)
as described in the module README. Written independently of the reference code; only torch's RNG is shared.

Rerun (CI never does; needs Debian's python3-torch):
    /usr/bin/python3 watermark/src/test/python/golden_vectors.py \
        > watermark/src/test/resources/io/github/genailab/watermark/golden-vectors.txt
Output: one record per line, fields separated by spaces, '#' lines are comments.
"""
import math
import random
from itertools import combinations

import torch

KEY = 15485863
M64 = 2**64 - 1

gen = torch.Generator(device="cpu")
gen.manual_seed(2971215073)
TABLE = torch.randperm(1_000_003, generator=gen)


def hashint(t):
    return TABLE[t % 1_000_003] + 1


def prf_value(name, ids, key):
    w = torch.tensor(ids, dtype=torch.long)
    if name == "additive_prf":
        return key * w.sum().item()
    if name == "multiplicative_prf":
        return key * w.prod().item()
    if name == "minfunc_prf":
        return key * w.min().item()
    if name == "simple_skip_prf":
        return hashint(key * w[::2]).prod().item()
    if name == "skipgram_prf":
        return hashint(key * w[0]).item()
    if name == "anchored_skipgram_prf":
        return (hashint(key * w[0]) * hashint(key * w[-1])).item()
    if name == "minhash_prf":
        return hashint(key * w).min().item()
    if name == "anchored_minhash_prf":
        return (key * hashint(w) * hashint(w[-1])).min().item()
    if name == "minskipgram_prf":
        h = hashint(key * w)
        pairs = torch.stack([h[i] * h[j] for i, j in combinations(range(len(ids)), 2)])
        return pairs.min().item()
    if name == "noncomm_prf":
        k = torch.as_tensor(key, dtype=torch.long)
        for t in w:
            k = k * hashint(k * t)
            k = k % 2**32
        return k.item()
    if name == "position_prf":
        return (key * w * torch.arange(1, len(ids) + 1)).sum().item()
    raise ValueError(name)


PRFS = ["additive_prf", "multiplicative_prf", "minfunc_prf", "simple_skip_prf", "skipgram_prf",
        "anchored_skipgram_prf", "minhash_prf", "anchored_minhash_prf", "minskipgram_prf", "noncomm_prf",
        "position_prf"]
SCHEMES = {"lefthash": ("additive_prf", 1, False), "selfhash": ("anchored_minhash_prf", 4, True),
           "minhash": ("minhash_prf", 4, False), "skipgram": ("skipgram_prf", 5, False)}


def seed_of(prf, ids, key):
    return prf_value(prf, ids, key) % M64


def permutation(seed, vocab):
    g = torch.Generator(device="cpu")
    g.manual_seed(seed)
    return torch.randperm(vocab, generator=g)


def detect(tokens, prf, h, self_salt, key, vocab, gamma, dedupe):
    n = h + 1 - int(self_salt)
    k = int(vocab * gamma)
    grams = [tuple(tokens[i:i + n]) for i in range(len(tokens) - n + 1)]
    memo = {}
    for g in grams:
        if g not in memo:
            window = list(g) if self_salt else list(g[:-1])
            memo[g] = bool((permutation(seed_of(prf, window[-h:], key), vocab)[:k] == g[-1]).any())
    scored = list(memo.keys()) if dedupe else grams
    t = len(scored)
    green = sum(memo[g] for g in scored)
    z = (green - gamma * t) / math.sqrt(t * gamma * (1 - gamma))
    return t, green, z


def watermarked(prf, h, self_salt, vocab, gamma, rnd, length):
    """A sequence whose tokens are mostly green: each step draws candidates until one is green (at most 8)."""
    k = int(vocab * gamma)
    tokens = [rnd.randrange(vocab) for _ in range(h)]
    while len(tokens) < length:
        for _ in range(8):
            c = rnd.randrange(vocab)
            window = (tokens + [c])[-h:] if self_salt else tokens[-h:]
            if (permutation(seed_of(prf, window, KEY), vocab)[:k] == c).any():
                break
        tokens.append(c)
    return tokens


def main():
    rnd = random.Random(20240517)
    print("# hashint table entries: index value")
    for i in [0, 1, 2, 3, 4, 5, 999_999, 1_000_002]:
        print("table", i, TABLE[i].item())
    print("# prf key h window... seed(unsigned)")
    windows = [[464, 3290, 318, 257], [20696, 6164, 9327, 13098], [0, 1, 2, 3, 4], [50264, 50000, 49999],
               [7], [12, 0], [31999, 31999, 31999, 31999, 31999]]
    for _ in range(12):
        windows.append([rnd.randrange(50265) for _ in range(rnd.randint(2, 6))])
    for key in [KEY, 2**61 + 12345, 1]:
        for prf in PRFS:
            for w in windows:
                if prf == "minskipgram_prf" and len(w) < 2:
                    continue
                print("prf", prf, key, len(w), *w, seed_of(prf, w, key))
    print("# greenlist scheme vocab gamma h window... k first16...")
    for scheme, (prf, h, salt) in SCHEMES.items():
        for vocab, gamma in [(50265, 0.25), (32000, 0.5), (4096, 0.25), (100, 0.3)]:
            for _ in range(3):
                w = [rnd.randrange(vocab) for _ in range(h)]
                k = int(vocab * gamma)
                perm = permutation(seed_of(prf, w, KEY), vocab)
                print("greenlist", scheme, vocab, gamma, h, *w, k, *perm[:16].tolist())
                print("lastk", scheme, vocab, gamma, h, *w, k, *perm[vocab - k:vocab - k + 16].tolist())
    print("# detect scheme vocab gamma dedupe length tokens... T green z")
    for scheme, (prf, h, salt) in SCHEMES.items():
        for vocab, gamma in [(1000, 0.25), (257, 0.5)]:
            for dedupe in [True, False]:
                length = rnd.randint(40, 70)
                # a small alphabet so n-grams repeat and deduplication matters
                alphabet = [rnd.randrange(vocab) for _ in range(3)]
                tokens = [rnd.choice(alphabet) if rnd.random() < 0.8 else rnd.randrange(vocab) for _ in range(length)]
                t, green, z = detect(tokens, prf, h, salt, KEY, vocab, gamma, dedupe)
                print("detect", scheme, vocab, gamma, dedupe, length, *tokens, t, green, repr(z))
                tokens = watermarked(prf, h, salt, vocab, gamma, rnd, length)
                t, green, z = detect(tokens, prf, h, salt, KEY, vocab, gamma, dedupe)
                print("detect", scheme, vocab, gamma, dedupe, length, *tokens, t, green, repr(z))


if __name__ == "__main__":
    main()
