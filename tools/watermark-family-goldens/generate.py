#!/usr/bin/env python3
"""Golden values for the watermark families, computed by the reference implementations.

Imports THU-BPM/MarkLLM (and optionally the original Unbiased-watermark and
jthickstun/watermark code) from local checkouts, feeds them fixed token ids / logits
through the stubs in stubs.py, and writes one JSON file. See README.md.

    python3 generate.py --markllm /path/to/MarkLLM \
        [--unbiased /path/to/UnbiasedWatermark] [--kuditipudi /path/to/jthickstun-watermark] \
        --out family-goldens.json
"""
import argparse
import datetime
import hashlib
import json
import math
import os
import platform
import random
import subprocess
import sys
import traceback

import numpy as np
import torch

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import stubs  # noqa: E402

# ---------------------------------------------------------------------------------------------
# Shared inputs
# ---------------------------------------------------------------------------------------------
W30 = [464, 3290, 318, 257, 1332, 286, 262, 995, 13, 383, 318, 257, 1332, 286, 262, 2068, 11, 290,
       262, 1110, 373, 257, 1049, 286, 7547, 326, 340, 318, 407, 1978]
E30 = [-10000.0, 0.5, 1.2, 2.0, 0.1, 3.0, 1.0, 0.95, 0.2, 1.5, 0.8, 2.2, 0.3, 1.1, 0.7, 1.9, 0.5, 1.2,
       2.0, 0.1, 3.0, 1.0, 0.95, 0.2, 1.5, 0.8, 2.2, 0.3, 1.1, 0.7]
CTX5 = [464, 3290, 318, 257, 1332]
TOY_PERM = [2, 0, 3, 1]
TOY_P = {"p_1234": [0.1, 0.2, 0.3, 0.4], "p_uniform": [0.25, 0.25, 0.25, 0.25]}
RANDP16_SEED = 12345          # torch.Generator().manual_seed(12345); torch.randn(16) -> logits
UNBIASED_V = 64
UNBIASED_ROW_SEED_BASE = 1000  # logits row i = torch.randn(64, generator=Generator().manual_seed(1000 + i))
SPIKE_P = [0.5, 0.25, 0.125, 0.0625, 0.0625]
EXPEDIT_TOKENS = [3, 7, 7, 1, 12, 0, 5, 9, 2, 14]
SYNTHID_CONTEXT = [464, 3290, 318, 257]
SYNTHID_LOGITS = [2.0, 1.5, 1.0, 0.5, 0.0, -0.5, -1.0, -2.0]   # candidates = token ids 0..7
PF_WINDOW = [464, 3290, 318, 257, 1332, 286, 262, 995]
EOS_ID = 2  # fake tokenizer eos id (W30 contains no 2)


# ---------------------------------------------------------------------------------------------
# JSON helpers: doubles are written with repr (round-trip exact); float32 data as two parallel
# lists, "float32" (shortest decimal that parses back to the same float32) and "double" (the exact
# value of that float32 as a double). Non-finite values are the strings "Infinity", "-Infinity",
# "NaN".
# ---------------------------------------------------------------------------------------------
def num(x):
    x = float(x)
    if math.isnan(x):
        return "NaN"
    if math.isinf(x):
        return "Infinity" if x > 0 else "-Infinity"
    return x


def f32_short(x):
    v = np.float32(x)
    if not np.isfinite(v):
        return num(v)
    return float(str(v))


def f32(x):
    """A single float32 value."""
    return {"float32": f32_short(x), "double": num(np.float32(x))}


def f32list(t):
    a = np.asarray(t.detach().cpu().numpy() if isinstance(t, torch.Tensor) else t, dtype=np.float32).ravel()
    return {"float32": [f32_short(v) for v in a], "double": [num(v) for v in a]}


def f64list(t):
    a = t.detach().cpu().numpy() if isinstance(t, torch.Tensor) else np.asarray(t)
    return [num(v) for v in np.asarray(a, dtype=np.float64).ravel()]


def ints(t):
    a = t.detach().cpu().numpy() if isinstance(t, torch.Tensor) else np.asarray(t)
    return [int(v) for v in np.asarray(a).ravel()]


def section(fn, *args):
    try:
        return fn(*args)
    except Exception as e:  # record, never crash the whole run
        return {"skipped": "%s: %s" % (type(e).__name__, e), "traceback": traceback.format_exc().splitlines()[-6:]}


def key42():
    """Private key of the original Unbiased/DiPmark experiments (experiments/common.py):
    random.seed(42); random.getrandbits(1024).to_bytes(128, 'big')."""
    state = random.getstate()
    random.seed(42)
    k = random.getrandbits(1024).to_bytes(128, "big")
    random.setstate(state)
    return k


def git_commit(path):
    try:
        return subprocess.run(["git", "-C", path, "rev-parse", "HEAD"], check=True, capture_output=True,
                              text=True).stdout.strip()
    except Exception:
        return None


# ---------------------------------------------------------------------------------------------
# Sections
# ---------------------------------------------------------------------------------------------
def cfg_path(ml, name):
    return os.path.join(ml, "config", name + ".json")


def tc(vocab, ids=W30, model=None, **kw):
    return stubs.FakeTransformersConfig(stubs.FakeTokenizer(ids, eos_token_id=EOS_ID), vocab, model=model, **kw)


def unigram(ml):
    from watermark.unigram.unigram import Unigram, UnigramConfig, UnigramUtils
    out = {"reference": "MarkLLM watermark/unigram/unigram.py (UnigramUtils, Unigram.detect_watermark)",
           "config": "config/Unigram.json (gamma 0.5), hash_key overridden per case", "cases": []}
    for key in (0, 15485863):
        for V in (50272, 32000, 4096):
            cfg = UnigramConfig(cfg_path(ml, "Unigram"), tc(V))
            cfg.hash_key = key
            u = UnigramUtils(cfg)
            green = np.flatnonzero(u.mask)
            out["cases"].append({"key": key, "vocab_size": V, "seed": int(UnigramUtils._hash_fn(key)),
                                 "green_first32": ints(green[:32]), "green_count": int(u.mask.sum())})
    cfg = UnigramConfig(cfg_path(ml, "Unigram"), tc(50272))
    wm = Unigram(cfg)
    res = wm.detect_watermark("W30")
    z, flags = wm.utils.score_sequence(torch.tensor(W30))
    out["detect_W30"] = {"vocab_size": 50272, "hash_key": cfg.hash_key, "gamma": cfg.gamma,
                         "z": num(res["score"]), "is_watermarked": bool(res["is_watermarked"]),
                         "green_count": int(sum(flags)), "T": len(W30), "green_flags": ints(flags)}
    return out


def sweet_ewd(ml):
    from watermark.sweet.sweet import SWEETConfig, SWEETUtils
    from watermark.ewd.ewd import EWDConfig, EWDUtils
    out = {}
    cfg = SWEETConfig(cfg_path(ml, "SWEET"), tc(50272))
    u = SWEETUtils(cfg)
    gl = u.get_greenlist_ids(torch.tensor([2, 464]))
    seed = u.rng.initial_seed()
    z, flags, weights = SWEETUtils(cfg).score_sequence(torch.tensor(W30), E30)
    G = sum(1 for f, w in zip(flags, weights) if f == 1 and w == 1)
    T = len(W30) - cfg.prefix_length - len([e for e in E30[cfg.prefix_length:] if e <= cfg.entropy_threshold])
    out["sweet"] = {
        "reference": "MarkLLM watermark/sweet/sweet.py (SWEETUtils.get_greenlist_ids, score_sequence)",
        "config": {"gamma": cfg.gamma, "hash_key": cfg.hash_key, "prefix_length": cfg.prefix_length,
                   "entropy_threshold": cfg.entropy_threshold, "vocab_size": 50272},
        "greenlist_context": [2, 464], "greenlist_seed": int(seed), "greenlist_size": int(gl.numel()),
        "greenlist_first32": ints(gl[:32]),
        "score_W30_E30": {"T": int(T), "G": int(G), "z": num(z), "green_flags": ints(flags),
                          "entropy_gate": ints(weights)}}
    ecfg = EWDConfig(cfg_path(ml, "EWD"), tc(50272))
    eu = EWDUtils(ecfg)
    egl = eu.get_greenlist_ids(torch.tensor([2, 464]))
    ez, eflags, eweights = EWDUtils(ecfg).score_sequence(torch.tensor(W30), E30)
    # spike entropy: a stub model whose every logits row is log(SPIKE_P) (float32)
    row = torch.log(torch.tensor(SPIKE_P, dtype=torch.float32))
    model = stubs.RowTableModel(torch.stack([row, row]))
    se = EWDUtils(ecfg).calculate_entropy(model, torch.tensor([0, 0]))
    # toy: prefix_length 0, flags given
    tcfg = EWDConfig(cfg_path(ml, "EWD"), tc(50272))
    tcfg.prefix_length = 0
    tu = EWDUtils(tcfg)
    toy_se = [0.9, 0.5, 0.7, 0.95, 0.6]
    toy_flags = [1, 0, 1, 1, 0]
    tw = tu._get_weight_from_entropy(toy_se)
    tg = sum(tw[i] for i in range(len(toy_flags)) if toy_flags[i] == 1)
    tz = tu._compute_z_score(tg, tw[tcfg.prefix_length:])
    out["ewd"] = {
        "reference": "MarkLLM watermark/ewd/ewd.py (EWDUtils)",
        "config": {"gamma": ecfg.gamma, "delta": ecfg.delta, "hash_key": ecfg.hash_key,
                   "prefix_length": ecfg.prefix_length, "vocab_size": 50272},
        "alpha_float32": f32(torch.exp(torch.tensor(ecfg.delta)).item()),
        "z_alpha": num(eu.z_value),
        "greenlist_context": [2, 464], "greenlist_first32": ints(egl[:32]),
        "greenlist_equals_sweet": bool(torch.equal(gl, egl)),
        "score_W30_E30_as_spike_entropy": {"z": num(ez), "green_flags": ints(eflags),
                                           "weights": f64list(eweights)},
        "spike_entropy": {"probs_given": SPIKE_P,
                          "stub": "model logits row = torch.log(torch.tensor(probs_given, float32)); "
                                  "EWDUtils.calculate_entropy(model, tensor([0,0]))[1]",
                          "softmax_probs_seen_by_reference": f32list(torch.softmax(row, -1)),
                          "gamma": ecfg.gamma, "delta": ecfg.delta,
                          "calculate_entropy_output": f64list(se), "spike_entropy": num(se[1])},
        "toy": {"spike_entropy": toy_se, "green_flags": toy_flags, "prefix_length": 0,
                "how": "_get_weight_from_entropy(SE); G = sum of weights where flag 1 (as score_sequence); "
                       "_compute_z_score(G, weights)",
                "weights": f64list(tw), "green_weight_sum": num(tg), "z": num(tz)}}
    return out


def dip(ml, key):
    from watermark.dip.dip import DIP, DIPConfig, DIPUtils

    def mk(V=50272, ids=W30, alpha=None):
        cfg = DIPConfig(cfg_path(ml, "DIP"), tc(V, ids))
        cfg.hash_key = key
        if alpha is not None:
            cfg.alpha = alpha
        return cfg

    cfg = mk()
    u = DIPUtils(cfg)
    seed = u._get_rng_seed(u._extract_context_code(torch.tensor(CTX5)))
    perm = u.from_random(torch.Generator().manual_seed(seed), 50272)
    q, _ = DIPUtils(cfg)._get_green_token_quantile(torch.tensor(CTX5), 50272, 262)
    # detection
    wm = DIP(mk())
    res = wm.detect_watermark("W30")
    u2 = DIPUtils(mk())
    u2.state_indicator = 1
    z, flags = u2.score_sequence(torch.tensor(W30))
    u3 = DIPUtils(mk())
    u3.state_indicator = 1
    sc = u3._get_dip_score(torch.tensor(W30), 50272)
    G = int((sc >= cfg.gamma).sum())
    T = len(W30) - int((sc == -1).sum())
    out = {"reference": "MarkLLM watermark/dip/dip.py (DIPUtils, DIP.detect_watermark); config.hash_key set to "
                        "KEY42 (DIPConfig at this commit has no hash_key)",
           "config": {"gamma": cfg.gamma, "alpha": cfg.alpha, "prefix_length": cfg.prefix_length,
                      "ignore_history_detection": cfg.ignore_history_detection, "vocab_size": 50272},
           "context": CTX5, "seed": int(seed), "randperm_first16": ints(perm[:16]),
           "quantile_token_262": f32(q[0].item()),
           "score_W30": {"z": num(res["score"]), "z_from_score_sequence": num(z), "T": T, "G": G,
                         "is_watermarked": bool(res["is_watermarked"]), "flags": ints(flags),
                         "position_scores": f32list(sc)}}
    rw = []
    for name, p in TOY_P.items():
        for alpha in (0.45, 0.5):
            uu = DIPUtils(mk(alpha=alpha))
            logits = torch.log(torch.tensor([p], dtype=torch.float32))
            outl = uu.reweight_logits(torch.tensor([TOY_PERM]), logits)
            rw.append({"p": name, "p_values": p, "permutation": TOY_PERM, "alpha": alpha,
                       "input_logits": f32list(logits), "output_logits": f32list(outl),
                       "output_probs": f32list(torch.softmax(outl, -1))})
    g = torch.Generator().manual_seed(RANDP16_SEED)
    logits16 = torch.randn(16, generator=g).unsqueeze(0)
    perm16 = u.from_random(torch.Generator().manual_seed(seed), 16).unsqueeze(0)
    for alpha in (0.45, 0.5):
        uu = DIPUtils(mk(alpha=alpha))
        outl = uu.reweight_logits(perm16, logits16)
        rw.append({"p": "random16", "p_values_note": "logits = torch.randn(16, generator=Generator().manual_seed(%d))"
                   % RANDP16_SEED, "permutation": ints(perm16),
                   "permutation_note": "torch.randperm(16) with the seed of context %s" % CTX5,
                   "alpha": alpha, "input_logits": f32list(logits16), "input_probs": f32list(torch.softmax(logits16, -1)),
                   "output_logits": f32list(outl), "output_probs": f32list(torch.softmax(outl, -1))})
    out["reweight"] = rw
    return out


def import_unbiased_original(path):
    if path is None:
        return None
    sys.path.insert(0, path)
    import unbiased_watermark as uw
    return uw


def unbiased(ml, key, orig_path):
    from watermark.unbiased.unbiased import UnbiasedConfig, UnbiasedUtils, UnbiasedWatermark
    from watermark.unbiased.strategy import GammaStrategy, DeltaStrategy
    uw = import_unbiased_original(orig_path)
    out = {"reference": "MarkLLM watermark/unbiased/{unbiased.py,strategy.py}" +
                        ("; original unbiased_watermark/{gamma.py,robust_llr_batch.py,transformers.py}" if uw else ""),
           "key": "KEY42 (config.hash_key overridden; at this commit MarkLLM draws an unseeded random key)"}

    def mk(V, ids=W30, model=None):
        cfg = UnbiasedConfig(cfg_path(ml, "Unbiased"), tc(V, ids, model=model))
        cfg.hash_key = key
        return cfg

    u = UnbiasedUtils(mk(50272))
    code = u._extract_context_code(torch.tensor(CTX5))
    seed = u._get_rng_seed(code)
    ctx = {"context": CTX5, "seed": int(seed),
           "gamma_randperm_first8": ints(GammaStrategy().from_random(torch.Generator().manual_seed(seed), 50272)[:8]),
           "delta_u": f32(DeltaStrategy().from_random(torch.Generator().manual_seed(seed), 50272).item())}
    if uw:
        proc = uw.WatermarkLogitsProcessor(key, uw.Gamma_Reweight(1.0), uw.PrevN_ContextCodeExtractor(5))
        ctx["seed_original_get_rng_seed"] = int(proc.get_rng_seed(uw.PrevN_ContextCodeExtractor(5).extract(torch.tensor(CTX5))))
    out["context_seed"] = ctx
    rw = []
    for name, p in TOY_P.items():
        logits = torch.log(torch.tensor([p], dtype=torch.float32))
        shuffle = torch.tensor([TOY_PERM])
        m = GammaStrategy().reweight_logits(shuffle, logits)
        e = {"p": name, "p_values": p, "permutation": TOY_PERM,
             "markllm_gamma_strategy_alpha_0_5": {"output_logits": f32list(m), "output_probs": f32list(torch.softmax(m, -1))}}
        if uw:
            o = uw.Gamma_Reweight(1.0).reweight_logits(uw.Gamma_WatermarkCode(shuffle), logits)
            e["original_gamma_reweight_gamma_1"] = {"output_logits": f32list(o), "output_probs": f32list(torch.softmax(o, -1))}
        rw.append(e)
    out["gamma_reweight_toy"] = rw
    # maximin LLR on three fixed pairs (V = 8); inputs are logits, the references log_softmax them
    pairs = [
        ("logits_vs_gamma_reweighted", [2.0, 1.0, 0.5, 0.0, -0.5, -1.0, -2.0, -3.0], None),
        ("uniform_vs_skewed", [0.0] * 8, [math.log(v) for v in [0.3, 0.2, 0.1, 0.1, 0.1, 0.1, 0.05, 0.05]]),
        ("skewed_vs_skewed", [math.log(v) for v in [0.5, 0.2, 0.1, 0.1, 0.05, 0.03, 0.01, 0.01]],
         [math.log(v) for v in [0.05, 0.1, 0.1, 0.2, 0.25, 0.15, 0.1, 0.05]]),
    ]
    shuffle8 = [3, 1, 4, 7, 0, 2, 6, 5]
    n = 10
    dist = [float(i) / n for i in range(n + 1)]
    bq = UnbiasedUtils(mk(8))._from_grid([0.0], dist)
    llr_out = {"grid": "from_grid([0.0], [i/10 for i in 0..10]) (n_grid 10): 11 queries (log d_p, log d_q)",
               "batch_query": [[num(a), num(b)] for a, b in bq], "pairs": []}
    for name, p, q in pairs:
        pl = torch.tensor([p], dtype=torch.float32)
        if q is None:
            ql = GammaStrategy().reweight_logits(torch.tensor([shuffle8]), pl)
            qnote = "q = MarkLLM GammaStrategy.reweight_logits(permutation %s, p)" % shuffle8
        else:
            ql = torch.tensor([q], dtype=torch.float32)
            qnote = "given"
        llr, mx, mn = UnbiasedUtils(mk(8))._score_llr(pl, ql, bq)
        e = {"name": name, "p_logits": f32list(pl), "q_logits": f32list(ql), "q_note": qnote,
             "markllm_score_llr": {"llr": f32list(llr), "max_llr": f32list(mx), "min_llr": f32list(mn)}}
        if uw:
            s = uw.RobustLLR_Score_Batch_v2.from_grid([0.0], dist)
            l2, mx2, mn2 = s.score(pl, ql)
            e["original_RobustLLR_Score_Batch_v2"] = {"llr": f32list(l2), "max_llr": f32list(mx2), "min_llr": f32list(mn2)}
            e["original_equals_markllm"] = bool(torch.equal(l2, llr) and torch.equal(mx2, mx) and torch.equal(mn2, mn))
        clamped = {}
        for y in (0, 3, 7):
            clamped[str(y)] = f32list(torch.clamp(llr[0, y].expand_as(mx[0]), mn[0], mx[0]))
        e["clamped_llr_for_token"] = clamped
        llr_out["pairs"].append(e)
    out["max_llr"] = llr_out
    # detection with a stub model
    ids = [w % UNBIASED_V for w in W30]
    rows = torch.stack([torch.randn(UNBIASED_V, generator=torch.Generator().manual_seed(UNBIASED_ROW_SEED_BASE + i))
                        for i in range(len(ids))])
    wm = UnbiasedWatermark(mk(UNBIASED_V, ids, model=stubs.RowTableModel(rows)))
    res = wm.detect_watermark("W30 mod 64")
    wm2 = UnbiasedWatermark(mk(UNBIASED_V, ids, model=stubs.RowTableModel(rows)))
    wm2.utils.state_indicator = 1
    p_val, highlights = wm2.utils.score_sequence("W30 mod 64")
    out["detect"] = {
        "stub_model": ("ids = [w %% 64 for w in W30]; vocab_size 64; the model is called on ids[:-1] (29 positions) and "
                       "returns logits row i = torch.randn(64, generator=torch.Generator().manual_seed(%d + i)) "
                       "(float32, CPU), whatever the ids" % UNBIASED_ROW_SEED_BASE),
        "ids": ids, "config": {"type": wm.config.type, "n_grid": wm.config.n_grid, "prefix_length": wm.config.prefix_length,
                               "ignore_history_detection": wm.config.ignore_history_detection,
                               "p_threshold": wm.config.p_threshold},
        "logits_rows": [f32list(rows[i]) for i in range(len(ids) - 1)],
        "p_value": num(res["score"]), "p_value_type": type(res["score"]).__name__,
        "final_score_S": num(-math.log(float(res["score"]) / wm.config.n_grid)),
        "final_score_note": "S = -ln(p / n_grid), p = n_grid * exp(-S) as the reference computes it",
        "is_watermarked": bool(res["is_watermarked"]),
        "highlight_values": [None if h is None else num(h) for h in highlights],
        "highlight_note": "value_transformation(best-query clamped llr) = s/(s+1) per position; None before prefix_length",
        "score_sequence_p_value": num(p_val)}
    # a watermarked id sequence: same stub rows; ids 0..4 = W30 mod 64, then token t = argmax of the
    # MarkLLM UnbiasedLogitsProcessor output on row t-1 (greedy decoding of the reweighted distribution)
    from watermark.unbiased.unbiased import UnbiasedLogitsProcessor
    gcfg = mk(UNBIASED_V, ids, model=None)
    gproc = UnbiasedLogitsProcessor(gcfg, UnbiasedUtils(gcfg))
    wids = list(ids[:gcfg.prefix_length])
    for t in range(gcfg.prefix_length, len(ids)):
        outl = gproc(torch.tensor([wids]), rows[t - 1].unsqueeze(0).clone())
        wids.append(int(torch.argmax(outl, dim=-1)[0]))
    wm3 = UnbiasedWatermark(mk(UNBIASED_V, wids, model=stubs.RowTableModel(rows)))
    res3 = wm3.detect_watermark("watermarked ids")
    wm4 = UnbiasedWatermark(mk(UNBIASED_V, wids, model=stubs.RowTableModel(rows)))
    wm4.utils.state_indicator = 1
    _, hl3 = wm4.utils.score_sequence("watermarked ids")
    out["detect_watermarked"] = {
        "how": "same stub rows; ids[0:5] = W30 mod 64; for t = 5..29, ids[t] = argmax of "
               "UnbiasedLogitsProcessor(ids[:t], logits row t-1) (MarkLLM gamma reweight, KEY42)",
        "ids": wids, "p_value": num(res3["score"]),
        "final_score_S": num(-math.log(float(res3["score"]) / wm3.config.n_grid)),
        "is_watermarked": bool(res3["is_watermarked"]),
        "highlight_values": [None if h is None else num(h) for h in hl3]}
    return out


def exp(ml):
    from watermark.exp.exp import EXP, EXPConfig, EXPUtils
    from math import log
    cfg = EXPConfig(cfg_path(ml, "EXP"), tc(50272))
    u = EXPUtils(cfg)
    ids = [2, 464, 3290, 318, 257]
    u.seed_rng(torch.tensor(ids))
    seed = u.rng.initial_seed()
    r = torch.rand(50272, generator=u.rng)
    wm = EXP(cfg)
    res = wm.detect_watermark("W30")
    # the per-token terms, by the same lines as EXP.detect_watermark
    enc = np.array(W30)
    terms, rs = [], []
    total = 0
    for i in range(cfg.prefix_length, len(enc)):
        wm.utils.seed_rng(enc[:i])
        rn = torch.rand(cfg.vocab_size, generator=wm.utils.rng)
        rr = rn[enc[i]]
        t = log(1 / (1 - rr))
        rs.append(rr.item())
        terms.append(t)
        total += t
    import scipy.stats
    return {"reference": "MarkLLM watermark/exp/exp.py (EXPUtils.seed_rng, EXP.detect_watermark)",
            "config": {"prefix_length": cfg.prefix_length, "hash_key": cfg.hash_key, "vocab_size": 50272,
                       "threshold": cfg.threshold},
            "ids": ids, "seed": int(seed), "r_first8": f32list(r[:8]), "r_1332": f32(r[1332].item()),
            "detect_W30": {"T": len(terms), "r_at_token": f32list(rs), "terms": [num(t) for t in terms],
                           "terms_note": "log(1/(1 - r)) with 1/(1-r) evaluated on the float32 tensor, log in double",
                           "S": num(total), "p_value": num(res["score"]),
                           "p_recomputed_gamma_sf": num(scipy.stats.gamma.sf(total, len(terms), loc=0, scale=1)),
                           "is_watermarked": bool(res["is_watermarked"])}}


def exp_edit(ml, build_dir, kud_path):
    lev_note = None
    modname = "watermark.exp_edit.cython_files.levenshtein"
    try:
        so, cmd = stubs.build_levenshtein(os.path.join(ml, "watermark", "exp_edit", "cython_files"), build_dir)
        stubs.load_extension_as(modname, so)
        lev_note = "compiled the reference's Cython-generated levenshtein.c (Cython 3.0.10 output shipped in MarkLLM): " + cmd.replace(ml, "<markllm>").replace(build_dir, "<build>")
    except Exception as e:
        lev_note = "could not compile levenshtein.c (%s); using an importable build in the tree if any" % e
    from watermark.exp_edit.exp_edit import EXPEditConfig, EXPEditUtils
    from watermark.exp_edit.cython_files.levenshtein import levenshtein
    cfg = EXPEditConfig(cfg_path(ml, "EXPEdit"), tc(16, EXPEDIT_TOKENS))
    cfg.pseudo_length = 8
    u = EXPEditUtils(cfg)
    xi = u.xi.numpy()
    tokens = np.array(EXPEDIT_TOKENS, dtype=np.int64)
    k, n = len(tokens), len(xi)
    per = {}
    for gamma in (0.0, 0.5):
        A = [float(levenshtein(tokens, xi[(j + np.arange(k)) % n], gamma)) for j in range(n)]
        per[str(gamma)] = {"per_shift": f32list(A), "min": f32(min(A)), "argmin": int(np.argmin(A))}
    m, a = u.one_run(tokens, xi)
    out = {"reference": "MarkLLM watermark/exp_edit/{exp_edit.py,mersenne.py,cython_files/levenshtein.pyx}",
           "levenshtein_build": lev_note,
           "key": cfg.key, "key_first8": f32list(u.xi.view(-1)[:8]),
           "key_first8_note": "MersenneRNG(42).rand() values, rounded to float32 by torch.tensor",
           "small_case": {"vocab_size": 16, "n_rows": 8, "tokens": EXPEDIT_TOKENS,
                          "xi": [f32list(xi[i]) for i in range(n)],
                          "statistic_note": "A[j] = levenshtein(tokens, xi[(j + arange(k)) % n], gamma) for shifts j in 0..n-1; "
                                            "statistic = min over j (EXPEditUtils.one_run does this with gamma 0.0)",
                          "gamma": per, "one_run_gamma0": {"min": num(m), "argmin": int(a)}}}
    if kud_path:
        sys.path.insert(0, os.path.join(kud_path, "demo"))
        import importlib
        mers = importlib.import_module("mersenne")
        rng = mers.mersenne_rng(42) if hasattr(mers, "mersenne_rng") else None
        if rng is not None:
            vals = np.array([rng.rand() for _ in range(8 * 16)], dtype=np.float32)
            out["jthickstun_demo_mersenne_equal"] = bool(np.array_equal(vals, xi.ravel()))
    return out


def synthid(ml):
    if not hasattr(torch, "vmap"):
        return {"skipped": "torch %s has no torch.vmap (MarkLLM SynthID needs torch >= 2)" % torch.__version__}
    # detector.py imports the C4 dataset and sklearn (Bayesian detector) at module level; neither is used by
    # the mean detector, so stub them if missing.
    stubbed = []
    if stubs.install_module_stub("evaluation.dataset", C4Dataset=object):
        stubbed.append("evaluation.dataset")
    if stubs.install_module_stub("sklearn.model_selection"):
        stubbed.append("sklearn.model_selection")
    if stubs.install_module_stub("tqdm"):
        stubbed.append("tqdm")
    from watermark.synthid.synthid import SynthID, SynthIDConfig, SynthIDUtils, SynthIDLogitsProcessor
    cfg = SynthIDConfig(cfg_path(ml, "SynthID"), tc(50272))
    wm = SynthID(cfg)
    proc, u = wm.logits_processor, wm.utils
    ng = torch.tensor([CTX5])
    h_ng = u.accumulate_hash(torch.ones(1, dtype=torch.long), ng)
    layer = [int(u.accumulate_hash(h_ng, torch.tensor([[kk]]))[0]) for kk in cfg.keys[:3]]
    g_ng = proc.compute_g_values(ng)[0, 0]
    gW = proc.compute_g_values(torch.tensor([W30]))
    rep = proc.compute_context_repetition_mask(torch.tensor([W30]))
    res = wm.detect_watermark("W30")
    # tournament update: fixed context (4 ids) and the 8 candidate ids 0..7, depth = all 30 keys
    ctx = torch.tensor([SYNTHID_CONTEXT])
    cand = torch.arange(len(SYNTHID_LOGITS)).unsqueeze(0)
    ngram_keys, hash_ctx = proc._compute_keys(ctx, cand)
    gv = proc.sample_g_values(ngram_keys)
    scores = torch.tensor([SYNTHID_LOGITS], dtype=torch.float32)
    upd = u.update_scores(scores, gv)
    return {"reference": "MarkLLM watermark/synthid/synthid.py (table version: sampling table = torch.randint(0,2,(65536,)) "
                         "with a CPU generator seeded 0), mean detector from watermark/synthid/detector.py",
            "module_stubs": stubbed,
            "config": {"ngram_len": cfg.ngram_len, "keys": list(cfg.keys), "sampling_table_size": cfg.sampling_table_size,
                       "sampling_table_seed": cfg.sampling_table_seed, "context_history_size": cfg.context_history_size,
                       "watermark_mode": cfg.watermark_mode, "detector_type": cfg.detector_name,
                       "threshold": cfg.threshold},
            "sampling_table_first32": ints(proc.sampling_table[:32]),
            "sampling_table_sum": int(proc.sampling_table.sum()),
            "ngram": CTX5, "h_ng": int(h_ng[0]), "layer_keys_first3": layer,
            "layer_keys_first3_mod_table": [k % cfg.sampling_table_size for k in layer],
            "g_values_ngram": ints(g_ng),
            "compute_g_values_W30": {"shape": list(gW.shape), "first3_rows": [ints(gW[0, i]) for i in range(3)]},
            "context_repetition_mask_W30": ints(rep[0].long()),
            "detect_W30": {"eos_token_id": EOS_ID, "mean_score": num(res["score"]),
                           "is_watermarked": bool(res["is_watermarked"])},
            "tournament": {"context": SYNTHID_CONTEXT, "candidates": ints(cand), "logits": SYNTHID_LOGITS,
                           "how": "g = sample_g_values(_compute_keys(context, candidates)); "
                                  "SynthIDUtils.update_scores(logits, g) (non-distortionary, depth 30); no temperature",
                           "context_hash": int(hash_ctx[0]),
                           "g_values": [ints(gv[0, v]) for v in range(gv.shape[1])],
                           "output_log_probs": f32list(upd), "output_probs": f32list(torch.exp(upd)),
                           "input_probs": f32list(torch.softmax(scores, 1))}}


def pf(ml):
    from watermark.pf.pf import PF, PFConfig, PFUtils
    cfg = PFConfig(cfg_path(ml, "PF"), tc(32000))
    u = PFUtils(cfg)
    seed = u.get_seed_rng(torch.tensor(PF_WINDOW))
    r = torch.rand(32000, generator=torch.Generator().manual_seed(seed))
    s1000 = u.score_tok(PF_WINDOW, 1000)[0]
    wm = PF(cfg)
    out = {"reference": "MarkLLM watermark/pf/pf.py (PFUtils.get_seed_rng, score_tok, PF.detect_watermark)",
           "config": {"ngram": cfg.ngram, "seed": cfg.seed, "salt_key": cfg.salt_key, "payload": cfg.payload,
                      "vocab_size": 32000},
           "window": PF_WINDOW, "seed": int(seed), "seed_low32": int(seed) & 0xFFFFFFFF,
           "rand_first3": f32list(r[:3]), "neg_ln_r_1000": f32(s1000.item()),
           "neg_ln_r_1000_note": "score_tok(window, 1000)[0] = -log(r)[1000], float32 (torch log on the float32 tensor)",
           "neg_ln_r_1000_double_log": num(-math.log(r[1000].item())),
           "neg_ln_r_1000_double_log_note": "not a reference output: -math.log of the float32 r[1000] in double, for comparison"}
    per = wm.utils.get_scores_by_t("W30")
    try:
        res = wm.detect_watermark("W30")
        det = {"S": num(res["score"]), "is_watermarked": bool(res["is_watermarked"])}
    except Exception as e:
        det = {"detect_watermark_error": "%s: %s" % (type(e).__name__, e),
               "S_from_get_scores": num(np.asarray(wm.utils.get_scores(per)).ravel()[0])}
    det.update({"scored_tokens": int(len(per)), "per_token_scores": f32list(per[:, 0]),
                "threshold": num(wm.utils.get_threshold(len(per), 0.01)),
                "threshold_k": int(len(per) - cfg.ngram)})
    out["detect_W30"] = det
    return out


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--markllm", required=True, help="THU-BPM/MarkLLM checkout (its root)")
    ap.add_argument("--markllm-commit", help="commit of that checkout (default: git rev-parse HEAD there)")
    ap.add_argument("--unbiased", help="xiaoniu-578fa6bff964d005/UnbiasedWatermark checkout (optional)")
    ap.add_argument("--unbiased-commit")
    ap.add_argument("--kuditipudi", help="jthickstun/watermark checkout (optional)")
    ap.add_argument("--kuditipudi-commit")
    ap.add_argument("--build-dir", default=os.path.join(os.environ.get("TMPDIR", "/tmp"), "wm-goldens-build"))
    ap.add_argument("--out", required=True)
    args = ap.parse_args()

    ml = os.path.abspath(args.markllm)
    sys.path.insert(0, ml)
    tf = stubs.install_transformers_stub()
    torch.set_num_threads(1)
    key = key42()
    import scipy
    refs = {"THU-BPM/MarkLLM": args.markllm_commit or git_commit(ml)}
    if args.unbiased:
        refs["xiaoniu-578fa6bff964d005/UnbiasedWatermark"] = args.unbiased_commit or git_commit(args.unbiased)
    if args.kuditipudi:
        refs["jthickstun/watermark"] = args.kuditipudi_commit or git_commit(args.kuditipudi)
    doc = {
        "provenance": {
            "references": refs,
            "python": platform.python_version(), "torch": torch.__version__, "numpy": np.__version__,
            "scipy": scipy.__version__,
            "torch_cpu_capability": (torch.backends.cpu.get_cpu_capability()
                                     if hasattr(torch.backends, "cpu") and hasattr(torch.backends.cpu, "get_cpu_capability")
                                     else None),
            "ATEN_CPU_CAPABILITY": os.environ.get("ATEN_CPU_CAPABILITY"),
            "reproducibility": "integer results (seeds, permutations, green lists, g-values, counts) and torch.rand values "
                               "do not depend on the torch build; float32 results of softmax/log/exp/logcumsumexp and "
                               "torch.randn with >= 16 elements can differ in the last bits between torch versions and "
                               "CPU capabilities (AVX2 vs default), so every randn-made input is dumped here and float32 "
                               "outputs of those kernels should be compared with a few-ulp tolerance",
            "date_utc": datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ"),
            "command": "python3 generate.py " + " ".join(
                "--%s <%s>" % (k.replace("_", "-"), k) for k in ("markllm", "unbiased", "kuditipudi")
                if getattr(args, k)) + " --out family-goldens.json",
            "generator": "tools/watermark-family-goldens/generate.py",
            "transformers": tf,
            "stubs": "tools/watermark-family-goldens/stubs.py: fake tokenizer returning fixed ids (eos id %d), "
                     "config duck-typed to TransformersConfig (device cpu), RowTableModel for logits" % EOS_ID,
            "json_conventions": "doubles as shortest round-trip decimals; float32 data as {float32: shortest decimal of the "
                                "float32, double: its exact value as a double}; non-finite values as the strings "
                                "Infinity/-Infinity/NaN",
        },
        "inputs": {"W30": W30, "E30": E30,
                   "KEY42": {"hex": key.hex(), "sha256": hashlib.sha256(key).hexdigest(),
                             "how": "random.seed(42); random.getrandbits(1024).to_bytes(128, 'big') "
                                    "(UnbiasedWatermark experiments/common.py)"}},
    }
    doc["unigram"] = section(unigram, ml)
    se = section(sweet_ewd, ml)
    if "skipped" in se:
        se = {"sweet": se, "ewd": se}
    doc.update(se)
    doc["dipmark"] = section(dip, ml, key)
    doc["unbiased"] = section(unbiased, ml, key, args.unbiased)
    doc["exp"] = section(exp, ml)
    doc["exp_edit"] = section(exp_edit, ml, args.build_dir, args.kuditipudi)
    doc["synthid"] = section(synthid, ml)
    doc["pf"] = section(pf, ml)
    os.makedirs(os.path.dirname(os.path.abspath(args.out)), exist_ok=True)
    with open(args.out, "w") as f:
        json.dump(doc, f, indent=1, allow_nan=False)
        f.write("\n")
    for k, v in doc.items():
        if isinstance(v, dict) and "skipped" in v:
            print("SKIPPED %s: %s" % (k, v["skipped"]), file=sys.stderr)
    print("wrote", args.out)


if __name__ == "__main__":
    main()
