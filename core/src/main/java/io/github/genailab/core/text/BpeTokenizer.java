package io.github.genailab.core.text;

import io.github.genailab.core.math.Checks;
import io.github.genailab.core.internal.LongIntMap;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.OptionalInt;

/**
 * A byte-level byte-pair-encoding tokenizer that works exactly like GPT-2's, trains in-process and
 * reads and writes GPT-2's file format.
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
 * {@value #LONG_WORD} bytes or more (long runs of letters, digits or symbols) switch to an equivalent
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
 * </ol>
 */
public final class BpeTokenizer implements Tokenizer {

    /** File name {@link #save(Path)} gives the token-to-id JSON, as in GPT-2's release. */
    public static final String ENCODER_FILE = "encoder.json";

    /** File name {@link #save(Path)} gives the merges, as in GPT-2's release. */
    public static final String MERGES_FILE = "vocab.bpe";

    /** Largest vocabulary {@link #train(String, int)} accepts (2<sup>20</sup>). */
    public static final int MAX_TRAINED_VOCABULARY_SIZE = 1 << 20;

    /** Chunks of at least this many bytes are merged with the O(n log n) heap instead of rescanning. */
    static final int LONG_WORD = 48;
    private static final int DEAD = -2;

    private final byte[][] tokenBytes;
    private final int[] byteToId;
    private final int[] mergeLeft;
    private final int[] mergeRight;
    private final int[] mergeResult;
    private final LongIntMap rankOfPair;
    private final Map<String, Integer> idOfToken;

    BpeTokenizer(byte[][] tokenBytes, int[] byteToId, int[] mergeLeft, int[] mergeRight, int[] mergeResult) {
        this.tokenBytes = tokenBytes;
        this.byteToId = byteToId;
        this.mergeLeft = mergeLeft;
        this.mergeRight = mergeRight;
        this.mergeResult = mergeResult;
        this.rankOfPair = new LongIntMap(mergeLeft.length);
        for (int rank = 0; rank < mergeLeft.length; rank++) {
            rankOfPair.put(LongIntMap.pack(mergeLeft[rank], mergeRight[rank]), rank);
        }
        this.idOfToken = new HashMap<>(tokenBytes.length * 2);
        for (int id = 0; id < tokenBytes.length; id++) {
            idOfToken.put(ByteLevel.toTokenString(tokenBytes[id]), id);
        }
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
     */
    public void save(Path dir) throws IOException {
        Checks.notNull(dir, "dir");
        String[] tokens = new String[tokenBytes.length];
        for (int id = 0; id < tokens.length; id++) {
            tokens[id] = ByteLevel.toTokenString(tokenBytes[id]);
        }
        Files.createDirectories(dir);
        Files.writeString(dir.resolve(ENCODER_FILE), EncoderJson.write(tokens), StandardCharsets.UTF_8);
        Files.writeString(dir.resolve(MERGES_FILE), MergesFile.write(tokens, mergeLeft, mergeRight),
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
        return mergeLeft.length;
    }

    /**
     * Encodes text with GPT-2's algorithm (see the class description).
     *
     * @param text the text, not null
     * @return the token ids (a new array)
     * @throws NullPointerException if {@code text} is null
     * @throws IllegalArgumentException if the text holds a lone surrogate
     */
    @Override
    public int[] encode(String text) {
        Checks.notNull(text, "text");
        IntList ids = new IntList(Math.max(16, text.length() / 3));
        int[][] scratch = {new int[64]};
        PreTokenizer.split(text, chunk -> {
            byte[] bytes = chunk.getBytes(StandardCharsets.UTF_8);
            if (scratch[0].length < bytes.length) {
                scratch[0] = new int[Math.max(bytes.length, scratch[0].length * 2)];
            }
            int[] word = scratch[0];
            for (int i = 0; i < bytes.length; i++) {
                word[i] = byteToId[bytes[i] & 0xFF];
            }
            ids.addAll(word, applyMerges(word, bytes.length));
        });
        return ids.toArray();
    }

    private int applyMerges(int[] word, int length) {
        return length < LONG_WORD ? applyMergesByScan(word, length) : applyMergesByHeap(word, length);
    }

    private int rank(int left, int right) {
        return rankOfPair.get(LongIntMap.pack(left, right));
    }

    /** {@code encoder.py}'s loop: find the lowest-ranked adjacent pair, merge all its occurrences. */
    int applyMergesByScan(int[] word, int length) {
        while (length > 1) {
            int best = Integer.MAX_VALUE;
            for (int i = 0; i + 1 < length; i++) {
                int rank = rank(word[i], word[i + 1]);
                if (rank >= 0 && rank < best) {
                    best = rank;
                }
            }
            if (best == Integer.MAX_VALUE) {
                break;
            }
            length = Bpe.mergeAll(word, length, mergeLeft[best], mergeRight[best], mergeResult[best]);
        }
        return length;
    }

    /**
     * The same result in O(n log n): a linked list of tokens and a heap of (rank, position). All
     * occurrences of one rank pop in position order, which is the left-to-right scan; pairs created
     * meanwhile wait until that rank is done, because {@code encoder.py} only looks for the next pair
     * after merging every occurrence of the current one (this matters when a merges file is not in
     * dependency order). A popped entry is acted on only if its position still holds a pair of that rank.
     */
    int applyMergesByHeap(int[] word, int length) {
        int[] next = new int[length];
        int[] prev = new int[length];
        LongMinHeap heap = new LongMinHeap(length);
        for (int i = 0; i < length; i++) {
            next[i] = i + 1 < length ? i + 1 : -1;
            prev[i] = i - 1;
            if (i + 1 < length) {
                offer(heap, rank(word[i], word[i + 1]), i);
            }
        }
        LongMinHeap created = new LongMinHeap(16); // pairs waiting for the current rank to finish
        while (!heap.isEmpty()) {
            long entry = heap.poll();
            int rank = (int) (entry >>> 32);
            int p = (int) entry;
            if (next[p] >= 0 && prev[p] != DEAD && rank(word[p], word[next[p]]) == rank) {
                int q = next[p];
                word[p] = mergeResult[rank];
                next[p] = next[q];
                if (next[q] >= 0) {
                    prev[next[q]] = p;
                }
                prev[q] = DEAD;
                if (prev[p] >= 0) {
                    created.add(((long) rank(word[prev[p]], word[p]) << 32) | prev[p]);
                }
                if (next[p] >= 0) {
                    created.add(((long) rank(word[p], word[next[p]]) << 32) | p);
                }
            }
            if (!created.isEmpty() && (heap.isEmpty() || (int) (heap.peek() >>> 32) != rank)) {
                while (!created.isEmpty()) {
                    long c = created.poll();
                    offer(heap, (int) (c >>> 32), (int) c);
                }
            }
        }
        int out = 0;
        for (int i = 0; i >= 0; i = next[i]) {
            word[out++] = word[i];
        }
        return out;
    }

    private static void offer(LongMinHeap heap, int rank, int position) {
        if (rank >= 0) {
            heap.add(((long) rank << 32) | position);
        }
    }

    /**
     * Decodes ids to text: the tokens' bytes, concatenated, read as UTF-8 (malformed sequences, e.g.
     * from ids that cut a character in two, become U+FFFD).
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
     * {@code encoder.json}: e.g. {@code "Ġthe"} for the bytes of {@code " the"}.
     *
     * @param id the id, in {@code [0, vocabularySize())}
     * @return the token string
     * @throws IllegalArgumentException if {@code id} is out of range
     */
    public String token(int id) {
        Checks.inRange(id, 0, tokenBytes.length - 1, "id");
        return ByteLevel.toTokenString(tokenBytes[id]);
    }

    /**
     * The id of a token string given in GPT-2's byte-level alphabet (the inverse of {@link #token(int)}),
     * e.g. {@code tokenId("<|endoftext|>")} is 50256 for GPT-2.
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
        return "BpeTokenizer[vocabularySize=" + tokenBytes.length + ", merges=" + mergeLeft.length + "]";
    }
}
