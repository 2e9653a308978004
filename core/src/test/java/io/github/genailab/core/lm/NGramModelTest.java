package io.github.genailab.core.lm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.github.genailab.core.math.Rngs;
import io.github.genailab.core.text.BpeTokenizer;
import io.github.genailab.core.text.Corpora;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.random.RandomGenerator;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class NGramModelTest {

    private static final int A = 0;
    private static final int B = 1;
    private static final int C = 2;

    /** Documents "a b a b" and "b c" over V = {a, b, c}, bigrams, one fixed discount D = 1/2. */
    private static NGramModel handModel() {
        return NGramModel.train(List.of(new int[] {A, B, A, B}, new int[] {B, C}), 3, new NGramOptions(2, 0.5));
    }

    private static double[] probabilities(double[] logits) {
        return Arrays.stream(logits).map(Math::exp).toArray();
    }

    /**
     * By hand. Padded: {@code <s> a b a b}, {@code <s> b c}. Bigram counts: (&lt;s&gt; a) 1, (&lt;s&gt; b) 1,
     * (a b) 2, (b a) 1, (b c) 1. Continuation counts: a 2 ({&lt;s&gt;, b}), b 2 ({a, &lt;s&gt;}), c 1 ({b});
     * total 5. Unigram: gamma = 0.5 * 3 / 5 = 0.3, p(a) = 1.5/5 + 0.3/3 = 0.4, p(b) = 0.4, p(c) = 0.2.
     * After a: followers {b: 2}, gamma = 0.25: p(a|a) = 0.1, p(b|a) = 1.5/2 + 0.1 = 0.85, p(c|a) = 0.05.
     * After b: {a: 1, c: 1}, gamma = 0.5: p(a|b) = 0.45, p(b|b) = 0.2, p(c|b) = 0.35.
     * At a document start: {a: 1, b: 1}: p = (0.45, 0.45, 0.1). After c (never a context): the unigram.
     */
    @Test
    void probabilitiesMatchAHandComputedKneserNeyExample() {
        NGramModel m = handModel();
        assertThat(probabilities(m.nextTokenLogits(new int[] {A}))).containsExactly(new double[] {0.1, 0.85, 0.05},
                within(1e-15));
        assertThat(probabilities(m.nextTokenLogits(new int[] {A, B}))).containsExactly(new double[] {0.45, 0.2, 0.35},
                within(1e-15));
        assertThat(probabilities(m.nextTokenLogits(new int[0]))).containsExactly(new double[] {0.45, 0.45, 0.1},
                within(1e-15));
        assertThat(probabilities(m.nextTokenLogits(new int[] {C}))).containsExactly(new double[] {0.4, 0.4, 0.2},
                within(1e-15));
        assertThat(m.tokenLogProbs(new int[] {A, B, A})).containsExactly(new double[] {Math.log(0.85), Math.log(0.45)},
                within(1e-15));
        assertThat(m.discounts(1)).containsExactly(0.5, 0.5, 0.5);
        assertThat(m.ngramCount(1)).isEqualTo(3);
        assertThat(m.ngramCount(2)).isEqualTo(5);
    }

    private static List<int[]> randomCorpus(RandomGenerator rng, int documents, int vocabularySize) {
        List<int[]> docs = new ArrayList<>();
        for (int d = 0; d < documents; d++) {
            int[] doc = new int[rng.nextInt(12)];
            for (int i = 0; i < doc.length; i++) {
                // skewed so that counts of 1..4+ all occur
                doc[i] = (int) Math.min(vocabularySize - 1, Math.floor(Math.abs(rng.nextGaussian()) * vocabularySize / 3));
            }
            docs.add(doc);
        }
        return docs;
    }

    static Stream<Arguments> ordersAndDiscounts() {
        return IntStream.rangeClosed(1, 5).boxed()
                .flatMap(n -> Stream.of(Arguments.of(n, 0.0), Arguments.of(n, 0.75)));
    }

    @ParameterizedTest(name = "order {0}, discount {1}")
    @MethodSource("ordersAndDiscounts")
    void everyProbabilityMatchesALiteralImplementationOfTheDefinitions(int order, double discount) {
        RandomGenerator rng = Rngs.seeded(100 + order);
        int vocabularySize = 9;
        List<int[]> docs = randomCorpus(rng, 60, vocabularySize);
        NGramModel model = NGramModel.train(docs, vocabularySize, new NGramOptions(order, discount));
        NaiveKneserNey oracle = new NaiveKneserNey(docs, vocabularySize, order, discount);
        for (int n = 1; n <= order; n++) {
            double[] d = model.discounts(n);
            assertThat(d[0]).isGreaterThan(0).isLessThanOrEqualTo(1);
            assertThat(d[1]).isGreaterThan(0).isLessThanOrEqualTo(2);
            assertThat(d[2]).isGreaterThan(0).isLessThanOrEqualTo(3);
        }
        List<int[]> prefixes = new ArrayList<>(docs.subList(0, 20));
        prefixes.addAll(randomCorpus(rng, 20, vocabularySize)); // mostly unseen contexts
        for (int[] prefix : prefixes) {
            for (int length = 0; length <= prefix.length; length++) {
                double[] p = probabilities(model.nextTokenLogits(prefix, length));
                for (int w = 0; w < vocabularySize; w++) {
                    assertThat(p[w]).isCloseTo(oracle.probability(prefix, length, w), within(1e-13));
                }
            }
        }
    }

    @ParameterizedTest(name = "order {0}")
    @ValueSource(ints = {1, 2, 3, 4, 5})
    void distributionsAreProperForSeenAndUnseenContexts(int order) {
        RandomGenerator rng = Rngs.seeded(order);
        int vocabularySize = 500;
        List<int[]> docs = randomCorpus(rng, 400, vocabularySize);
        NGramModel model = NGramModel.train(docs, vocabularySize, order);
        List<int[]> contexts = new ArrayList<>(docs.subList(0, 50));
        contexts.addAll(randomCorpus(rng, 50, vocabularySize));
        contexts.add(new int[] {vocabularySize - 1, vocabularySize - 1, vocabularySize - 1, vocabularySize - 1});
        for (int[] context : contexts) {
            double[] logits = model.nextTokenLogits(context);
            double sum = 0;
            for (double l : logits) {
                assertThat(l).isFinite().isNegative();
                sum += Math.exp(l);
            }
            assertThat(sum).isCloseTo(1.0, within(1e-9));
        }
    }

    @ParameterizedTest(name = "order {0}")
    @ValueSource(ints = {1, 2, 3, 5})
    void tokenLogProbsAgreeWithTheFullRows(int order) {
        RandomGenerator rng = Rngs.seeded(7);
        List<int[]> docs = randomCorpus(rng, 200, 40);
        NGramModel model = NGramModel.train(docs, 40, order);
        for (int[] doc : randomCorpus(rng, 30, 40)) {
            if (doc.length < 2) {
                continue;
            }
            double[] scored = model.tokenLogProbs(doc);
            assertThat(scored).hasSize(doc.length - 1);
            for (int i = 1; i < doc.length; i++) {
                assertThat(scored[i - 1]).isCloseTo(model.nextTokenLogits(doc, i)[doc[i]], within(1e-13));
            }
        }
    }

    @Test
    void orderOneIgnoresTheContext() {
        RandomGenerator rng = Rngs.seeded(5);
        NGramModel model = NGramModel.train(randomCorpus(rng, 100, 30), 30, 1);
        double[] empty = model.nextTokenLogits(new int[0]);
        assertThat(model.nextTokenLogits(new int[] {3, 1, 4})).containsExactly(empty);
        assertThat(model.nextTokenLogits(new int[] {29})).containsExactly(empty);
    }

    @Test
    void documentsAreIndependent() {
        // "a b" then "c a": no bigram (b c) may be counted across the boundary
        NGramModel model = NGramModel.train(List.of(new int[] {A, B}, new int[] {C, A}), 3, new NGramOptions(2, 0.5));
        NGramModel joined = NGramModel.train(List.of(new int[] {A, B, C, A}), 3, new NGramOptions(2, 0.5));
        double pcGivenB = Math.exp(model.nextTokenLogits(new int[] {B})[C]);
        assertThat(pcGivenB).isLessThan(Math.exp(joined.nextTokenLogits(new int[] {B})[C]));
        assertThat(model.ngramCount(2)).isEqualTo(4); // (<s> a) (a b) (<s> c) (c a)
    }

    /**
     * A second-order Markov source: the next token depends on the previous two. Held-out perplexity must
     * fall from order 1 to 2 to 3 and not improve much beyond.
     */
    @Test
    void higherOrderLowersHeldOutPerplexityOnASecondOrderSource() {
        RandomGenerator rng = Rngs.seeded(2024);
        int vocabularySize = 50;
        int[][] next = new int[vocabularySize * vocabularySize][3];
        for (int[] row : next) {
            for (int j = 0; j < row.length; j++) {
                row[j] = rng.nextInt(vocabularySize);
            }
        }
        List<int[]> train = markovDocuments(rng, next, vocabularySize, 300);
        List<int[]> heldOut = markovDocuments(rng, next, vocabularySize, 40);
        double[] perplexity = new double[4];
        for (int order = 1; order <= 3; order++) {
            perplexity[order] = perplexity(NGramModel.train(train, vocabularySize, order), heldOut);
        }
        assertThat(perplexity[2]).isLessThan(0.8 * perplexity[1]);
        assertThat(perplexity[3]).isLessThan(0.5 * perplexity[2]);
        assertThat(perplexity[3]).isLessThan(4.0); // three successors per context, skewed
    }

    /**
     * Real text: every third passage of tiny Shakespeare (about 106k BPE tokens), every tenth of those
     * held out. Kneser–Ney perplexity must fall from unigrams to bigrams to trigrams (measured: 537,
     * 147, 134).
     */
    @Test
    void higherOrderLowersHeldOutPerplexityOnShakespeare() {
        BpeTokenizer tokenizer = Corpora.shakespeareTokenizer();
        List<String> passages = Corpora.tinyShakespearePassages();
        List<int[]> train = new ArrayList<>();
        List<int[]> heldOut = new ArrayList<>();
        for (int i = 0; i < passages.size(); i += 3) {
            ((i / 3) % 10 == 0 ? heldOut : train).add(tokenizer.encode(passages.get(i)));
        }
        double[] perplexity = new double[4];
        for (int order = 1; order <= 3; order++) {
            perplexity[order] = perplexity(NGramModel.train(train, tokenizer.vocabularySize(), order), heldOut);
        }
        assertThat(perplexity[2]).isLessThan(0.5 * perplexity[1]);
        assertThat(perplexity[3]).isLessThan(perplexity[2]);
        NGramModel trigram = NGramModel.train(train, tokenizer.vocabularySize(), 3);
        for (int[] doc : heldOut.subList(0, 20)) {
            double sum = Arrays.stream(trigram.nextTokenLogits(doc)).map(Math::exp).sum();
            assertThat(sum).isCloseTo(1.0, within(1e-9));
        }
    }

    private static double perplexity(NGramModel model, List<int[]> documents) {
        double nll = 0;
        int scored = 0;
        for (int[] doc : documents) {
            if (doc.length >= 2) {
                for (double lp : model.tokenLogProbs(doc)) {
                    nll -= lp;
                    scored++;
                }
            }
        }
        return Math.exp(nll / scored);
    }

    private static List<int[]> markovDocuments(RandomGenerator rng, int[][] next, int vocabularySize, int count) {
        List<int[]> docs = new ArrayList<>();
        for (int d = 0; d < count; d++) {
            int[] doc = new int[100];
            doc[0] = rng.nextInt(vocabularySize);
            doc[1] = rng.nextInt(vocabularySize);
            for (int i = 2; i < doc.length; i++) {
                int[] successors = next[doc[i - 2] * vocabularySize + doc[i - 1]];
                double u = rng.nextDouble();
                doc[i] = successors[u < 0.6 ? 0 : u < 0.9 ? 1 : 2];
            }
            docs.add(doc);
        }
        return docs;
    }

    @Test
    void modifiedDiscountsFollowChenAndGoodmanAndFallBackWhenCountsAreSparse() {
        // n1 = 100, n2 = 40, n3 = 20, n4 = 10: Y = 100/180
        double y = 100.0 / 180;
        assertThat(KneserNeyTrainer.modifiedDiscounts(new long[] {0, 100, 40, 20, 10}))
                .containsExactly(new double[] {1 - 2 * y * 40 / 100, 2 - 3 * y * 20 / 40, 3 - 4 * y * 10 / 20},
                        within(1e-15));
        assertThat(KneserNeyTrainer.modifiedDiscounts(new long[] {0, 3, 1, 0, 0})).containsExactly(0.6, 0.6, 0.6);
        assertThat(KneserNeyTrainer.modifiedDiscounts(new long[] {0, 0, 5, 0, 0})).containsExactly(0.5, 0.5, 0.5);
    }

    @Test
    void summaryAndAccessors() {
        NGramModel m = handModel();
        assertThat(m.order()).isEqualTo(2);
        assertThat(m.vocabularySize()).isEqualTo(3);
        assertThat(m.tokenCount()).isEqualTo(6);
        assertThat(m.options()).isEqualTo(new NGramOptions(2, 0.5));
        assertThat(m.toString()).isEqualTo(
                "NGramModel[order=2, V=3, tokens=6, documents=2, ngrams=[3, 5], KN discounts=[0.500/0.500/0.500, 0.500/0.500/0.500]]");
        m.discounts(1)[0] = 9;
        assertThat(m.discounts(1)[0]).isEqualTo(0.5);
    }

    @Test
    void inputsAreNotModifiedAndTheModelIsSafeToShareAcrossThreads() throws InterruptedException {
        RandomGenerator rng = Rngs.seeded(9);
        List<int[]> docs = randomCorpus(rng, 200, 60);
        List<int[]> copies = docs.stream().map(int[]::clone).toList();
        NGramModel model = NGramModel.train(docs, 60, 3);
        for (int i = 0; i < docs.size(); i++) {
            assertThat(docs.get(i)).containsExactly(copies.get(i));
        }
        int[] context = {1, 2, 3};
        double[] expected = model.nextTokenLogits(context);
        double[][] seen = new double[4][];
        Thread[] threads = new Thread[seen.length];
        for (int t = 0; t < threads.length; t++) {
            int slot = t;
            threads[t] = new Thread(() -> {
                double[] last = null;
                for (int r = 0; r < 200; r++) {
                    last = model.nextTokenLogits(context);
                }
                seen[slot] = last;
            });
            threads[t].start();
        }
        for (Thread t : threads) {
            t.join();
        }
        for (double[] s : seen) {
            assertThat(s).containsExactly(expected);
        }
        assertThat(context).containsExactly(1, 2, 3);
    }

    static Stream<Arguments> badInputs() {
        NGramModel m = handModel();
        List<int[]> ok = List.of(new int[] {0, 1});
        List<int[]> withNull = new ArrayList<>();
        withNull.add(null);
        return Stream.of(
                Arguments.of("null documents", (Runnable) () -> NGramModel.train(null, 3, 2),
                        NullPointerException.class, "documents"),
                Arguments.of("null document", (Runnable) () -> NGramModel.train(withNull, 3, 2),
                        NullPointerException.class, "documents[0]"),
                Arguments.of("null options", (Runnable) () -> NGramModel.train(ok, 3, (NGramOptions) null),
                        NullPointerException.class, "options"),
                Arguments.of("vocabulary 0", (Runnable) () -> NGramModel.train(ok, 0, 2),
                        IllegalArgumentException.class, "vocabularySize must be > 0, got 0"),
                Arguments.of("order 0", (Runnable) () -> NGramModel.train(ok, 3, 0),
                        IllegalArgumentException.class, "order must be in [1, 5], got 0"),
                Arguments.of("order 6", (Runnable) () -> NGramModel.train(ok, 3, 6),
                        IllegalArgumentException.class, "order must be in [1, 5], got 6"),
                Arguments.of("id out of range", (Runnable) () -> NGramModel.train(List.of(new int[] {0, 3}), 3, 2),
                        IllegalArgumentException.class, "documents[0][1] must be a token id in [0, 3), got 3"),
                Arguments.of("no tokens", (Runnable) () -> NGramModel.train(List.of(new int[0]), 3, 2),
                        IllegalArgumentException.class, "documents must contain at least one token"),
                Arguments.of("discount NaN", (Runnable) () -> new NGramOptions(2, Double.NaN),
                        IllegalArgumentException.class, "discount must be in (0.0, 1.0], got NaN"),
                Arguments.of("discount 1.5", (Runnable) () -> NGramOptions.defaults().withDiscount(1.5),
                        IllegalArgumentException.class, "discount must be in (0.0, 1.0], got 1.5"),
                Arguments.of("null tokens", (Runnable) () -> m.nextTokenLogits(null, 0),
                        NullPointerException.class, "tokens"),
                Arguments.of("null context", (Runnable) () -> m.nextTokenLogits(null),
                        NullPointerException.class, "context"),
                Arguments.of("length too long", (Runnable) () -> m.nextTokenLogits(new int[] {0}, 2),
                        IllegalArgumentException.class, "length must be in [0, tokens.length = 1], got 2"),
                Arguments.of("negative length", (Runnable) () -> m.nextTokenLogits(new int[] {0}, -1),
                        IllegalArgumentException.class, "length must be in [0, tokens.length = 1], got -1"),
                Arguments.of("context id", (Runnable) () -> m.nextTokenLogits(new int[] {7}),
                        IllegalArgumentException.class, "tokens[0] must be a token id in [0, 3), got 7"),
                Arguments.of("negative context id", (Runnable) () -> m.nextTokenLogits(new int[] {-1}),
                        IllegalArgumentException.class, "tokens[0] must be a token id in [0, 3), got -1"),
                Arguments.of("null sequence", (Runnable) () -> m.tokenLogProbs(null),
                        NullPointerException.class, "tokens"),
                Arguments.of("short sequence", (Runnable) () -> m.tokenLogProbs(new int[] {1}),
                        IllegalArgumentException.class, "tokens.length must be >= 2"),
                Arguments.of("sequence id", (Runnable) () -> m.tokenLogProbs(new int[] {1, 3}),
                        IllegalArgumentException.class, "tokens[1] must be a token id in [0, 3), got 3"),
                Arguments.of("discounts order", (Runnable) () -> m.discounts(3),
                        IllegalArgumentException.class, "n must be in [1, 2], got 3"),
                Arguments.of("ngramCount order", (Runnable) () -> m.ngramCount(0),
                        IllegalArgumentException.class, "n must be in [1, 2], got 0"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badInputs")
    void badInputsFailWithTheParameterName(String name, Runnable call, Class<? extends Throwable> type, String message) {
        assertThatThrownBy(call::run).isInstanceOf(type).hasMessageContaining(message);
    }
}
