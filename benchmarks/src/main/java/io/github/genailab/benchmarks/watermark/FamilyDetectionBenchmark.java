package io.github.genailab.benchmarks.watermark;

import io.github.genailab.core.lm.NGramModel;
import io.github.genailab.core.math.Rngs;
import io.github.genailab.core.text.BpeTokenizer;
import io.github.genailab.core.text.Corpora;
import io.github.genailab.watermark.Watermark;
import io.github.genailab.watermark.WatermarkScore;
import io.github.genailab.watermark.Watermarks;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.random.RandomGenerator;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Detection throughput of every watermark family, in tokens per second, on 200-token texts the family generated
 * with the Shakespeare trigram model (V = 4,096), registry defaults. Watermarked texts are the expensive case
 * for EXP-edit (no null statistic reaches the observed one, so all 100 permutations run); the model-based
 * detectors (SWEET, EWD, Unbiased) include the model's pass over the text, which for the n-gram model is a
 * small part. Every invocation scores the next of 16 texts.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class FamilyDetectionBenchmark {

    private static final int V = 4096;
    private static final int LENGTH = 200;
    private static final int POOL = 16;

    @Param({"kgw", "unigram", "sweet", "ewd", "unbiased", "dipmark", "exp", "exp-edit", "synthid"})
    public String family;

    private Watermark watermark;
    private NGramModel model;
    private int[][] texts;
    private int next;

    @Setup(Level.Trial)
    public void setUp() {
        BpeTokenizer tokenizer = Corpora.shakespeareTokenizer();
        List<String> passages = Corpora.tinyShakespearePassages();
        List<int[]> training = new ArrayList<>();
        for (String passage : passages.subList(0, passages.size() * 3 / 4)) {
            training.add(tokenizer.encode(passage));
        }
        model = NGramModel.train(training, V, 3);
        watermark = Watermarks.create(family, V, 42);
        int[] heldOut = tokenizer.encode(String.join("\n\n", passages.subList(passages.size() * 3 / 4,
                passages.size())));
        RandomGenerator rng = Rngs.seeded(7);
        texts = new int[POOL][];
        for (int i = 0; i < POOL; i++) {
            int[] prompt = Arrays.copyOfRange(heldOut, 300 * i, 300 * i + 16);
            texts[i] = watermark.generate(model, prompt, LENGTH, rng);
        }
    }

    @Benchmark
    @OperationsPerInvocation(LENGTH)
    public WatermarkScore detect() {
        next = (next + 1) % POOL;
        return watermark.detect(texts[next], model);
    }
}
