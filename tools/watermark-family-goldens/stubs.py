"""Stand-ins that let the reference watermark implementations be imported and run without
transformers, a tokenizer, a model or a GPU.

Nothing here computes a watermark: every number in family-goldens.json comes from the
reference code itself; these stubs only feed it fixed token ids and (for Unbiased and EWD)
fixed logits.
"""
import importlib
import importlib.util
import os
import subprocess
import sys
import sysconfig
import types

import torch


class LogitsProcessor:
    """Stub of transformers.LogitsProcessor (only used as a base class by the references)."""

    def __call__(self, input_ids, scores):  # pragma: no cover - never called directly
        raise NotImplementedError


class LogitsProcessorList(list):
    """Stub of transformers.LogitsProcessorList."""

    def __call__(self, input_ids, scores, **kwargs):
        for p in self:
            scores = p(input_ids, scores)
        return scores


class LogitsWarper(LogitsProcessor):
    """Stub of transformers.LogitsWarper (removed upstream; some originals still import it)."""


class GenerationMixin:
    """Placeholder: the original Unbiased package imports it for a type hint (monkeypatch.py)."""


class GenerationConfig:
    """Placeholder: imported, never used, by the original Unbiased package (monkeypatch.py)."""


def install_transformers_stub():
    """Register a minimal `transformers` module if the real one is absent."""
    try:
        import transformers  # noqa: F401
        return "real transformers " + transformers.__version__
    except ImportError:
        pass
    mod = types.ModuleType("transformers")
    mod.LogitsProcessor = LogitsProcessor
    mod.LogitsProcessorList = LogitsProcessorList
    mod.LogitsWarper = LogitsWarper
    mod.GenerationMixin = GenerationMixin
    mod.GenerationConfig = GenerationConfig
    sys.modules["transformers"] = mod
    return "stub (LogitsProcessor, LogitsProcessorList, LogitsWarper; GenerationMixin, GenerationConfig placeholders)"


def install_module_stub(name, **attrs):
    """Register an empty module `name` (with attributes) unless it can be imported."""
    try:
        importlib.import_module(name)
        return False
    except Exception:
        pass
    parts = name.split(".")
    for i in range(1, len(parts) + 1):
        sub = ".".join(parts[:i])
        if sub not in sys.modules:
            sys.modules[sub] = types.ModuleType(sub)
        if i > 1:
            setattr(sys.modules[".".join(parts[:i - 1])], parts[i - 1], sys.modules[sub])
    for k, v in attrs.items():
        setattr(sys.modules[name], k, v)
    return True


class _Encoding(dict):
    """What a HF tokenizer call returns, reduced to what the references read."""

    def to(self, device):
        return self


class FakeTokenizer:
    """A tokenizer that ignores the text and returns a fixed id list.

    encode(text, return_tensors='pt') -> LongTensor (1, n); encode(text) -> list[int];
    tokenizer(text, return_tensors='pt') -> {'input_ids': (1, n), 'attention_mask': ones}.
    """

    def __init__(self, ids, eos_token_id=2, pad_token_id=1):
        self.ids = [int(x) for x in ids]
        self.eos_token_id = eos_token_id
        self.pad_token_id = pad_token_id

    def __len__(self):
        return max(self.ids) + 1

    def encode(self, text, return_tensors=None, add_special_tokens=False, **kwargs):
        if return_tensors == "pt":
            return torch.tensor([self.ids], dtype=torch.long)
        return list(self.ids)

    def __call__(self, text, return_tensors=None, add_special_tokens=False, **kwargs):
        ids = torch.tensor([self.ids], dtype=torch.long)
        return _Encoding(input_ids=ids, attention_mask=torch.ones_like(ids))

    def decode(self, ids, **kwargs):
        return " ".join(str(int(i)) for i in (ids if hasattr(ids, "__iter__") else [ids]))


class _Output:
    def __init__(self, logits):
        self.logits = logits


class RowTableModel:
    """A 'language model' whose logits at position i are row i of a fixed table.

    Called as model(input_ids=..., ...) or model(ids); returns .logits of shape
    (1, L, V) = rows[0:L] (L = input length), independent of the ids themselves.
    """

    device = "cpu"

    def __init__(self, rows):
        self.rows = rows  # float32 tensor (N, V)

    def __call__(self, input_ids=None, *args, **kwargs):
        if input_ids is None:
            input_ids = args[0]
        n = input_ids.shape[-1]
        return _Output(self.rows[:n].unsqueeze(0).clone())


class FakeTransformersConfig:
    """Duck type of MarkLLM utils.transformers_config.TransformersConfig."""

    def __init__(self, tokenizer, vocab_size, model=None, device="cpu", **gen_kwargs):
        self.model = model
        self.tokenizer = tokenizer
        self.vocab_size = vocab_size
        self.device = device
        self.gen_kwargs = dict(gen_kwargs)


def build_levenshtein(pyx_dir, build_dir):
    """Compile the Cython-generated levenshtein.c shipped next to levenshtein.pyx (no Cython needed)
    into build_dir and return the path of the extension, or raise."""
    c_file = os.path.join(pyx_dir, "levenshtein.c")
    os.makedirs(build_dir, exist_ok=True)
    out = os.path.join(build_dir, "levenshtein" + sysconfig.get_config_var("EXT_SUFFIX"))
    import numpy as np
    cmd = ["gcc", "-shared", "-fPIC", "-O2", "-fno-strict-aliasing",
           "-I" + sysconfig.get_paths()["include"], "-I" + np.get_include(), c_file, "-o", out]
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return out, " ".join(cmd)


def load_extension_as(module_name, path):
    """Load a compiled extension from `path` and register it as `module_name`."""
    spec = importlib.util.spec_from_file_location(module_name, path)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    sys.modules[module_name] = mod
    return mod
