#!/usr/bin/python3
"""Cross-checks golden GPT-2 ids against a Python transcription of openai/gpt-2 encoder.py.

Not run by CI. Needs the `regex` module (Debian: apt-get install python3-regex).
Usage: /usr/bin/python3 crosscheck.py <dir with encoder.json and vocab.bpe> <golden.tsv> [extra texts...]
Prints one line per case; exits 1 if any golden case disagrees. Extra texts (Python string literals)
are encoded and printed, to probe suspected divergences of the npm port.
"""
import ast
import json
import os
import sys

import regex

PATTERN = regex.compile(r"""'s|'t|'re|'ve|'m|'ll|'d| ?\p{L}+| ?\p{N}+| ?[^\s\p{L}\p{N}]+|\s+(?!\S)|\s+""")


def byte_alphabet():
    printable = list(range(ord('!'), ord('~') + 1)) + list(range(0xA1, 0xAD)) + list(range(0xAE, 0x100))
    table = {b: chr(b) for b in printable}
    shifted = 0
    for b in range(256):
        if b not in table:
            table[b] = chr(256 + shifted)
            shifted += 1
    return table


def load(directory):
    with open(os.path.join(directory, 'encoder.json'), encoding='utf-8') as f:
        encoder = json.load(f)
    with open(os.path.join(directory, 'vocab.bpe'), encoding='utf-8') as f:
        merge_lines = f.read().split('\n')[1:-1]
    ranks = {tuple(line.split()): rank for rank, line in enumerate(merge_lines)}
    return encoder, ranks


def bpe(word, ranks):
    word = list(word)
    while len(word) > 1:
        pairs = {(word[i], word[i + 1]) for i in range(len(word) - 1)}
        best = min(pairs, key=lambda p: ranks.get(p, float('inf')))
        if best not in ranks:
            break
        merged, i = [], 0
        while i < len(word):
            if i + 1 < len(word) and word[i] == best[0] and word[i + 1] == best[1]:
                merged.append(best[0] + best[1])
                i += 2
            else:
                merged.append(word[i])
                i += 1
        word = merged
    return word


def encode(text, encoder, ranks, alphabet):
    ids = []
    for chunk in PATTERN.findall(text):
        ids.extend(encoder[t] for t in bpe(''.join(alphabet[b] for b in chunk.encode('utf-8')), ranks))
    return ids


def main():
    encoder, ranks = load(sys.argv[1])
    alphabet = byte_alphabet()
    failures = 0
    with open(sys.argv[2], encoding='utf-8') as f:
        for line in f:
            if line.startswith('#'):
                continue
            name, hex_text, ids = line.rstrip('\n').split('\t')[:3]
            expected = [int(x) for x in ids.split()]
            actual = encode(bytes.fromhex(hex_text).decode('utf-8'), encoder, ranks, alphabet)
            status = 'ok' if actual == expected else 'MISMATCH python=%s' % actual
            failures += actual != expected
            print('%-28s %s' % (name, status))
    for literal in sys.argv[3:]:
        text = ast.literal_eval(literal)
        print('extra %r -> %s' % (text, encode(text, encoder, ranks, alphabet)))
    sys.exit(1 if failures else 0)


if __name__ == '__main__':
    main()
