package io.github.genailab.benchmarks.core;

import io.github.genailab.core.lm.NGramModel;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The n-gram model's two hot paths against a boxed-map baseline: training a trigram model on the
 * whole tiny Shakespeare corpus (BPE, V = 4096, about 330k tokens), and one full next-token
 * distribution over V = 4096 or 8192. For V = 8192 the same token ids are used with a vocabulary
 * declared twice as large (ids 4096..8191 never occur), which doubles the O(V) part of a row while
 * the followers stay those of the real corpus.
 */
public class NGramBenchmark {

    /** The corpus, encoded once per trial. */
    @State(Scope.Benchmark)
    public static class Corpus {
        /** Vocabulary size of the token ids. */
        @Param({"4096"})
        public int vocabularySize;
        List<int[]> documents;

        /** Encodes the corpus. */
        @Setup(Level.Trial)
        public void load() {
            documents = ShakespeareTokens.documents();
        }
    }

    /** Contexts taken from the corpus, cycled through so that no single row stays in cache. */
    @State(Scope.Benchmark)
    public abstract static class Rows {
        /** Vocabulary size of the model (the corpus uses ids below 4096). */
        @Param({"4096", "8192"})
        public int vocabularySize;
        int[][] contexts;
        int next;

        /** Trains the model under test and picks 64 contexts of 1 to 20 tokens from the corpus. */
        @Setup(Level.Trial)
        public void prepare() {
            List<int[]> docs = ShakespeareTokens.documents();
            train(docs);
            contexts = new int[64][];
            for (int i = 0; i < contexts.length; i++) {
                int[] doc = docs.get(i * 97 % docs.size());
                contexts[i] = Arrays.copyOfRange(doc, 0, Math.min(doc.length, 2 + i % 20));
            }
        }

        abstract void train(List<int[]> docs);

        int[] nextContext() {
            next = (next + 1) & (contexts.length - 1);
            return contexts[next];
        }
    }

    /** The Kneser–Ney trigram model. */
    public static class ModelRows extends Rows {
        NGramModel model;

        @Override
        void train(List<int[]> docs) {
            model = NGramModel.train(docs, vocabularySize, 3);
        }
    }

    /** The boxed-map baseline, in its own state so that its heap does not burden the other benchmark. */
    public static class NaiveRows extends Rows {
        NaiveKneserNeyBaseline naive;

        @Override
        void train(List<int[]> docs) {
            naive = new NaiveKneserNeyBaseline(docs, vocabularySize, 3);
        }
    }

    /**
     * Trains the interpolated modified Kneser–Ney trigram model.
     *
     * @param corpus the documents
     * @return the model
     */
    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public NGramModel trainTrigram(Corpus corpus) {
        return NGramModel.train(corpus.documents, corpus.vocabularySize, 3);
    }

    /**
     * Trains the boxed-map baseline.
     *
     * @param corpus the documents
     * @return the baseline model
     */
    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public Object trainTrigramNaive(Corpus corpus) {
        return new NaiveKneserNeyBaseline(corpus.documents, corpus.vocabularySize, 3);
    }

    /**
     * One full next-token distribution (log-probabilities over V).
     *
     * @param rows the trained model and contexts
     * @return the row
     */
    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public double[] nextTokenDistribution(ModelRows rows) {
        int[] context = rows.nextContext();
        return rows.model.nextTokenLogits(context, context.length);
    }

    /**
     * The same distribution from the baseline, recomputed word by word.
     *
     * @param rows the trained baseline and contexts
     * @return the row
     */
    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public double[] nextTokenDistributionNaive(NaiveRows rows) {
        int[] context = rows.nextContext();
        return rows.naive.distribution(context, context.length);
    }
}
