package io.github.genailab.core.text;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The text corpora bundled with GenAI Lab, and a tokenizer trained on them.
 *
 * <p>{@link #tinyShakespeare()} is the "tiny Shakespeare" corpus (1,115,394 characters, about 40,000
 * lines of plays, public domain, as distributed with Karpathy's char-rnn, MIT). It is read from the
 * classpath once, on first use, and shared afterwards (strings and the lists returned are
 * immutable), so repeated calls are free.
 *
 * <p>Passages: the corpus is a sequence of speeches ({@code "First Citizen:\nBefore we proceed..."})
 * separated by blank lines. {@link #tinyShakespearePassages()} returns the maximal runs of non-blank
 * lines, each joined with {@code "\n"} and without a trailing newline; a line is blank when it is
 * empty or holds only whitespace. No passage is empty.
 *
 * <p>{@link #shakespeareTokenizer()} is {@code BpeTokenizer.train(tinyShakespeare(), 4096)}, shipped
 * as GPT-2-format resource files so it loads in milliseconds instead of retraining (a test checks
 * that retraining reproduces the files byte for byte).
 *
 * @since 0.1.0
 */
public final class Corpora {

    /** Vocabulary size of {@link #shakespeareTokenizer()}. */
    public static final int SHAKESPEARE_VOCABULARY_SIZE = 4096;

    private static final String SHAKESPEARE_TOKENIZER_DIR = "shakespeare-bpe-4096/";

    private Corpora() {
    }

    /**
     * The tiny Shakespeare corpus, exactly as bundled (UTF-8, {@code \n} line ends).
     *
     * @return the whole text, 1,115,394 characters
     */
    public static String tinyShakespeare() {
        return Shakespeare.TEXT;
    }

    /**
     * The tiny Shakespeare corpus split into passages (speeches) at blank lines, in corpus order.
     *
     * @return an unmodifiable list of non-empty passages
     */
    public static List<String> tinyShakespearePassages() {
        return Shakespeare.PASSAGES;
    }

    /**
     * A byte-level BPE tokenizer with {@value #SHAKESPEARE_VOCABULARY_SIZE} tokens trained on
     * {@link #tinyShakespeare()} by {@link BpeTokenizer#train(String, int)}, loaded from the bundled
     * files (fast; the same immutable instance on every call).
     *
     * @return the tokenizer
     */
    public static BpeTokenizer shakespeareTokenizer() {
        return ShakespeareTokenizer.TOKENIZER;
    }

    /** Splits text into maximal runs of non-blank lines. */
    static List<String> passages(String text) {
        List<String> passages = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : text.split("\n", -1)) {
            if (line.isBlank()) {
                flush(current, passages);
            } else {
                if (current.length() > 0) {
                    current.append('\n');
                }
                current.append(line);
            }
        }
        flush(current, passages);
        return Collections.unmodifiableList(passages);
    }

    private static void flush(StringBuilder current, List<String> passages) {
        if (current.length() > 0) {
            passages.add(current.toString());
            current.setLength(0);
        }
    }

    private static InputStream resource(String name) {
        InputStream in = Corpora.class.getResourceAsStream(name);
        if (in == null) {
            throw new IllegalStateException("bundled resource " + name + " is missing from the classpath");
        }
        return in;
    }

    /** Holder: loaded by the JVM on first use, thread-safe, immutable afterwards. */
    private static final class Shakespeare {
        static final String TEXT = read();
        static final List<String> PASSAGES = passages(TEXT);

        private static String read() {
            try (InputStream in = resource("tinyshakespeare.txt")) {
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** Holder for the shipped tokenizer. */
    private static final class ShakespeareTokenizer {
        static final BpeTokenizer TOKENIZER = load();

        private static BpeTokenizer load() {
            try (InputStream encoder = resource(SHAKESPEARE_TOKENIZER_DIR + BpeTokenizer.ENCODER_FILE);
                 InputStream merges = resource(SHAKESPEARE_TOKENIZER_DIR + BpeTokenizer.MERGES_FILE)) {
                return BpeTokenizer.load(encoder, merges);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
