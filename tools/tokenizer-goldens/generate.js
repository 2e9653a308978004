#!/usr/bin/env node
// Writes the tokenizer.json test files of core's BpeTokenizer and their golden ids, computed by the
// Hugging Face tokenizers library itself (Rust; npm package `tokenizers`, its Node binding with
// prebuilt binaries). The pure-JavaScript port @huggingface/tokenizers is run on the same files as a
// cross-check; its disagreements are reported, not used.
//
// Not run by CI. To regenerate (Node 20; the versions are pinned in package.json):
//   cd tools/tokenizer-goldens && npm install && node generate.js
// It rewrites, under core/src/test/resources/io/github/genailab/core/text/:
//   gpt2/tokenizer.json.gz            GPT-2's encoder.json + vocab.bpe as a Hugging Face tokenizer.json
//                                     (merges as "a b" strings, <|endoftext|> a special added token)
//   tokenizer-json/llama3-style/tokenizer.json   BPE trained by the Rust trainer on tinyshakespeare.txt,
//                                     Llama-3's Split regex, ignore_merges, merges as pairs, special tokens
//   tokenizer-json/qwen2-style/tokenizer.json    the same with Qwen2's regex and an NFC normalizer
//   tokenizer-json/golden.tsv         the ids of every test text under every file
'use strict';
const fs = require('fs');
const path = require('path');
const zlib = require('zlib');
const crypto = require('crypto');
const {Tokenizer, byteLevelAlphabet} = require('tokenizers');

const RUST_VERSION = '0.23.2';
const JS_PORT_VERSION = '0.2.0';
const version = name => JSON.parse(fs.readFileSync(path.join(__dirname, 'node_modules', name, 'package.json'), 'utf8')).version;
if (version('tokenizers') !== RUST_VERSION || version('@huggingface/tokenizers') !== JS_PORT_VERSION) {
  throw new Error('expected tokenizers ' + RUST_VERSION + ' and @huggingface/tokenizers ' + JS_PORT_VERSION);
}

const repo = path.resolve(__dirname, '../..');
const text = path.join(repo, 'core/src/test/resources/io/github/genailab/core/text');
const corpusFile = path.join(repo, 'core/src/main/resources/io/github/genailab/core/text/tinyshakespeare.txt');
const corpus = fs.readFileSync(corpusFile, 'utf8');
const sha256 = bytes => crypto.createHash('sha256').update(bytes).digest('hex');

const LLAMA3 = "(?i:'s|'t|'re|'ve|'m|'ll|'d)|[^\\r\\n\\p{L}\\p{N}]?\\p{L}+|\\p{N}{1,3}| ?[^\\s\\p{L}\\p{N}]+[\\r\\n]*|\\s*[\\r\\n]+|\\s+(?!\\S)|\\s+";
const QWEN2 = "(?i:'s|'t|'re|'ve|'m|'ll|'d)|[^\\r\\n\\p{L}\\p{N}]?\\p{L}+|\\p{N}| ?[^\\s\\p{L}\\p{N}]+[\\r\\n]*|\\s*[\\r\\n]+|\\s+(?!\\S)|\\s+";
const LLAMA3_MERGES = 4000;
const QWEN2_MERGES = 3000;
const TEXT_REPEATS = 20;

const byteLevel = (useRegex) => ({type: 'ByteLevel', add_prefix_space: false, trim_offsets: true, use_regex: useRegex});
const added = (id, content, special, normalized, flags = {}) =>
  ({id, content, single_word: false, lstrip: false, rstrip: false, normalized, special, ...flags});
const skeleton = (addedTokens, normalizer, preTokenizer, model) => ({
  version: '1.0', truncation: null, padding: null, added_tokens: addedTokens, normalizer,
  pre_tokenizer: preTokenizer, post_processor: null, decoder: byteLevel(true), model,
});
const bpeModel = (vocab, merges, ignoreMerges) => ({
  type: 'BPE', dropout: null, unk_token: null, continuing_subword_prefix: null, end_of_word_suffix: null,
  fuse_unk: false, byte_fallback: false, ignore_merges: ignoreMerges, vocab, merges,
});

// (a) GPT-2: the repository's encoder.json and vocab.bpe, laid out as the Hub's gpt2 tokenizer.json.
function gpt2() {
  const vocab = JSON.parse(fs.readFileSync(path.join(text, 'gpt2/encoder.json'), 'utf8'));
  const merges = fs.readFileSync(path.join(text, 'gpt2/vocab.bpe'), 'utf8').split('\n').slice(1).filter(l => l.length > 0);
  return skeleton([added(50256, '<|endoftext|>', true, true)], null, byteLevel(true), bpeModel(vocab, merges, false));
}

// (b), (c): merges learnt by the Rust library's own BpeTrainer (the binding's default trainer) on
// tinyshakespeare.txt followed by the common test texts repeated TEXT_REPEATS times (Shakespeare is
// ASCII: without them no merge would touch a non-ASCII byte, and the ids could not tell whether
// Unicode whitespace, digits or letters were split correctly), with the file's pre-tokenizer and
// normalizer, cut to the first `mergeCount`
// merges (BPE training is greedy, so a prefix of the merge list is what a smaller vocabulary gives).
// The vocabulary is then laid out as real files do: all 256 byte tokens first (in byte order, so every
// input is encodable), then each merge's result in merge order, then `wholeWords` (tokens no merge
// produces, as in real Llama-3 files, whose vocabulary comes from tiktoken ranks: only ignore_merges
// reaches them), then the added tokens.
function trained(normalizer, regex, mergeCount, ignoreMerges, wholeWords, specials) {
  const preTokenizer = {type: 'Sequence', pretokenizers: [
    {type: 'Split', pattern: {Regex: regex}, behavior: 'Isolated', invert: false}, byteLevel(false)]};
  const trainer = Tokenizer.fromString(JSON.stringify(skeleton([], normalizer, preTokenizer, bpeModel({}, [], ignoreMerges))));
  const trainingFile = path.join(require('os').tmpdir(), 'genailab-corpus-' + process.pid + '.txt');
  fs.writeFileSync(trainingFile, corpus + common.map(c => c[1]).join('\n').repeat(TEXT_REPEATS));
  trainer.train([trainingFile]);
  fs.unlinkSync(trainingFile);
  const tmp = path.join(require('os').tmpdir(), 'genailab-trained-' + process.pid + '.json');
  trainer.save(tmp, false);
  const learnt = JSON.parse(fs.readFileSync(tmp, 'utf8')).model.merges.slice(0, mergeCount);
  fs.unlinkSync(tmp);
  if (learnt.length !== mergeCount || !Array.isArray(learnt[0])) {
    throw new Error('trainer gave ' + learnt.length + ' merges');
  }
  const vocab = {};
  for (const c of byteLevelAlphabetInByteOrder()) {
    vocab[c] = Object.keys(vocab).length;
  }
  for (const [a, b] of learnt) {
    if (!(a + b in vocab)) {
      vocab[a + b] = Object.keys(vocab).length;
    }
  }
  for (const word of wholeWords) {
    const token = [...Buffer.from(word, 'utf8')].map(b => byteLevelAlphabetInByteOrder()[b]).join('');
    if (token in vocab) {
      throw new Error('whole word ' + word + ' is already a token');
    }
    vocab[token] = Object.keys(vocab).length;
  }
  const size = Object.keys(vocab).length;
  const addedTokens = specials.map(([content, special, normalized], i) => added(size + i, content, special, normalized));
  return skeleton(addedTokens, normalizer, preTokenizer, bpeModel(vocab, learnt, ignoreMerges));
}

// (d) A hand-made file whose merges are not in dependency order ("ab a" ranks before "a b", which makes
// ab) and where two merges make the same token: the Rust library merges the lowest-ranked pair one
// occurrence at a time, so on "abab" it gives [aba, b] where GPT-2's encoder.py gives [ab, ab].
function mergeOrder(addedTokens = [], preTokenizer = byteLevel(true)) {
  const vocab = {};
  for (const c of byteLevelAlphabetInByteOrder()) {
    vocab[c] = Object.keys(vocab).length;
  }
  const merges = [['ab', 'a'], ['a', 'b'], ['b', 'c'], ['a', 'bc'], ['ab', 'c'], ['abc', 'abc'], ['x', 'x'], ['xx', 'xx']];
  for (const [a, b] of merges) {
    if (!(a + b in vocab)) {
      vocab[a + b] = Object.keys(vocab).length;
    }
  }
  return skeleton(addedTokens, null, preTokenizer, bpeModel(vocab, merges, false));
}

// (e), (f) The same vocabulary with other pre-tokenizers: add_prefix_space (with GPT-2's built-in
// regex, and in a Sequence after Split steps), and two Split steps whose regexes use the Oniguruma
// constructs that java.util.regex reads differently (., ^, $, \d, \w, \h, \v, (?m:), \p{Han}).
const SPLIT_1 = '^\\s*\\S|\\S$|\\d+|\\w+|.\\v|(?m:.)\\n';
const SPLIT_2 = '\\h+|\\p{Han}+|[\\W&&[^\\s]]+';
const prefixSpace = {...byteLevel(true), add_prefix_space: true};
// (g), (h) SmolLM2's pre-tokenizer (Digits with individual_digits, then ByteLevel with GPT-2's regex),
// and Digits without individual_digits (runs of digits stay together).
const digits = individual => ({type: 'Sequence', pretokenizers: [
  {type: 'Digits', individual_digits: individual}, byteLevel(true)]});
const flavourSequence = {type: 'Sequence', pretokenizers: [
  {type: 'Split', pattern: {Regex: SPLIT_1}, behavior: 'Isolated', invert: false},
  {type: 'Split', pattern: {Regex: SPLIT_2}, behavior: 'Isolated', invert: false},
  {...byteLevel(false), add_prefix_space: true}]};

function byteLevelAlphabetInByteOrder() {
  const printable = b => (b >= 0x21 && b <= 0x7e) || (b >= 0xa1 && b <= 0xac) || (b >= 0xae && b <= 0xff);
  const out = [];
  let shifted = 0;
  for (let b = 0; b < 256; b++) {
    out.push(String.fromCodePoint(printable(b) ? b : 256 + shifted++));
  }
  if ([...out].sort().join('') !== [...byteLevelAlphabet()].sort().join('')) {
    throw new Error('byte-level alphabet differs from the library\'s');
  }
  return out;
}

const common = [
  ['ascii-prose', 'Hello, world! This is a test of a byte-level BPE tokenizer, which splits text into tokens.'],
  ['shakespeare', corpus.slice(0, 600)],
  ['shakespeare-later', corpus.slice(500000, 500700)],
  ['contractions', "I'm sure you'll see they've done what we'd planned; isn't it John's? It's Ma'am's."],
  ['contractions-uppercase', "DON'T YOU'LL I'M WE'VE IT'S HE'D THEY'RE 'S 'LL 'Ll 'lL"],
  ['contractions-case', "'Stand 'LLove 'Dear 'REally 'Ve 'Mine 'Tis 'sdeath"],
  ['contraction-long-s', "it'\u017fx JOHN'\u017fTHAN it'\u017f 'sx 'Sx"],
  ['apostrophes', "'s 's's ''' rock'n'roll o'clock 'tis"],
  ['digits', 'In 1984, 3.14159 and 1,000,000 and 0x1F and 007 and -42.'],
  ['long-digit-run', '12345678901234567890123456789 and 1234567'],
  ['superscripts-fractions', 'x\u00b2 + y\u00b3 = z\u00b9\u2070 \u00bd \u00bc \u2153 \u2167 \u2460'],
  ['non-ascii-digits', '\u0661\u0662\u0663 \u0967\u0968\u0969 \uff11\uff12\uff13 \u0e51\u0e52'],
  ['letters-digits', 'abc123def 4th 21st B2B mp3 h2o'],
  ['punctuation-runs', 'Wait... what?!?! (yes) [no] {maybe} <tag/> --- *** ### @@@ $$$ %%% ^^^ &&& ~~~ ;;'],
  ['punctuation-newlines', 'end.\n\nNext!\r\n\r\n-- done --\n'],
  ['repeated-letters', 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa'],
  ['long-word', 'Honorificabilitudinitatibus antidisestablishmentarianism pneumonoultramicroscopicsilicovolcanoconiosis'],
  ['multiple-spaces', 'a  b   c    d     e      f'],
  ['leading-trailing-spaces', '   leading and trailing   '],
  ['tabs', 'col1\tcol2\t\tcol3\t'],
  ['newlines', 'line one\nline two\n\nline four\n\n\n'],
  ['crlf', 'Windows\r\nline endings\r\n\r\n\r\nend'],
  ['newline-runs-spaces', 'a \n \n  b\n\n\n   c  \r\n  d'],
  ['mixed-whitespace', ' \t \n x \n\t y'],
  ['unicode-whitespace', 'a\u00a0b\u2009c\u3000d\u2028e\u0085f\u202fg\u1680h\u205fi\u000bj\u000ck\u2029l'],
  ['unicode-whitespace-runs', 'x\u00a0\u00a0 y \u3000\u3000z\u2009 \u2009w \u0085\u0085'],
  ['not-whitespace', 'a\ufeffb\u200bc\u001fd\u180ee'],
  ['control-characters', 'null\u0000byte bell\u0007 escape\u001b delete\u007f'],
  ['latin-accents', 'Caf\u00e9 na\u00efve fa\u00e7ade r\u00e9sum\u00e9 \u00c5ngstr\u00f6m \u0152uvre stra\u00dfe'],
  ['decomposed-accents', 'Cafe\u0301 nai\u0308ve fac\u0327ade re\u0301sume\u0301 A\u030angstro\u0308m'],
  ['combining-marks', 'e\u0301 n\u0303 a\u0308\u0304 \u0301alone q\u0307\u0323'],
  ['hangul-jamo', '\u1100\u1161\u11a8 \u1112\u1161\u11ab'],
  ['greek', '\u0395\u03bb\u03bb\u03b7\u03bd\u03b9\u03ba\u03ac \u03b3\u03c1\u03ac\u03bc\u03bc\u03b1\u03c4\u03b1, \u03ba\u03b1\u03bb\u03b7\u03bc\u03ad\u03c1\u03b1'],
  ['cyrillic', '\u041f\u0440\u0438\u0432\u0435\u0442, \u043c\u0438\u0440! \u0421\u044a\u0435\u0448\u044c \u0436\u0435 \u0435\u0449\u0451.'],
  ['arabic', '\u0645\u0631\u062d\u0628\u0627 \u0628\u0627\u0644\u0639\u0627\u0644\u0645'],
  ['devanagari', '\u0928\u092e\u0938\u094d\u0924\u0947 \u0926\u0941\u0928\u093f\u092f\u093e'],
  ['cjk', '\u4f60\u597d\uff0c\u4e16\u754c\u3002\u65e5\u672c\u8a9e\u306e\u30c6\u30ad\u30b9\u30c8\u3068\u30ab\u30bf\u30ab\u30ca\u3002'],
  ['korean', '\uc548\ub155\ud558\uc138\uc694 \uc138\uacc4'],
  ['mixed-scripts', 'Tokyo\u6771\u4eacParis\u5df4\u9ece \u041c\u043e\u0441\u043a\u0432\u0430'],
  ['emoji', 'I love \u{1f355} and \u{1f389}! \u{1f600}\u{1f603}\u{1f604}'],
  ['emoji-zwj', '\u{1f468}\u200d\u{1f469}\u200d\u{1f467} family, \u{1f469}\u200d\u{1f4bb} coder, \u{1f3f3}\ufe0f\u200d\u{1f308}'],
  ['emoji-flags-skin', '\u{1f1fa}\u{1f1f8}\u{1f1ef}\u{1f1f5} \u{1f44d}\u{1f3fb}\u{1f44b}\u{1f3fd}'],
  ['non-bmp-letters-digits', '\u{1d518}\u{1d52b}\u{1d526} \u{1d401}\u{1d428} \u{10348}\u{10330} \u{1d7d8}\u{1d7d9}'],
  ['typographic', '\u2018curly\u2019 \u201cquotes\u201d \u2014 em dash \u2013 en \u2026 \u2022 bullet'],
  ['code', 'def f(x):\n    return x**2  # square\n\n\tprint(f(3))\r\n'],
  ['url-json', 'https://example.com/path?q=1&r=2#frag {"key": [1, 2, 3], "b": null}'],
  ['angle-brackets', '<| |> <|endoftext <|im_start |>x<|'],
  ['empty', ''],
  ['single-space', ' '],
  ['single-newline', '\n'],
  ['only-spaces', '     '],
];

const files = {
  'gpt2': {
    json: gpt2(),
    out: path.join(text, 'gpt2/tokenizer.json.gz'),
    roundTrip: 'identity',
    cases: [
      ['endoftext', 'Hello<|endoftext|>World <|endoftext|> <|endoftext|><|endoftext|>\n<|endoftext|>'],
      ['endoftext-alone', '<|endoftext|>'],
      ['endoftext-broken', '<|endoftext| <endoftext|> <|ENDOFTEXT|>'],
    ],
  },
  'llama3-style': {
    json: trained(null, LLAMA3, LLAMA3_MERGES, true,
      [' Honorificabilitudinitatibus', ' Shakespeare', 'Shakespeare', ' Brobdingnag', ' caf\u00e9'], [
      ['<|begin_of_text|>', true, false], ['<|end_of_text|>', true, false],
      ['<|start_header_id|>', true, false], ['<|end_header_id|>', true, false], ['<|eot_id|>', true, false],
      ['<|reserved_special_token_0|>', true, false], ['<|reserved_special_token_01|>', true, false]]),
    out: path.join(text, 'tokenizer-json/llama3-style/tokenizer.json'),
    roundTrip: 'identity',
    cases: [
      ['chat', '<|begin_of_text|><|start_header_id|>user<|end_header_id|>\n\nWhat is 2+2?<|eot_id|><|start_header_id|>assistant<|end_header_id|>\n\nIt is 4.<|eot_id|>'],
      ['specials-spaces', ' <|eot_id|> x<|eot_id|>  <|end_of_text|>\n'],
      ['specials-longest', '<|reserved_special_token_01|><|reserved_special_token_0|>1<|reserved_special_token_0'],
    ],
  },
  'merge-order': {
    json: mergeOrder(),
    out: path.join(text, 'tokenizer-json/merge-order/tokenizer.json'),
    roundTrip: 'identity',
    cases: [
      ['abab', 'abab'], ['ababab', 'ababab abababab'], ['abc', 'abc abcabc aabc abcc abbc'],
      ['xs', 'xxx xxxx xxxxx xxxxxxx xxxxxxxxx'], ['mixed', 'abababcabcxxabab'],
      ['long-words', 'ab'.repeat(40) + 'c' + 'ab'.repeat(30) + 'abc'.repeat(20) + ' ' + 'x'.repeat(101) + ' aab' + 'bc'.repeat(30)],
    ],
  },
  'prefix-space': {
    json: mergeOrder([added(263, '<|endoftext|>', true, false)], prefixSpace),
    out: path.join(text, 'tokenizer-json/prefix-space/tokenizer.json'),
    roundTrip: 'none',
    cases: [['specials', 'ab<|endoftext|>ab <|endoftext|> ab<|endoftext|><|endoftext|>\n<|endoftext|>']],
  },
  'digits-individual': {
    json: mergeOrder([], digits(true)),
    out: path.join(text, 'tokenizer-json/digits-individual/tokenizer.json'),
    roundTrip: 'identity',
    cases: [['digit-runs', 'x12345 6.78\u00b2\u00b3 \u0663\u0664\u2167 99']],
  },
  'digits-contiguous': {
    json: mergeOrder([], digits(false)),
    out: path.join(text, 'tokenizer-json/digits-contiguous/tokenizer.json'),
    roundTrip: 'identity',
    cases: [['digit-runs', 'x12345 6.78\u00b2\u00b3 \u0663\u0664\u2167 99']],
  },
  'added-flags': {
    json: mergeOrder([
      added(263, '<mask>', true, false, {lstrip: true}), added(264, '[R]', true, false, {rstrip: true}),
      added(265, 'cat', false, false, {single_word: true}), added(266, '<both>', true, false, {lstrip: true, rstrip: true}),
      added(267, 'caf\u00e9', false, true, {single_word: true}), added(268, 'catalog', false, false)]),
    out: path.join(text, 'tokenizer-json/added-flags/tokenizer.json'),
    roundTrip: 'none',
    cases: [
      ['lstrip', 'a <mask> b a<mask>b   <mask>  x \u00a0\u3000<mask>\n<mask><mask> \t<mask>'],
      ['rstrip', '[R]   y [R]\n\nz [R][R] [R]\u2009\u2009w [R]'],
      ['both', 'x  <both>  <both>  y <both>'],
      ['rstrip-then-lstrip', '[R]   <mask> [R] <both> <mask>'],
      ['single-word', 'cat concat cats cat. (cat) _cat cat_ 1cat \u00e9cat cat\u0301 cat\u200d catalog cat'],
      ['single-word-normalized', 'caf\u00e9 cafe\u0301 caf\u00e9s xcaf\u00e9 caf\u00e9!'],
    ],
  },
  'regex-flavour': {
    json: mergeOrder([], flavourSequence),
    out: path.join(text, 'tokenizer-json/regex-flavour/tokenizer.json'),
    roundTrip: 'none',
    cases: [['flavour', 'line\r\nnext\u0085x\u2028y\nabc\n\u0663\u0664 12 de\u00e9f_g9 CAFE \u6771\u4eac\u000b\u000bz\u000c']],
  },
  'qwen2-style': {
    json: trained({type: 'NFC'}, QWEN2, QWEN2_MERGES, false, [], [
      ['<|endoftext|>', true, false], ['<|im_start|>', true, false], ['<|im_end|>', true, false],
      ['<tool_call>', false, false], ['<tool_call>json', false, false], ['Vi\u1ec7t', false, true]]),
    out: path.join(text, 'tokenizer-json/qwen2-style/tokenizer.json'),
    roundTrip: 'nfc',
    cases: [
      ['chat', '<|im_start|>system\nYou are helpful.<|im_end|>\n<|im_start|>user\nHi! \u00bd\u00b2<|im_end|>\n<|im_start|>assistant\n'],
      ['added-longest', '<tool_call>json<tool_call>js <tool_call>\n<|endoftext|>'],
      ['added-normalized', 'Vi\u1ec7t Vie\u0323\u0302t Vie\u0302\u0323t VI\u1ec6T Vi\u1ec7tVi\u1ec7t Vi\u1ec7tnam'],
      ['added-after-nfc', '<|im_start|>e\u0301<|im_end|>'],
    ],
  },
};

// Words that ignore_merges changes: pre-tokens found whole in the vocabulary that the merges would
// split differently. Added to the Llama-3-style cases so the flag is exercised.
function ignoreMergesWords(name, json) {
  const withMerges = Tokenizer.fromString(JSON.stringify({...json, model: {...json.model, ignore_merges: false}}));
  const tok = Tokenizer.fromString(JSON.stringify(json));
  const words = [];
  return (async () => {
    for (const token of Object.keys(json.model.vocab)) {
      const word = tok.getDecoder().decode([token]);
      if (!/^ ?\p{L}+$/u.test(word) || words.length >= 12) {
        continue;
      }
      const a = (await tok.encode(word, null, {addSpecialTokens: false})).getIds();
      const b = (await withMerges.encode(word, null, {addSpecialTokens: false})).getIds();
      if (a.join() !== b.join()) {
        words.push(word);
      }
    }
    if (words.length < 4) {
      throw new Error(name + ': too few words where ignore_merges matters');
    }
    return words.filter(w => w.startsWith(' ')).join('') + '\n' + words.map(w => w.trim()).join('\n');
  })();
}

async function main() {
  const {Tokenizer: JsTokenizer} = await import('@huggingface/tokenizers');
  const rows = [];
  const pieceRows = [];
  const notes = [];
  for (const [name, file] of Object.entries(files)) {
    const bytes = Buffer.from(JSON.stringify(file.json), 'utf8');
    fs.mkdirSync(path.dirname(file.out), {recursive: true});
    fs.writeFileSync(file.out, file.out.endsWith('.gz') ? zlib.gzipSync(bytes, {level: 9}) : bytes);
    if (file.json.model.ignore_merges) {
      file.cases.push(['ignore-merges-words', await ignoreMergesWords(name, file.json)]);
    }
    const rust = Tokenizer.fromString(bytes.toString('utf8'));
    let js = null;
    try {
      js = new JsTokenizer(file.json, {});
    } catch (e) {
      notes.push('#   ' + name + ': the JS port cannot load it (' + String(e.message || e).split('\n')[0] + ')');
    }
    let jsAgree = 0;
    const cases = common.concat(file.cases);
    for (const [caseName, input] of cases) {
      const ids = (await rust.encode(input, null, {addSpecialTokens: false})).getIds();
      const decoded = await rust.decode(ids, false);
      const expected = file.roundTrip === 'nfc' ? input.normalize('NFC') : input;
      if (file.roundTrip !== 'none' && decoded !== expected) {
        throw new Error(name + '/' + caseName + ': the Rust library does not round-trip');
      }
      const jsIds = js === null ? null : js.encode(input, {add_special_tokens: false}).ids;
      if (jsIds === null) {
        // reported above
      } else if (jsIds.join() === ids.join()) {
        jsAgree++;
      } else {
        notes.push('#   ' + name + '/' + caseName + ': the JS port gives ' + jsIds.join(' '));
      }
      rows.push([name, caseName, Buffer.from(input, 'utf8').toString('hex'), ids.join(' '), JSON.stringify(input),
        Buffer.from(decoded, 'utf8').toString('hex')].join('\t'));
      if (input.length > 0) {
        const pieces = rust.getPreTokenizer().preTokenizeString(input).map(p => p[0]);
        pieceRows.push([name, caseName, Buffer.from(input, 'utf8').toString('hex'), JSON.stringify(pieces)].join('\t'));
      }
    }
    notes.push('# ' + name + ': ' + path.relative(repo, file.out) + ' sha256 ' + sha256(fs.readFileSync(file.out))
        + (file.out.endsWith('.gz') ? ' (unzipped: sha256 ' + sha256(bytes) + ')' : '') + ', '
        + Object.keys(file.json.model.vocab).length + ' model tokens, ' + file.json.model.merges.length
        + ' merges, ' + file.json.added_tokens.length + ' added tokens; ' + cases.length + ' cases'
        + (js === null ? '.' : ', the JS port agrees on ' + jsAgree + '.'));
  }
  const header = [
    '# Golden ids of BpeTokenizer.fromTokenizerJson, from the Hugging Face tokenizers library (Rust) ' + RUST_VERSION,
    '# through its Node binding (npm tokenizers@' + RUST_VERSION + ', prebuilt linux-x64-gnu binary), on Node ' + process.version
        + ', ' + new Date().toISOString().slice(0, 10) + ',',
    '# written by tools/tokenizer-goldens/generate.js: encode(text, addSpecialTokens=false).getIds().',
    '# Cross-check: @huggingface/tokenizers@' + JS_PORT_VERSION + ' (pure JavaScript port) on the same files.',
    ...notes,
    '# columns: file, case, text as UTF-8 hex, ids (space-separated), text as JSON (informative only),',
    '#   decode(ids, skipSpecialTokens=false) as UTF-8 hex',
  ];
  const out = path.join(text, 'tokenizer-json/golden.tsv');
  fs.writeFileSync(out, header.concat(rows).join('\n') + '\n');
  console.log(header.join('\n'));
  console.log('wrote ' + rows.length + ' rows to ' + path.relative(repo, out));
  const piecesOut = path.join(text, 'tokenizer-json/pretokens.tsv');
  fs.writeFileSync(piecesOut, [
    '# Pre-tokenisation of the same texts (non-empty ones) by the same files\' pre_tokenizer alone (no added',
    '# tokens, no normaliser): getPreTokenizer().preTokenizeString(text), pieces in the byte-level alphabet.',
    header[0].replace('Golden ids of BpeTokenizer.fromTokenizerJson, from', 'By'), header[1], header[2].replace('encode(text, addSpecialTokens=false).getIds()', 'preTokenizeString'),
    '# columns: file, case, text as UTF-8 hex, pieces as a JSON array',
  ].concat(pieceRows).join('\n') + '\n');
  console.log('wrote ' + pieceRows.length + ' rows to ' + path.relative(repo, piecesOut));
}

main().catch(e => {
  console.error(e);
  process.exit(1);
});
