package io.github.genailab.core.text;

import io.github.genailab.core.math.Checks;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.OptionalInt;
import java.util.function.Consumer;

/**
 * A byte-level byte-pair-encoding tokenizer that works exactly like GPT-2's, trains in-process,
 * reads and writes GPT-2's file format, and reads Hugging Face {@code tokenizer.json} files with a
 * byte-level BPE model (GPT-2, Llama 3, SmolLM2, Qwen2), encoding them exactly as the Rust
 * {@code tokenizers} library does.
 *
 * <p><b>Encoding</b> (Radford et al. 2019; openai/gpt-2 {@code src/encoder.py}):
 * <pre>
 * for each chunk of the GPT-2 pre-tokenisation regex
 *     's|'t|'re|'ve|'m|'ll|'d| ?\p{L}+| ?\p{N}+| ?[^\s\p{L}\p{N}]+|\s+(?!\S)|\s+
 *   word := the chunk's UTF-8 bytes, one byte token each
 *   repeat: among adjacent pairs of word, take the one with the lowest merge rank;
 *           stop if none has a rank; otherwise merge all its occurrences, scanning left to right
 *   emit the ids of the tokens left in word
 * </pre>
 * Merges never cross chunk boundaries, every byte has a token, so every string of Unicode scalar
 * values encodes and {@code decode(encode(s)).equals(s)}.
 *
 * <p><b>Conventions that ports get wrong.</b>
 * <ul>
 *   <li>The regex follows Python's {@code regex} module: {@code \s} is the Unicode White_Space
 *       property (Java's default {@code \s} is ASCII-only, JavaScript's adds U+FEFF and drops U+0085),
 *       and classes match whole code points, so emoji and other supplementary characters are single
 *       characters. The contractions are case-sensitive ({@code 'S} is not one).</li>
 *   <li>A trailing run of whitespace before a word keeps its last space for the word:
 *       {@code "a   b"} splits as {@code "a", "  ", " b"}.</li>
 *   <li>Token strings in {@code encoder.json} and the merges file are written in GPT-2's byte-to-
 *       unicode alphabet: the space byte is {@code Ġ} (U+0120), newline is {@code Ċ} (U+010A).
 *       {@link #token(int)} returns that form.</li>
 *   <li>Special tokens: an entry of {@code encoder.json} that no merge produces, such as GPT-2's
 *       {@code <|endoftext|>} (id 50256 of 50257), is an ordinary id: {@link #decode(int[])} renders
 *       it as its text, but {@link #encode(String)} treats the text {@code <|endoftext|>} as plain
 *       characters (exactly like {@code encoder.py}). To insert the special id, look it up with
 *       {@link #tokenId(String)} and splice it into the id array yourself.</li>
 *   <li>Text containing a lone surrogate has no UTF-8 encoding and is rejected; {@code decode} of
 *       ids that split a multi-byte character yields U+FFFD for the malformed bytes.</li>
 * </ul>
 *
 * <p><b>Hugging Face {@code tokenizer.json}</b> ({@link #fromTokenizerJson(Path)},
 * {@link #fromModelDirectory(Path)}), matched against huggingface/tokenizers 0.23.2 (its Node binding,
 * npm {@code tokenizers@0.23.2}) on every test file and text:
 * <pre>
 * cut the added tokens out of the text: first those with normalized=false in the raw text, then,
 *     in each stretch between them after the normaliser, those with normalized=true;
 *     leftmost match first, the longest at a position; an added token is one id, never split;
 *     single_word drops a match touching a word character (Unicode \w), lstrip / rstrip make the
 *     token swallow the whitespace before / after it
 * normaliser: none, or NFC (Qwen2)
 * pre-tokenizer: ByteLevel alone (GPT-2's pattern above, if use_regex), or a Sequence of Split
 *     steps (the file's regex; every match and every stretch between matches is a piece) and Digits
 *     steps (SmolLM2: each \p{N} character alone, or runs of them) ending with ByteLevel, each step
 *     cutting the pieces of the one before; add_prefix_space puts a space before each piece not
 *     starting with one
 * each piece: if ignore_merges and the piece's bytes are a vocabulary token, that token (Llama 3);
 *     else its bytes, merged: repeatedly the adjacent pair of lowest rank, leftmost first, ONE
 *     occurrence at a time (pairs it creates compete at once), until no pair has a rank
 * </pre>
 * What the file may hold: {@code model.type} BPE, merges as {@code "a b"} strings or
 * {@code ["a", "b"]} pairs (rank = position), {@code ignore_merges}; {@code normalizer} null, NFC or a
 * Sequence of NFC; the pre-tokenizers above (Split with {@code behavior} Isolated and {@code invert}
 * false); added tokens with any flags; decoder ByteLevel. Anything else (WordPiece, Unigram or
 * WordLevel models, {@code byte_fallback}, dropout, subword prefixes or suffixes, other normalisers,
 * pre-tokenizers or decoders) is refused with an {@link IllegalArgumentException} naming the field,
 * its value and what is supported.
 * {@code post_processor}, {@code truncation} and {@code padding} are ignored: {@link #encode(String)}
 * is {@code encode(text, add_special_tokens=False)} and adds no BOS token.
 *
 * <p><b>Conventions that ports of {@code tokenizer.json} get wrong.</b>
 * <ul>
 *   <li>The Split regex is Oniguruma's (Ruby syntax): {@code \s}, {@code \p{L}}, {@code \p{N}} are
 *       Unicode-aware (NBSP, U+2009, U+3000, U+2028, U+0085 are whitespace; ², ½, ٣, Ⅷ are numbers)
 *       and {@code (?i:'s|'ll|...)} folds Unicode case ({@code 'S}, {@code 'LL}, even {@code 'ſ}). It
 *       is translated to {@code java.util.regex} construct by construct; constructs on which the two
 *       disagree and that real files do not use ({@code \b}, back-references, POSIX brackets) are
 *       refused rather than approximated.</li>
 *   <li>The merge order is not {@code encoder.py}'s: the Rust library merges one occurrence at a time,
 *       so with merges {@code "ab a"} (rank 0) and {@code "a b"} (rank 1), {@code "abab"} is
 *       {@code [aba, b]}, where GPT-2's loop (every occurrence of a rank at once) gives
 *       {@code [ab, ab]}. For merges learnt in order (GPT-2's own, or a trainer's) both agree;
 *       {@link #load(Path, Path)} keeps {@code encoder.py}'s loop.</li>
 *   <li>{@code ignore_merges} (Llama 3 files, whose vocabulary came from tiktoken ranks) emits a piece
 *       found whole in the vocabulary even when the merges would split it.</li>
 *   <li>Added tokens are matched before the normaliser and the pre-tokenizer, so GPT-2's
 *       {@code <|endoftext|>} in text is id 50256 here, while {@link #load(Path, Path)} reads the same
 *       characters as plain text (GPT-2's {@code encoder.py} does; both are right for their files).</li>
 *   <li>NFC applies only where the file asks for it, and only between the raw-matched added tokens:
 *       a decomposed {@code e + U+0301} becomes {@code é} for Qwen2, so {@code decode(encode(s))} is
 *       {@code NFC(s)} there, and {@code s} for the other files.</li>
 *   <li>Decoding follows the ByteLevel decoder: a token whose characters are all in the byte-level
 *       alphabet is decoded as those bytes, any other token as its UTF-8 text. An added token such as
 *       {@code "résumé"} is therefore decoded byte by byte into malformed UTF-8 (U+FFFD), exactly as the
 *       Rust library does; ASCII special tokens are unaffected.</li>
 * </ul>
 *
 * <p><b>Training</b> ({@link #train(String, int)}): the 256 byte tokens get ids 0..255 (id = byte
 * value); then, repeatedly, the most frequent adjacent pair (counted within pre-tokenisation chunks,
 * weighted by how often each chunk occurs) is merged, ties going to the pair with the smallest left
 * id, then the smallest right id. The merged token gets the next id unless the same byte string is
 * already a token (two merges can spell the same bytes), in which case the merge reuses that id. This
 * stops when the vocabulary has the requested size. Each merge revisits only the distinct chunks that
 * contain the pair, and an indexed heap finds the next pair in O(log pairs).
 *
 * <p><b>Complexity.</b> Pre-tokenisation is linear. A chunk of n bytes is merged by rescanning its
 * pairs after each merge rule, O(n·m) for m rules applied, as {@code encoder.py} does; chunks of
 * 48 bytes or more (long runs of letters, digits or symbols) switch to an equivalent
 * heap-based O(n log n) procedure, so no input is quadratic. Loading is linear in the file sizes
 * (GPT-2's 1.5 MB in a few hundred milliseconds); training on the 1.1 MB bundled corpus to 4,096 tokens
 * takes about a second. Instances are immutable and thread-safe; there is no cache.
 *
 * <h2>References</h2>
 * <ol>
 *   <li>A. Radford, J. Wu, R. Child, D. Luan, D. Amodei, I. Sutskever, <i>Language Models are
 *       Unsupervised Multitask Learners</i>, OpenAI technical report, 2019 (section 2.2, input
 *       representation). Reference code: openai/gpt-2 {@code src/encoder.py}.</li>
 *   <li>R. Sennrich, B. Haddow, A. Birch, <i>Neural Machine Translation of Rare Words with Subword
 *       Units</i>, ACL 2016, doi:10.18653/v1/P16-1162 (byte-pair encoding for text).</li>
 *   <li>Hugging Face, <i>tokenizers</i>, version 0.23.2 (github.com/huggingface/tokenizers, Apache-2.0;
 *       npm package {@code tokenizers@0.23.2}): the {@code tokenizer.json} format and the behaviour
 *       matched here ({@code AddedVocabulary}, {@code Split}, {@code ByteLevel}, {@code BPE::merge_word},
 *       {@code Word::merge_all}).</li>
 * </ol>
 *
 * @since 0.1.0
 */
public final class BpeTokenizer implements Tokenizer {

    /** File name {@link #save(Path)} gives the token-to-id JSON, as in GPT-2's release. */
    public static final String ENCODER_FILE = "encoder.json";

    /** File name {@link #save(Path)} gives the merges, as in GPT-2's release. */
    public static final String MERGES_FILE = "vocab.bpe";

    /** File name of a Hugging Face tokenizer, read by {@link #fromModelDirectory(Path)}. */
    public static final String TOKENIZER_JSON_FILE = "tokenizer.json";

    /** Hugging Face's name for GPT-2's {@value #ENCODER_FILE}, read by {@link #fromModelDirectory(Path)}. */
    public static final String VOCAB_JSON_FILE = "vocab.json";

    /** Hugging Face's name for GPT-2's {@value #MERGES_FILE}, read by {@link #fromModelDirectory(Path)}. */
    public static final String MERGES_TXT_FILE = "merges.txt";

    /** Largest vocabulary {@link #train(String, int)} accepts (2<sup>20</sup>). */
    public static final int MAX_TRAINED_VOCABULARY_SIZE = 1 << 20;

    private final String[] tokens;
    private final byte[][] tokenBytes;
    private final int[] byteToId;
    private final Merges merges;
    private final Map<String, Integer> idOfToken;
    private final BpeRules rules;

    BpeTokenizer(byte[][] tokenBytes, int[] byteToId, int[] mergeLeft, int[] mergeRight, int[] mergeResult) {
        this(tokenStrings(tokenBytes), tokenBytes, byteToId, mergeLeft, mergeRight, mergeResult, BpeRules.GPT2);
    }

    /**
     * @param tokens the token strings (byte-level alphabet, or an added token's text)
     * @param tokenBytes the bytes each id decodes to
     * @param byteToId the id of each single-byte token
     * @param mergeLeft the left token of each merge, in rank order
     * @param mergeRight the right token of each merge
     * @param mergeResult the token each merge produces
     * @param rules what happens around the merges
     */
    BpeTokenizer(String[] tokens, byte[][] tokenBytes, int[] byteToId, int[] mergeLeft, int[] mergeRight,
                 int[] mergeResult, BpeRules rules) {
        this.tokens = tokens;
        this.tokenBytes = tokenBytes;
        this.byteToId = byteToId;
        this.merges = new Merges(mergeLeft, mergeRight, mergeResult, rules.oneMergeAtATime());
        this.idOfToken = new HashMap<>(tokens.length * 2);
        for (int id = 0; id < tokens.length; id++) {
            idOfToken.put(tokens[id], id);
        }
        this.rules = rules;
    }

    private static String[] tokenStrings(byte[][] tokenBytes) {
        String[] tokens = new String[tokenBytes.length];
        for (int id = 0; id < tokens.length; id++) {
            tokens[id] = ByteLevel.toTokenString(tokenBytes[id]);
        }
        return tokens;
    }

    /**
     * Trains a tokenizer on {@code text} (see the class description for the deterministic rule).
     * The same text and size give the same merges and ids on every JDK.
     *
     * @param text the training text (any Unicode; no lone surrogates), not null
     * @param vocabularySize the exact vocabulary size wanted: 256 byte tokens plus the merged tokens,
     *     in [256, {@value #MAX_TRAINED_VOCABULARY_SIZE}]
     * @return the trained tokenizer, with {@code vocabularySize()} equal to {@code vocabularySize}
     * @throws NullPointerException if {@code text} is null
     * @throws IllegalArgumentException if {@code vocabularySize} is out of range, if the text runs out
     *     of pairs to merge before reaching it, or if the text holds a lone surrogate
     */
    public static BpeTokenizer train(String text, int vocabularySize) {
        Checks.notNull(text, "text");
        Checks.inRange(vocabularySize, 256, MAX_TRAINED_VOCABULARY_SIZE, "vocabularySize");
        return BpeTrainer.train(text, vocabularySize);
    }

    /**
     * Loads a tokenizer from GPT-2's files: {@code encoder.json} (a JSON object mapping each token
     * string, in the byte-level alphabet, to its id) and {@code vocab.bpe} (a {@code #version} header,
     * then one merge {@code left right} per line in rank order).
     *
     * @param encoderJson path of the token-to-id JSON (UTF-8), not null
     * @param mergesTxt path of the merges file (UTF-8), not null
     * @return the tokenizer
     * @throws NullPointerException if a path is null
     * @throws IOException if a file cannot be read
     * @throws IllegalArgumentException if a file is malformed (the message names the file parameter and
     *     the line), see {@link #load(InputStream, InputStream)}
     */
    public static BpeTokenizer load(Path encoderJson, Path mergesTxt) throws IOException {
        Checks.notNull(encoderJson, "encoderJson");
        Checks.notNull(mergesTxt, "mergesTxt");
        return fromTexts(readUtf8(Files.readAllBytes(encoderJson), "encoderJson"),
                readUtf8(Files.readAllBytes(mergesTxt), "mergesTxt"));
    }

    /**
     * Loads a tokenizer from GPT-2's two files given as streams (read to the end, not closed).
     *
     * @param encoderJson the token-to-id JSON (UTF-8), not null
     * @param mergesTxt the merges file (UTF-8), not null
     * @return the tokenizer
     * @throws NullPointerException if a stream is null
     * @throws IOException if a stream cannot be read
     * @throws IllegalArgumentException if the bytes are not UTF-8; if the JSON is not a flat object of
     *     string to non-negative integer (message gives line and column); if ids are not exactly
     *     0..n-1; if a token uses characters outside GPT-2's byte-level alphabet; if one of the 256
     *     byte tokens is missing; if the merges file lacks the {@code #version} header, has a
     *     malformed or repeated line, or names a token (or a concatenation) missing from the encoder
     */
    public static BpeTokenizer load(InputStream encoderJson, InputStream mergesTxt) throws IOException {
        Checks.notNull(encoderJson, "encoderJson");
        Checks.notNull(mergesTxt, "mergesTxt");
        return fromTexts(readUtf8(encoderJson.readAllBytes(), "encoderJson"),
                readUtf8(mergesTxt.readAllBytes(), "mergesTxt"));
    }

    /**
     * Loads a Hugging Face {@code tokenizer.json} whose model is byte-level BPE (GPT-2, Llama 3,
     * SmolLM2, Qwen2 and many others), encoding exactly as the Rust {@code tokenizers} library's
     * {@code encode(text, add_special_tokens=False)} does (see the class description for the
     * pipeline and what is supported).
     *
     * <p>Ids: the model's {@code vocab} must use ids 0..n-1; each added token keeps its vocabulary id
     * if its text is in {@code vocab}, otherwise added tokens get n, n+1, ... in file order (the library
     * assigns ids that way; a file that says otherwise is refused). {@link #vocabularySize()} counts
     * both. {@code post_processor}, {@code truncation} and {@code padding} are not applied: no BOS or
     * other template token is added, nothing is cut or padded.
     *
     * @param tokenizerJson path of the file (UTF-8), not null
     * @return the tokenizer
     * @throws NullPointerException if the path is null
     * @throws java.io.UncheckedIOException if the file cannot be read
     * @throws IllegalArgumentException if the file is not UTF-8 JSON, or a field is missing, malformed
     *     or set to something not supported (the message names the file, the field, the value and what
     *     is supported), or merges name unknown tokens, or ids are repeated or not dense
     */
    public static BpeTokenizer fromTokenizerJson(Path tokenizerJson) {
        return TokenizerJson.read(Checks.notNull(tokenizerJson, "tokenizerJson"));
    }

    /**
     * Loads whatever tokenizer a model directory holds, looking in this order for
     * {@value #TOKENIZER_JSON_FILE} ({@link #fromTokenizerJson(Path)}), then {@value #VOCAB_JSON_FILE} and
     * {@value #MERGES_TXT_FILE} (the names Hugging Face gives GPT-2's two files), then
     * {@value #ENCODER_FILE} and {@value #MERGES_FILE} (OpenAI's names, as {@link #save(Path)} writes
     * them). The two-file forms are read by {@link #load(Path, Path)}: GPT-2's rules, no added tokens.
     *
     * @param dir the directory, not null
     * @return the tokenizer
     * @throws NullPointerException if {@code dir} is null
     * @throws java.io.UncheckedIOException if a file cannot be read
     * @throws IllegalArgumentException if the directory holds none of these, or a file is malformed
     */
    public static BpeTokenizer fromModelDirectory(Path dir) {
        Checks.notNull(dir, "dir");
        if (Files.isRegularFile(dir.resolve(TOKENIZER_JSON_FILE))) {
            return fromTokenizerJson(dir.resolve(TOKENIZER_JSON_FILE));
        }
        for (String[] pair : new String[][] {{VOCAB_JSON_FILE, MERGES_TXT_FILE}, {ENCODER_FILE, MERGES_FILE}}) {
            if (Files.isRegularFile(dir.resolve(pair[0])) && Files.isRegularFile(dir.resolve(pair[1]))) {
                try {
                    return load(dir.resolve(pair[0]), dir.resolve(pair[1]));
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot read the tokenizer files in " + dir + ": " + e, e);
                }
            }
        }
        throw Checks.fail("dir", "hold " + TOKENIZER_JSON_FILE + ", or " + VOCAB_JSON_FILE + " and " + MERGES_TXT_FILE
                + ", or " + ENCODER_FILE + " and " + MERGES_FILE, dir + (Files.isDirectory(dir)
                ? " with none of these" : ", which is not a directory"));
    }

    private static String readUtf8(byte[] bytes, String name) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw Checks.fail(name, "be UTF-8", "malformed bytes (" + e.getMessage() + ")");
        }
    }

    private static BpeTokenizer fromTexts(String encoderJson, String mergesTxt) {
        Map<String, Integer> ids = EncoderJson.parse(encoderJson, "encoderJson");
        byte[][] tokenBytes = new byte[ids.size()][];
        for (Map.Entry<String, Integer> e : ids.entrySet()) {
            int id = e.getValue();
            if (id >= tokenBytes.length || tokenBytes[id] != null) {
                throw Checks.fail("encoderJson", "use each id in [0, " + tokenBytes.length + ") exactly once",
                        "id " + id + " for token \"" + e.getKey() + "\"");
            }
            byte[] bytes = ByteLevel.toBytes(e.getKey());
            if (bytes == null || bytes.length == 0) {
                throw Checks.fail("encoderJson", "have non-empty tokens in GPT-2's byte-level alphabet",
                        "token \"" + e.getKey() + "\" with id " + id);
            }
            tokenBytes[id] = bytes;
        }
        int[] byteToId = new int[256];
        for (int b = 0; b < 256; b++) {
            Integer id = ids.get(String.valueOf(ByteLevel.toChar(b)));
            if (id == null) {
                throw Checks.fail("encoderJson", "contain all 256 byte tokens",
                        String.format("no token \"%c\" for byte 0x%02X", ByteLevel.toChar(b), b));
            }
            byteToId[b] = id;
        }
        int[][] merges = MergesFile.parse(mergesTxt, "mergesTxt", ids);
        return new BpeTokenizer(tokenBytes, byteToId, merges[0], merges[1], merges[2]);
    }

    /**
     * Writes {@value #ENCODER_FILE} and {@value #MERGES_FILE} into {@code dir} (created if missing,
     * files overwritten) in GPT-2's format: {@link #load(Path, Path)} of them gives a tokenizer with
     * identical encodings. For a tokenizer loaded from GPT-2's own files the output is byte-identical
     * to them.
     *
     * @param dir the directory, not null
     * @throws NullPointerException if {@code dir} is null
     * @throws IOException if the directory or files cannot be written
     * @throws IllegalStateException if the tokenizer was read from a {@code tokenizer.json} (its added
     *     tokens, normaliser and pre-tokenizer have no place in GPT-2's files)
     */
    public void save(Path dir) throws IOException {
        Checks.notNull(dir, "dir");
        if (rules != BpeRules.GPT2) {
            throw new IllegalStateException("save writes GPT-2's encoder.json and vocab.bpe, which cannot hold the"
                    + " added tokens, normaliser and pre-tokenizer of a tokenizer read from tokenizer.json;"
                    + " keep the tokenizer.json file instead");
        }
        Files.createDirectories(dir);
        Files.writeString(dir.resolve(ENCODER_FILE), EncoderJson.write(tokens), StandardCharsets.UTF_8);
        Files.writeString(dir.resolve(MERGES_FILE), MergesFile.write(tokens, merges.left(), merges.right()),
                StandardCharsets.UTF_8);
    }

    @Override
    public int vocabularySize() {
        return tokenBytes.length;
    }

    /**
     * The number of merges (ranks). For a trained tokenizer this is at least
     * {@code vocabularySize() - 256}; GPT-2 has 50,000 merges and 50,257 tokens.
     *
     * @return the number of merge rules
     */
    public int mergeCount() {
        return merges.count();
    }

    /**
     * Encodes text with GPT-2's algorithm, or, for a tokenizer read from {@code tokenizer.json}, as the
     * Rust {@code tokenizers} library's {@code encode(text, add_special_tokens=False)} (see the class
     * description). Added tokens in the text become their ids; no BOS or other template token is added.
     *
     * @param text the text, not null
     * @return the token ids (a new array)
     * @throws NullPointerException if {@code text} is null
     * @throws IllegalArgumentException if the text holds a lone surrogate
     */
    @Override
    public int[] encode(String text) {
        Checks.notNull(text, "text");
        PreTokenizer.requireWellFormed(text);
        IntList ids = new IntList(Math.max(16, text.length() / 3));
        int[][] scratch = {new int[64]};
        Consumer<String> bpe = piece -> encodePiece(piece, ids, scratch);
        rules.addedTokens().split(text, ids::add, segment -> rules.preTokenizer().split(segment, bpe));
        return ids.toArray();
    }

    private void encodePiece(String piece, IntList ids, int[][] scratch) {
        byte[] bytes = piece.getBytes(StandardCharsets.UTF_8);
        if (rules.ignoreMerges()) {
            Integer id = idOfToken.get(ByteLevel.toTokenString(bytes));
            if (id != null && id < rules.modelTokens()) {
                ids.add(id);
                return;
            }
        }
        if (scratch[0].length < bytes.length) {
            scratch[0] = new int[Math.max(bytes.length, scratch[0].length * 2)];
        }
        int[] word = scratch[0];
        for (int i = 0; i < bytes.length; i++) {
            word[i] = byteToId[bytes[i] & 0xFF];
        }
        ids.addAll(word, merges.apply(word, bytes.length));
    }

    /** What happens around the merges (for tests). */
    BpeRules rules() {
        return rules;
    }

    /** The merge table (for tests). */
    Merges merges() {
        return merges;
    }

    /**
     * Decodes ids to text: the tokens' bytes, concatenated, read as UTF-8 (malformed sequences, e.g.
     * from ids that cut a character in two, become U+FFFD). A token's bytes are its characters mapped
     * back through the byte-level alphabet; a token with a character outside the alphabet (an added
     * token such as {@code "<tool call>"} with a space) stands for its UTF-8 text, as in the
     * {@code ByteLevel} decoder. Special tokens are kept.
     *
     * @param tokens the ids, each in {@code [0, vocabularySize())}, not null
     * @return the text
     * @throws NullPointerException if {@code tokens} is null
     * @throws IllegalArgumentException if an id is out of range (the message names its index)
     */
    @Override
    public String decode(int[] tokens) {
        Checks.tokenIds(tokens, tokenBytes.length, "tokens");
        int total = 0;
        for (int id : tokens) {
            total += tokenBytes[id].length;
        }
        byte[] bytes = new byte[total];
        int at = 0;
        for (int id : tokens) {
            System.arraycopy(tokenBytes[id], 0, bytes, at, tokenBytes[id].length);
            at += tokenBytes[id].length;
        }
        return new String(bytes, StandardCharsets.UTF_8);
    }

    /**
     * The token string of an id, in GPT-2's byte-level alphabet, as it appears in
     * {@code encoder.json}: e.g. {@code "Ġthe"} for the bytes of {@code " the"}; for an added token of
     * a {@code tokenizer.json}, its text, e.g. {@code "<|im_start|>"}.
     *
     * @param id the id, in {@code [0, vocabularySize())}
     * @return the token string
     * @throws IllegalArgumentException if {@code id} is out of range
     */
    public String token(int id) {
        Checks.inRange(id, 0, tokenBytes.length - 1, "id");
        return tokens[id];
    }

    /**
     * The id of a token string given in GPT-2's byte-level alphabet, or of an added token's text (the
     * inverse of {@link #token(int)}), e.g. {@code tokenId("<|endoftext|>")} is 50256 for GPT-2.
     *
     * @param token the token string, not null
     * @return the id, or empty if the vocabulary has no such token
     * @throws NullPointerException if {@code token} is null
     */
    public OptionalInt tokenId(String token) {
        Integer id = idOfToken.get(Checks.notNull(token, "token"));
        return id == null ? OptionalInt.empty() : OptionalInt.of(id);
    }

    /**
     * One line for notebooks, e.g. {@code BpeTokenizer[vocabularySize=4096, merges=3840]}.
     *
     * @return the summary
     */
    @Override
    public String toString() {
        return "BpeTokenizer[vocabularySize=" + tokenBytes.length + ", merges=" + merges.count() + "]";
    }
}
