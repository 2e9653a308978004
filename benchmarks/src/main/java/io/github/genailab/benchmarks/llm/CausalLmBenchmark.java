package io.github.genailab.benchmarks.llm;

import io.github.genailab.core.lm.DecodingSession;
import io.github.genailab.llm.CausalLm;
import io.github.genailab.llm.CausalLmOptions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * GPT-2 small and SmolLM2-135M shaped checkpoints (random float32 weights written to a temporary
 * directory, {@link RandomCheckpoint}) run by {@link CausalLm} at batch 1 on 2 threads, the setting of
 * the torch peer ({@code llm_torch.py}: eager float32 with a KV cache):
 * <ul>
 *   <li>{@code prefill}: a new session, {@code append} of a 128-token prompt (one batched pass) and the
 *       next-token logits;</li>
 *   <li>{@code decode}: 64 greedy steps (arg-max, {@code append} of one token) after a 128-token
 *       prefill done in the invocation's setup;</li>
 *   <li>{@code load}: {@link CausalLm#load} of the directory (target for GPT-2 small: under 2 s).</li>
 * </ul>
 * Forks start with {@code --add-modules jdk.incubator.vector} (the Vector API kernel);
 * {@link CausalLmPortableBenchmark} runs the same on a default JVM. Tokens per second: 128 / prefill
 * seconds, 64 / decode seconds.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3)
@Measurement(iterations = 5)
@Fork(value = 1, jvmArgsAppend = {"-Xms3g", "-Xmx3g", "--add-modules=jdk.incubator.vector"})
public class CausalLmBenchmark {

    /** Prompt length. */
    public static final int PROMPT = 128;
    /** Generated tokens per decode invocation. */
    public static final int STEPS = 64;

    /** The checkpoint shape. */
    @Param({"GPT2_SMALL", "SMOLLM2_135M"})
    public RandomCheckpoint shape;

    /** Threads of the model. */
    @Param("2")
    public int threads;

    private Path dir;
    private CausalLm lm;
    private int[] prompt;
    private DecodingSession session;

    /** Writes the checkpoint and loads it. */
    @Setup(Level.Trial)
    public void setUp() throws IOException {
        dir = Files.createTempDirectory("genailab-llm-bench");
        shape.write(dir);
        lm = CausalLm.load(dir, CausalLmOptions.defaults().withThreads(threads));
        SplittableRandom rng = new SplittableRandom(7);
        prompt = rng.ints(PROMPT, 0, lm.vocabularySize()).toArray();
    }

    /** Prefills a session for {@link #decode()}. */
    @Setup(Level.Invocation)
    public void prefillSession() {
        session = lm.newSession();
        session.append(prompt);
    }

    /** Frees the invocation's session. */
    @TearDown(Level.Invocation)
    public void closeSession() {
        session.close();
    }

    /** Closes the model and deletes the checkpoint. */
    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        lm.close();
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.delete(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }

    /**
     * One batched pass over the 128-token prompt.
     *
     * @return the next-token logits
     */
    @Benchmark
    public double[] prefill() {
        try (DecodingSession s = lm.newSession()) {
            s.append(prompt);
            return s.nextTokenLogits();
        }
    }

    /**
     * 64 greedy single-token steps with the key/value cache.
     *
     * @return the last token
     */
    @Benchmark
    public int decode() {
        int[] next = new int[1];
        for (int step = 0; step < STEPS; step++) {
            next[0] = argMax(session.nextTokenLogits());
            session.append(next);
        }
        return next[0];
    }

    /**
     * Loads the checkpoint from disk (page cache warm after the first iteration).
     *
     * @return the loaded model's vocabulary size
     */
    @Benchmark
    public int load() {
        try (CausalLm loaded = CausalLm.load(dir, CausalLmOptions.defaults().withThreads(threads))) {
            return loaded.vocabularySize();
        }
    }

    private static int argMax(double[] row) {
        int best = 0;
        for (int j = 1; j < row.length; j++) {
            if (row[j] > row[best]) {
                best = j;
            }
        }
        return best;
    }
}
