#!/usr/bin/python3
"""Writes the tiny random checkpoints that genailab-llm's tests load, and their golden logits.

Each checkpoint is a Hugging Face model directory (config.json + safetensors, one of them sharded with
model.safetensors.index.json). The goldens are computed in float64 by a re-statement, written for this
script, of the forward passes of transformers' GPT2LMHeadModel, LlamaForCausalLM and Qwen2ForCausalLM
(eager attention, no cache), from the weights exactly as stored (BF16 / F16 rounded first). The files
followed are listed in PROVENANCE below and stamped into every golden file.

Run from the repository root with Debian's torch (apt-get install -y python3-torch):
    /usr/bin/python3 tools/llm-goldens/make_goldens.py
It rewrites llm/src/test/resources/io/github/genailab/llm/checkpoints/. Deterministic (seeded).
"""
import json
import math
import os
import platform
import struct
import sys

import numpy
import torch

OUT = "llm/src/test/resources/io/github/genailab/llm/checkpoints"
PROVENANCE = [
    "huggingface/transformers@c44b2d9976e8eafbdcb89cb2710141b2bc9b138f:src/transformers/models/gpt2/modeling_gpt2.py",
    "huggingface/transformers@5dd4a63548857797727ae73eeb6a6e886ea02a3e:src/transformers/models/llama/modeling_llama.py",
    "huggingface/transformers@63bb723747035466e5339aea864b133f709b067d:src/transformers/models/qwen2/modeling_qwen2.py",
]
DTYPES = {"F32": torch.float32, "F16": torch.float16, "BF16": torch.bfloat16}


def stored(t, dtype):
    """The tensor rounded to the file's dtype, and back in float64 for the golden computation."""
    q = t.to(DTYPES[dtype])
    return q, q.to(torch.float64)


def tensor_bytes(q):
    if q.dtype == torch.bfloat16:
        return q.contiguous().view(torch.int16).numpy().astype("<i2").tobytes()
    return q.contiguous().numpy().astype(q.numpy().dtype.newbyteorder("<")).tobytes()


def write_safetensors(path, tensors):
    """tensors: list of (name, quantised tensor, dtype string), written in order."""
    header, blobs, offset = {}, [], 0
    for name, q, dtype in tensors:
        data = tensor_bytes(q)
        header[name] = {"dtype": dtype, "shape": list(q.shape), "data_offsets": [offset, offset + len(data)]}
        blobs.append(data)
        offset += len(data)
    header["__metadata__"] = {"format": "pt"}
    text = json.dumps(header, separators=(",", ":")).encode("utf-8")
    text += b" " * ((8 - len(text) % 8) % 8)
    with open(path, "wb") as f:
        f.write(struct.pack("<Q", len(text)))
        f.write(text)
        for b in blobs:
            f.write(b)


def write_checkpoint(directory, config, tensors, shards=1):
    os.makedirs(directory, exist_ok=True)
    for name in os.listdir(directory):
        os.remove(os.path.join(directory, name))
    with open(os.path.join(directory, "config.json"), "w") as f:
        json.dump(config, f, indent=2)
    if shards == 1:
        write_safetensors(os.path.join(directory, "model.safetensors"), tensors)
        return
    per = math.ceil(len(tensors) / shards)
    weight_map = {}
    for s in range(shards):
        part = tensors[s * per:(s + 1) * per]
        file = "model-%05d-of-%05d.safetensors" % (s + 1, shards)
        write_safetensors(os.path.join(directory, file), part)
        weight_map.update({name: file for name, _, _ in part})
    with open(os.path.join(directory, "model.safetensors.index.json"), "w") as f:
        json.dump({"metadata": {"total_size": 0}, "weight_map": weight_map}, f, indent=2)


class Weights:
    """Draws seeded random tensors, stores them in the checkpoint's dtype, keeps float64 copies."""

    def __init__(self, seed, dtype):
        self.g = torch.Generator().manual_seed(seed)
        self.dtype = dtype
        self.file = []
        self.f64 = {}

    def add(self, name, shape, scale=0.3, mean=0.0, dtype=None):
        t = (torch.randn(tuple(shape), generator=self.g, dtype=torch.float64) * scale + mean).to(torch.float32)
        dt = dtype or self.dtype
        q, w = stored(t, dt)
        self.file.append((name, q, dt))
        self.f64[name] = w
        return w


def layer_norm(x, g, b, eps):
    mean = x.mean(-1, keepdim=True)
    var = ((x - mean) ** 2).mean(-1, keepdim=True)
    return (x - mean) / torch.sqrt(var + eps) * g + b


def rms_norm(x, g, eps):
    return x * torch.rsqrt((x ** 2).mean(-1, keepdim=True) + eps) * g


def causal_softmax(scores):
    t = scores.shape[-1]
    mask = torch.ones(t, t, dtype=torch.bool).tril()
    return torch.softmax(scores.masked_fill(~mask, float("-inf")), dim=-1)


def gpt2_logits(cfg, w, ids, prefix):
    E, H = cfg["n_embd"], cfg["n_head"]
    d, T = E // H, len(ids)
    eps = cfg["layer_norm_epsilon"]
    p = prefix
    x = w[p + "wte.weight"][ids] + w[p + "wpe.weight"][torch.arange(T)]
    for l in range(cfg["n_layer"]):
        b = "%sh.%d." % (p, l)
        h = layer_norm(x, w[b + "ln_1.weight"], w[b + "ln_1.bias"], eps)
        qkv = h @ w[b + "attn.c_attn.weight"] + w[b + "attn.c_attn.bias"]  # Conv1D: x W + b, W is in x out
        q, k, v = (t.view(T, H, d).transpose(0, 1) for t in qkv.split(E, dim=1))
        att = causal_softmax(q @ k.transpose(1, 2) / math.sqrt(d)) @ v
        x = x + att.transpose(0, 1).reshape(T, E) @ w[b + "attn.c_proj.weight"] + w[b + "attn.c_proj.bias"]
        h = layer_norm(x, w[b + "ln_2.weight"], w[b + "ln_2.bias"], eps)
        u = h @ w[b + "mlp.c_fc.weight"] + w[b + "mlp.c_fc.bias"]
        u = 0.5 * u * (1.0 + torch.tanh(math.sqrt(2.0 / math.pi) * (u + 0.044715 * u ** 3)))  # gelu_new
        x = x + u @ w[b + "mlp.c_proj.weight"] + w[b + "mlp.c_proj.bias"]
    x = layer_norm(x, w[p + "ln_f.weight"], w[p + "ln_f.bias"], eps)
    head = w[p + "wte.weight"] if cfg.get("tie_word_embeddings", True) else w["lm_head.weight"]
    return x @ head.T


def rotate_half(x):
    half = x.shape[-1] // 2
    return torch.cat((-x[..., half:], x[..., :half]), dim=-1)


def llama_logits(cfg, w, ids):
    E, H, G = cfg["hidden_size"], cfg["num_attention_heads"], cfg["num_key_value_heads"]
    d, T, eps = E // H, len(ids), cfg["rms_norm_eps"]
    inv_freq = 1.0 / (cfg["rope_theta"] ** (torch.arange(0, d, 2, dtype=torch.float64) / d))
    freqs = torch.arange(T, dtype=torch.float64)[:, None] * inv_freq[None, :]
    angles = torch.cat((freqs, freqs), dim=-1)
    cos, sin = angles.cos(), angles.sin()
    biased = cfg["model_type"] == "qwen2"
    x = w["model.embed_tokens.weight"][ids]
    for l in range(cfg["num_hidden_layers"]):
        b = "model.layers.%d." % l
        h = rms_norm(x, w[b + "input_layernorm.weight"], eps)

        def proj(name, heads):
            y = h @ w[b + "self_attn.%s.weight" % name].T  # nn.Linear: x W^T (+ b), W is out x in
            if biased:
                y = y + w[b + "self_attn.%s.bias" % name]
            return y.view(T, heads, d).transpose(0, 1)

        q, k, v = proj("q_proj", H), proj("k_proj", G), proj("v_proj", G)
        q, k = q * cos + rotate_half(q) * sin, k * cos + rotate_half(k) * sin
        k, v = k.repeat_interleave(H // G, dim=0), v.repeat_interleave(H // G, dim=0)  # repeat_kv
        att = causal_softmax(q @ k.transpose(1, 2) * d ** -0.5) @ v
        x = x + att.transpose(0, 1).reshape(T, E) @ w[b + "self_attn.o_proj.weight"].T
        h = rms_norm(x, w[b + "post_attention_layernorm.weight"], eps)
        gate = h @ w[b + "mlp.gate_proj.weight"].T
        x = x + (gate * torch.sigmoid(gate) * (h @ w[b + "mlp.up_proj.weight"].T)) @ w[b + "mlp.down_proj.weight"].T
    x = rms_norm(x, w["model.norm.weight"], eps)
    head = w["model.embed_tokens.weight"] if cfg["tie_word_embeddings"] else w["lm_head.weight"]
    return x @ head.T


def gpt2_checkpoint(name, seed, dtype, prefix, buffers):
    cfg = {"model_type": "gpt2", "architectures": ["GPT2LMHeadModel"], "vocab_size": 61, "n_embd": 16,
           "n_layer": 2, "n_head": 4, "n_positions": 24, "n_inner": None, "layer_norm_epsilon": 1e-5,
           "activation_function": "gelu_new", "scale_attn_weights": True, "tie_word_embeddings": True}
    E, P, V, I = cfg["n_embd"], cfg["n_positions"], cfg["vocab_size"], 4 * cfg["n_embd"]
    wt = Weights(seed, dtype)
    p = prefix
    wt.add(p + "wte.weight", (V, E))
    wt.add(p + "wpe.weight", (P, E), 0.1)
    for l in range(cfg["n_layer"]):
        b = "%sh.%d." % (p, l)
        wt.add(b + "ln_1.weight", (E,), 0.1, 1.0)
        wt.add(b + "ln_1.bias", (E,), 0.1)
        if buffers:  # the causal-mask buffers older hub files carry; a loader must ignore them
            wt.add(b + "attn.bias", (1, 1, P, P), 0.0, 1.0, "F32")
            wt.add(b + "attn.masked_bias", (), 0.0, -1e4, "F32")
        wt.add(b + "attn.c_attn.weight", (E, 3 * E))
        wt.add(b + "attn.c_attn.bias", (3 * E,), 0.1)
        wt.add(b + "attn.c_proj.weight", (E, E))
        wt.add(b + "attn.c_proj.bias", (E,), 0.1)
        wt.add(b + "ln_2.weight", (E,), 0.1, 1.0)
        wt.add(b + "ln_2.bias", (E,), 0.1)
        wt.add(b + "mlp.c_fc.weight", (E, I))
        wt.add(b + "mlp.c_fc.bias", (I,), 0.1)
        wt.add(b + "mlp.c_proj.weight", (I, E), 0.2)
        wt.add(b + "mlp.c_proj.bias", (E,), 0.1)
    wt.add(p + "ln_f.weight", (E,), 0.1, 1.0)
    wt.add(p + "ln_f.bias", (E,), 0.1)
    ids = torch.randint(0, V, (11,), generator=wt.g)
    return cfg, wt, ids, gpt2_logits(cfg, wt.f64, ids, prefix)


def llama_checkpoint(name, seed, dtype, model_type, heads, kv_heads, tied, theta):
    cfg = {"model_type": model_type, "architectures": ["LlamaForCausalLM" if model_type == "llama" else "Qwen2ForCausalLM"],
           "vocab_size": 67, "hidden_size": 16, "num_hidden_layers": 2, "num_attention_heads": heads,
           "num_key_value_heads": kv_heads, "intermediate_size": 24, "max_position_embeddings": 32,
           "rms_norm_eps": 1e-6, "rope_theta": theta, "rope_scaling": None, "hidden_act": "silu",
           "tie_word_embeddings": tied}
    if model_type == "llama":
        cfg.update({"attention_bias": False, "mlp_bias": False})
    else:
        cfg.update({"use_sliding_window": False, "sliding_window": 32, "max_window_layers": 2})
    E, V, I = cfg["hidden_size"], cfg["vocab_size"], cfg["intermediate_size"]
    d = E // heads
    wt = Weights(seed, dtype)
    wt.add("model.embed_tokens.weight", (V, E), 0.5)
    for l in range(cfg["num_hidden_layers"]):
        b = "model.layers.%d." % l
        wt.add(b + "input_layernorm.weight", (E,), 0.1, 1.0)
        wt.add(b + "self_attn.q_proj.weight", (heads * d, E))
        wt.add(b + "self_attn.k_proj.weight", (kv_heads * d, E))
        wt.add(b + "self_attn.v_proj.weight", (kv_heads * d, E))
        if model_type == "qwen2":
            wt.add(b + "self_attn.q_proj.bias", (heads * d,), 0.3)
            wt.add(b + "self_attn.k_proj.bias", (kv_heads * d,), 0.3)
            wt.add(b + "self_attn.v_proj.bias", (kv_heads * d,), 0.3)
        wt.add(b + "self_attn.o_proj.weight", (E, heads * d))
        wt.add(b + "post_attention_layernorm.weight", (E,), 0.1, 1.0)
        wt.add(b + "mlp.gate_proj.weight", (I, E))
        wt.add(b + "mlp.up_proj.weight", (I, E))
        wt.add(b + "mlp.down_proj.weight", (E, I))
    wt.add("model.norm.weight", (E,), 0.1, 1.0)
    if not tied:
        wt.add("lm_head.weight", (V, E), 0.5)
    ids = torch.randint(0, V, (13,), generator=wt.g)
    return cfg, wt, ids, llama_logits(cfg, wt.f64, ids)


def write_golden(directory, name, ids, logits):
    with open(os.path.join(directory, "golden.txt"), "w") as f:
        f.write("# golden logits of checkpoint %s, float64 re-statement of the transformers forward pass\n" % name)
        f.write("# written by tools/llm-goldens/make_goldens.py with python %s, torch %s, numpy %s\n"
                % (platform.python_version(), torch.__version__, numpy.__version__))
        for p in PROVENANCE:
            f.write("# restates %s\n" % p)
        f.write("tokens %s\n" % " ".join(str(int(i)) for i in ids))
        f.write("logits %d %d\n" % tuple(logits.shape))
        for row in logits:
            f.write(" ".join(repr(float(v)) for v in row) + "\n")


def main():
    torch.set_default_dtype(torch.float64)
    specs = [
        ("gpt2-f32", lambda: gpt2_checkpoint("gpt2-f32", 1, "F32", "transformer.", True), 1),
        ("gpt2-f16", lambda: gpt2_checkpoint("gpt2-f16", 2, "F16", "", False), 1),
        ("llama-bf16-sharded", lambda: llama_checkpoint("llama-bf16-sharded", 3, "BF16", "llama", 4, 2, False, 10000.0), 2),
        ("llama-f32-tied", lambda: llama_checkpoint("llama-f32-tied", 4, "F32", "llama", 4, 1, True, 500000.0), 1),
        ("qwen2-f16", lambda: llama_checkpoint("qwen2-f16", 5, "F16", "qwen2", 4, 2, False, 1000000.0), 1),
        ("qwen2-bf16-tied", lambda: llama_checkpoint("qwen2-bf16-tied", 6, "BF16", "qwen2", 2, 2, True, 10000.0), 1),
    ]
    for name, make, shards in specs:
        cfg, wt, ids, logits = make()
        directory = os.path.join(OUT, name)
        write_checkpoint(directory, cfg, wt.file, shards)
        write_golden(directory, name, ids, logits)
        print(name, "tokens", len(ids), "logits", tuple(logits.shape), "max |logit| %.3f" % logits.abs().max().item())


if __name__ == "__main__":
    sys.exit(main())
