#!/usr/bin/python3
"""Peer for the benchmark row "reference lefthash detection, V = 50,257": the Python reference's own
WatermarkDetector (jwkirchenbauer/lm-watermarking@fb602de, extended_watermark_processor.py) timed on the
same workload as benchmarks' DetectionBenchmark.referenceLefthash200/1000: uniformly random token ids,
V = 50,257, gamma = 0.25, seeding scheme "lefthash", every text scored once (so the reference's lru_cache
stays cold, as the Java benchmark's memo does with capacity 0).

Not run by CI. Usage (Debian's python3-torch; the reference checked out at fb602de):
    /usr/bin/python3 tools/watermark-detection-peer/peer.py /path/to/lm-watermarking [seconds]
Prints one line per text length: scored tokens per second (best and median of the timed passes), the
torch version and its thread count. Only tokenizers, transformers and homoglyphs (imports the reference
needs for other features) are replaced by empty stand-ins; detection runs the reference code unchanged.
"""
import statistics
import sys
import time
import types

import torch

V = 50_257
GAMMA = 0.25


def stub_imports():
    transformers = types.ModuleType("transformers")
    transformers.LogitsProcessor = type("LogitsProcessor", (), {})
    tokenizers = types.ModuleType("tokenizers")
    tokenizers.Tokenizer = type("Tokenizer", (), {})
    sys.modules.update(transformers=transformers, tokenizers=tokenizers,
                       homoglyphs=types.ModuleType("homoglyphs"))


def main():
    repo = sys.argv[1]
    seconds = float(sys.argv[2]) if len(sys.argv) > 2 else 20.0
    stub_imports()
    sys.path.insert(0, repo)
    from extended_watermark_processor import WatermarkDetector

    no_bos = types.SimpleNamespace(bos_token_id=-1)
    detector = WatermarkDetector(vocab=list(range(V)), gamma=GAMMA, seeding_scheme="lefthash",
                                 device="cpu", tokenizer=no_bos, normalizers=[])
    gen = torch.Generator().manual_seed(2024)
    print(f"# torch {torch.__version__}, {torch.get_num_threads()} threads, reference lm-watermarking@fb602de")
    for length in (200, 1000):
        rates = []
        deadline = time.perf_counter() + seconds
        while time.perf_counter() < deadline:
            text = torch.randint(0, V, (length,), generator=gen)
            start = time.perf_counter()
            score = detector.detect(tokenized_text=text, return_prediction=False, return_z_at_T=False)
            rates.append(score["num_tokens_scored"] / (time.perf_counter() - start))
        print(f"T = {length - 1}: {len(rates)} texts, best {max(rates):,.0f} / median "
              f"{statistics.median(rates):,.0f} scored tokens/s")


if __name__ == "__main__":
    main()
