package io.github.genailab.spark;

import io.github.genailab.core.math.Checks;
import io.github.genailab.core.math.Rngs;
import io.github.genailab.core.text.BpeTokenizer;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.Serial;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.random.RandomGeneratorFactory;
import java.util.stream.Stream;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.SparkSession;

/**
 * What the transformations ship to the executors once: broadcast values (deserialised once per executor and
 * shared by its tasks) and a tokenizer travelling as GPT-2's two files.
 */
final class Shared {

    private Shared() {
    }

    /**
     * Makes the JDK's random-generator algorithms ({@link Rngs#ALGORITHM}) available on a Spark task thread. The
     * JDK looks them up once per JVM with {@code ServiceLoader.load(RandomGenerator.class)}, through the calling
     * thread's context class loader, and keeps the answer; a task thread's loader is Spark's, which on JDK 17
     * does not see the {@code jdk.random} module, so a first lookup made there finds no algorithm at all. This
     * makes the lookup with the system class loader (a no-op once the JDK has its answer).
     */
    static void loadRandomGenerators() {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(ClassLoader.getSystemClassLoader());
        try {
            RandomGeneratorFactory.of(Rngs.ALGORITHM);
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    /** Broadcasts {@code value} from the driver of {@code spark}. */
    static <T> Broadcast<T> broadcast(SparkSession spark, T value) {
        return JavaSparkContext.fromSparkContext(spark.sparkContext()).broadcast(value);
    }

    /**
     * A byte-level BPE tokenizer as the bytes of its {@code encoder.json} and {@code vocab.bpe}; the tokenizer
     * is rebuilt on first use in each JVM that receives it (thread-safe, then shared).
     */
    static final class TokenizerFiles implements Serializable {

        @Serial
        private static final long serialVersionUID = 1L;

        private final byte[] encoderJson;
        private final byte[] mergesTxt;
        private transient volatile BpeTokenizer tokenizer;

        private TokenizerFiles(byte[] encoderJson, byte[] mergesTxt, BpeTokenizer tokenizer) {
            this.encoderJson = encoderJson;
            this.mergesTxt = mergesTxt;
            this.tokenizer = tokenizer;
        }

        /**
         * Captures a tokenizer through {@link BpeTokenizer#save(Path)} (a temporary directory, deleted after).
         *
         * @throws IllegalArgumentException if the tokenizer was read from a {@code tokenizer.json}
         */
        static TokenizerFiles of(BpeTokenizer tokenizer, String parameter) {
            Checks.notNull(tokenizer, parameter);
            Path dir = null;
            try {
                dir = Files.createTempDirectory("genailab-spark-tokenizer");
                tokenizer.save(dir);
                return new TokenizerFiles(Files.readAllBytes(dir.resolve(BpeTokenizer.ENCODER_FILE)),
                        Files.readAllBytes(dir.resolve(BpeTokenizer.MERGES_FILE)), tokenizer);
            } catch (IllegalStateException e) {
                throw Checks.fail(parameter, "be a GPT-2-style tokenizer that save(dir) can write (one read from "
                        + "tokenizer.json cannot be shipped to executors)", tokenizer);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } finally {
                delete(dir);
            }
        }

        BpeTokenizer get() {
            BpeTokenizer t = tokenizer;
            if (t == null) {
                synchronized (this) {
                    t = tokenizer;
                    if (t == null) {
                        try {
                            t = BpeTokenizer.load(new ByteArrayInputStream(encoderJson),
                                    new ByteArrayInputStream(mergesTxt));
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                        tokenizer = t;
                    }
                }
            }
            return t;
        }

        private static void delete(Path dir) {
            if (dir == null) {
                return;
            }
            try (Stream<Path> files = Files.walk(dir)) {
                for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
