package io.github.genailab.collapse.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.github.genailab.collapse.Workflow;
import io.github.genailab.core.lm.Decoder;
import io.github.genailab.core.lm.DecodingOptions;
import io.github.genailab.core.lm.LanguageModel;
import io.github.genailab.core.lm.NGramModel;
import io.github.genailab.core.math.Rngs;
import io.github.genailab.core.text.BpeTokenizer;
import io.github.genailab.core.text.Corpora;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The language-model collapse pipeline on small seeded configurations (64 blocks of 64 tokens, a few
 * generations): corpus sizes and mixing proportions, determinism, the direction of the effects the paper
 * reports, and every metric against a direct recomputation.
 */
class LanguageModelCollapseTest {

    /** 4,096 real tokens in 64 blocks, trigrams, 3 generations. */
    private static final LanguageModelCollapseOptions SMALL = LanguageModelCollapseOptions.defaults()
            .withTrainingTokens(4096).withGenerations(3);
    private static final int B = 64;
    private static final int L = 64;

    private static LanguageModelCollapseResult run(LanguageModelCollapseOptions options, long seed) {
        return LanguageModelCollapse.run(options, Rngs.seeded(seed));
    }

    private static double[] metric(LanguageModelCollapseResult r, LanguageModelCollapseMetric m) {
        return r.series(m);
    }

    @Test
    void corpusSizesAndMixingProportionsFollowTheWorkflow() {
        LanguageModelCollapseResult replace = run(SMALL, 1);
        LanguageModelCollapseResult accumulate = run(SMALL.withWorkflow(Workflow.accumulate()), 1);
        LanguageModelCollapseResult keep = run(SMALL.withWorkflow(Workflow.keepOriginal(0.1)), 1);
        LanguageModelCollapseResult subsample = run(SMALL.withWorkflow(Workflow.accumulateSubsample()), 1);
        int m = Workflow.keepOriginal(0.1).originalShare(B, B);
        assertThat(m).isEqualTo(6); // round(0.1 * 64)
        for (int n = 0; n <= 3; n++) {
            assertThat(metric(replace, LanguageModelCollapseMetric.TRAINING_TOKENS)[n]).isEqualTo(B * L);
            assertThat(metric(replace, LanguageModelCollapseMetric.ORIGINAL_TOKENS)[n]).isEqualTo(n == 0 ? B * L : 0);
            assertThat(replace.sequencePerplexities(n)).hasSize(B);
            assertThat(metric(accumulate, LanguageModelCollapseMetric.TRAINING_TOKENS)[n]).isEqualTo((n + 1) * B * L);
            assertThat(metric(accumulate, LanguageModelCollapseMetric.ORIGINAL_TOKENS)[n]).isEqualTo(B * L);
            assertThat(accumulate.sequencePerplexities(n)).hasSize(B);
            assertThat(metric(keep, LanguageModelCollapseMetric.TRAINING_TOKENS)[n]).isEqualTo(B * L);
            assertThat(metric(keep, LanguageModelCollapseMetric.ORIGINAL_TOKENS)[n]).isEqualTo(n == 0 ? B * L : m * L);
            assertThat(keep.sequencePerplexities(n)).hasSize(n == 0 ? B : B - m);
            assertThat(metric(subsample, LanguageModelCollapseMetric.TRAINING_TOKENS)[n]).isEqualTo(B * L);
            for (LanguageModelCollapseResult r : List.of(replace, accumulate, keep, subsample)) {
                assertThat(r.sampleDocuments()[n]).hasSize(L);
            }
        }
        // accumulateSubsample at generation 1 draws 64 of 128 pooled blocks, 64 of them real: hypergeometric,
        // mean 32 real blocks, sd sqrt(64 * 1/2 * 1/2 * 64/127) = 2.84; over seeds the mean stays within 4 se.
        double realBlocks = 0;
        int seeds = 12;
        for (long seed = 1; seed <= seeds; seed++) {
            LanguageModelCollapseResult r = run(SMALL.withGenerations(1).withWorkflow(Workflow.accumulateSubsample())
                    .withDecoding(DecodingOptions.greedyDecoding()), seed);
            double original = metric(r, LanguageModelCollapseMetric.ORIGINAL_TOKENS)[1];
            assertThat(original % L).isZero();
            realBlocks += original / L;
        }
        assertThat(realBlocks / seeds).isCloseTo(32, within(4 * 2.84 / Math.sqrt(seeds)));
    }

    @Test
    void sameSeedSameResultOtherSeedOtherTextAndThreadCountDoesNotMatter() {
        LanguageModelCollapseOptions o = SMALL.withGenerations(2);
        assertThat(run(o, 5)).isEqualTo(run(o, 5));
        assertThat(run(o, 5).sampleDocuments()[1]).isNotEqualTo(run(o, 6).sampleDocuments()[1]);
        LanguageModelCollapseEnsemble one = LanguageModelCollapse.runs(o, 3, Rngs.seeded(9), 1,
                (stage, done, total) -> { });
        LanguageModelCollapseEnsemble two = LanguageModelCollapse.runs(o, 3, Rngs.seeded(9), 2,
                (stage, done, total) -> { });
        assertThat(two.runs()).isEqualTo(one.runs());
        assertThat(two.toCsv()).isEqualTo(one.toCsv());
    }

    @Test
    void generationZeroIsTheRealTextWhateverTheWorkflowAndDecoding() {
        LanguageModelCollapseResult a = run(SMALL.withGenerations(1), 1);
        LanguageModelCollapseResult b = run(SMALL.withGenerations(1).withWorkflow(Workflow.accumulate())
                .withDecoding(DecodingOptions.greedyDecoding()), 2);
        for (LanguageModelCollapseMetric m : LanguageModelCollapseMetric.values()) {
            assertThat(metric(a, m)[0]).as(m.toString()).isEqualTo(metric(b, m)[0]);
        }
        List<int[]> real = LanguageModelCollapse.realTrainingDocuments(SMALL);
        assertThat(a.sampleDocuments()[0]).isEqualTo(real.get(0));
        NGramModel model = NGramModel.train(real, Corpora.SHAKESPEARE_VOCABULARY_SIZE, 3);
        assertThat(a.heldOutPerplexity()[0]).isCloseTo(directPerplexity(model, LanguageModelCollapse.heldOutDocuments()),
                within(1e-9 * a.heldOutPerplexity()[0]));
        // the real blocks are the start of the training split, and the held-out text is not in it
        String start = Corpora.shakespeareTokenizer().decode(real.get(0));
        assertThat(Corpora.tinyShakespeare()).startsWith(start);
        assertThat(LanguageModelCollapse.heldOutDocuments()).isNotEmpty();
    }

    @Test
    void heldOutPerplexityRisesUnderReplaceAndStaysInABandUnderAccumulate() {
        // 8,192 real tokens, trigrams, sampling at temperature 1, 4 generations, 2 seeds each.
        LanguageModelCollapseOptions o = SMALL.withTrainingTokens(8192).withGenerations(4);
        for (long seed = 1; seed <= 2; seed++) {
            double[] replace = run(o, seed).heldOutPerplexity();
            double[] accumulate = run(o.withWorkflow(Workflow.accumulate()), seed).heldOutPerplexity();
            double[] keep = run(o.withWorkflow(Workflow.keepOriginal(0.1)), seed).heldOutPerplexity();
            assertThat(replace).hasSize(5);
            for (int n = 1; n < replace.length; n++) {
                assertThat(replace[n]).as("replace, generation %d", n).isGreaterThan(replace[n - 1]);
                // the stated band: accumulating stays within [1, 1.5] x generation 0 over these 4 generations
                assertThat(accumulate[n] / accumulate[0]).as("accumulate, generation %d", n).isBetween(1.0, 1.5);
                assertThat(keep[n]).as("keep 10%%, generation %d", n).isLessThan(replace[n]);
            }
            assertThat(replace[4] / replace[0]).isGreaterThan(1.5);
        }
    }

    @Test
    void greedyAndBeamSearchCollapseFasterThanSamplingAtTemperatureOne() {
        LanguageModelCollapseOptions o = SMALL.withGenerations(2);
        LanguageModelCollapseResult sampling = run(o, 3);
        LanguageModelCollapseResult greedy = run(o.withDecoding(DecodingOptions.greedyDecoding()), 3);
        LanguageModelCollapseResult beam = run(o.withDecoding(DecodingOptions.beamSearch(5)), 3);
        for (LanguageModelCollapseResult fast : List.of(greedy, beam)) {
            for (int n = 1; n <= 2; n++) {
                assertThat(fast.heldOutPerplexity()[n]).isGreaterThan(sampling.heldOutPerplexity()[n]);
                assertThat(fast.distinctTokens()[n]).isLessThan(sampling.distinctTokens()[n] / 4);
                assertThat(metric(fast, LanguageModelCollapseMetric.NGRAM_MASS_KEPT)[n])
                        .isLessThan(metric(sampling, LanguageModelCollapseMetric.NGRAM_MASS_KEPT)[n]);
            }
        }
        // replace with sampling already loses original support: the original token mass kept falls below 1
        assertThat(metric(sampling, LanguageModelCollapseMetric.TOKEN_MASS_KEPT)[2]).isLessThan(1.0);
    }

    @Test
    void supportCountsAndSequencePerplexitiesMatchADirectRecomputation() {
        // Greedy decoding is deterministic, so generation 1 can be rebuilt here from scratch.
        LanguageModelCollapseOptions o = SMALL.withGenerations(1).withOrder(2).withPromptLength(5)
                .withDecoding(DecodingOptions.greedyDecoding());
        LanguageModelCollapseResult r = run(o, 1);
        int v = Corpora.SHAKESPEARE_VOCABULARY_SIZE;
        List<int[]> real = LanguageModelCollapse.realTrainingDocuments(o);
        NGramModel model0 = NGramModel.train(real, v, 2);
        List<int[]> generated = new ArrayList<>();
        for (int[] block : real) {
            generated.add(Decoder.generate(model0, Arrays.copyOf(block, 5), L, DecodingOptions.greedyDecoding(),
                    List.of(), Rngs.seeded(0)));
        }
        NGramModel model1 = NGramModel.train(generated, v, 2);
        List<List<int[]>> corpora = List.of(real, generated);
        for (int n = 0; n <= 1; n++) {
            List<int[]> text = corpora.get(n);
            assertThat(r.distinctTokens()[n]).isEqualTo(directDistinct(text, 1).size());
            assertThat(metric(r, LanguageModelCollapseMetric.DISTINCT_NGRAMS)[n]).isEqualTo(directDistinct(text, 2).size());
            assertThat(metric(r, LanguageModelCollapseMetric.TOKEN_MASS_KEPT)[n])
                    .isCloseTo(directKeptMass(real, text, 1), within(1e-12));
            assertThat(metric(r, LanguageModelCollapseMetric.NGRAM_MASS_KEPT)[n])
                    .isCloseTo(directKeptMass(real, text, 2), within(1e-12));
            assertThat(metric(r, LanguageModelCollapseMetric.ZIPF_EXPONENT)[n])
                    .isEqualTo(TextSupport.zipfExponent(text));
            double[] ppl = r.sequencePerplexities(n);
            for (int i = 0; i < text.size(); i++) {
                assertThat(ppl[i]).isCloseTo(directPerplexity(model0, List.of(text.get(i))), within(1e-9 * ppl[i]));
            }
            double[] sorted = ppl.clone();
            Arrays.sort(sorted);
            assertThat(metric(r, LanguageModelCollapseMetric.SEQUENCE_PERPLEXITY_MEDIAN)[n])
                    .isCloseTo((sorted[31] + sorted[32]) / 2, within(1e-12));
            assertThat(metric(r, LanguageModelCollapseMetric.SEQUENCE_PERPLEXITY_P05)[n])
                    .isCloseTo(sorted[3] + 0.15 * (sorted[4] - sorted[3]), within(1e-9)); // 0.05 * 63 = 3.15
            assertThat(metric(r, LanguageModelCollapseMetric.SEQUENCE_PERPLEXITY_P95)[n])
                    .isCloseTo(sorted[59] + 0.85 * (sorted[60] - sorted[59]), within(1e-9)); // 0.95 * 63 = 59.85
        }
        assertThat(r.sampleDocuments()[1]).isEqualTo(generated.get(0));
        assertThat(r.heldOutPerplexity()[1]).isCloseTo(directPerplexity(model1, LanguageModelCollapse.heldOutDocuments()),
                within(1e-9 * r.heldOutPerplexity()[1]));
        // the tails go first: every token lost from the real text was rarer than every token kept ... on average
        assertThat(r.distinctTokens()[1]).isLessThan(r.distinctTokens()[0]);
    }

    @Test
    void aJudgeScoresEveryGenerationsText() {
        LanguageModel uniform = new LanguageModel() {
            @Override
            public int vocabularySize() {
                return Corpora.SHAKESPEARE_VOCABULARY_SIZE;
            }

            @Override
            public double[] nextTokenLogits(int[] tokens, int length) {
                return new double[Corpora.SHAKESPEARE_VOCABULARY_SIZE];
            }
        };
        LanguageModelCollapseResult r = run(SMALL.withGenerations(1).withJudge(uniform), 1);
        for (int n = 0; n <= 1; n++) {
            for (double p : r.sequencePerplexities(n)) {
                assertThat(p).isCloseTo(4096, within(1e-9));
            }
        }
        // the judge changes only the sequence perplexities
        LanguageModelCollapseResult own = run(SMALL.withGenerations(1), 1);
        assertThat(r.heldOutPerplexity()).isEqualTo(own.heldOutPerplexity());
        assertThat(r.distinctTokens()).isEqualTo(own.distinctTokens());
        assertThat(SMALL.withJudge(uniform).withGenerationZeroJudge()).isEqualTo(SMALL);
        assertThat(SMALL.withJudge(uniform).toString()).endsWith(", judge=a custom LanguageModel]");
    }

    @Test
    void aJudgeWithItsOwnTokenizerScoresTheReEncodedText() {
        // A judge over another vocabulary, as a pretrained checkpoint is: a bigram over a 300-token BPE.
        BpeTokenizer judgeTokenizer = BpeTokenizer.train(String.join("\n\n",
                Corpora.tinyShakespearePassages().subList(0, 200)), 300);
        List<int[]> judgeText = new java.util.ArrayList<>();
        for (String passage : Corpora.tinyShakespearePassages().subList(0, 200)) {
            judgeText.add(judgeTokenizer.encode(passage));
        }
        NGramModel judge = NGramModel.train(judgeText, judgeTokenizer.vocabularySize(), 2);
        LanguageModelCollapseResult r = run(SMALL.withGenerations(1).withJudge(judge, judgeTokenizer), 1);
        LanguageModelCollapseResult own = run(SMALL.withGenerations(1), 1);
        assertThat(r.heldOutPerplexity()).isEqualTo(own.heldOutPerplexity());
        for (int n = 0; n <= 1; n++) {
            int[] first = r.sampleDocuments()[n];
            double[] lp = judge.tokenLogProbs(judgeTokenizer.encode(Corpora.shakespeareTokenizer().decode(first)));
            double mean = -java.util.Arrays.stream(lp).sum() / lp.length;
            assertThat(r.sequencePerplexities(n)[0]).isCloseTo(Math.exp(mean), within(1e-9 * Math.exp(mean)));
            assertThat(r.sequencePerplexities(n)).isNotEqualTo(own.sequencePerplexities(n));
        }
        assertThatThrownBy(() -> SMALL.withJudge(judge, Corpora.shakespeareTokenizer()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("judgeTokenizer.vocabularySize must be <= judge.vocabularySize 300, got 4096");
        assertThatThrownBy(() -> SMALL.withJudge(judge, null)).isInstanceOf(NullPointerException.class)
                .hasMessageContaining("judgeTokenizer");
    }

    @Test
    void theResultPrintsOneLineWritesCsvAndBinsItsSequencePerplexities(@TempDir Path dir) throws IOException {
        LanguageModelCollapseResult r = run(SMALL.withGenerations(2), 4);
        String line = r.toString();
        assertThat(line).doesNotContain("\n").startsWith("LanguageModelCollapseResult[replace, DecodingOptions[sampling")
                .contains("64 blocks of 64").contains("held-out perplexity ").contains("distinct tokens ")
                .contains("distinct 3-grams ").contains("Zipf exponent ");
        String csv = r.toCsv();
        String[] lines = csv.split("\n");
        assertThat(lines).hasSize(4);
        assertThat(lines[0]).isEqualTo("generation,held_out_perplexity,training_tokens,original_tokens,distinct_tokens,"
                + "distinct_ngrams,token_mass_kept,ngram_mass_kept,zipf_exponent,sequence_perplexity_median,"
                + "sequence_perplexity_p05,sequence_perplexity_p95");
        assertThat(lines[1]).startsWith("0," + r.heldOutPerplexity()[0] + ",");
        r.writeCsv(dir.resolve("run.csv"));
        assertThat(Files.readString(dir.resolve("run.csv"))).isEqualTo(csv);
        for (int n = 0; n <= 2; n++) {
            double[] ppl = r.sequencePerplexities(n);
            double lo = Arrays.stream(ppl).min().orElseThrow();
            double hi = Arrays.stream(ppl).max().orElseThrow();
            double[] edges = {lo, Math.sqrt(lo * hi), hi};
            long[] counts = r.sequencePerplexityHistogram(n, edges);
            assertThat(counts[0] + counts[1]).isEqualTo(ppl.length);
            long below = Arrays.stream(ppl).filter(p -> p < edges[1]).count();
            assertThat(counts[0]).isEqualTo(below);
            assertThat(r.sequencePerplexityHistogram(n, new double[] {hi + 1, hi + 2})).containsExactly(0);
        }
        // the accessors hand out copies
        r.values()[0][0] = -1;
        r.sequencePerplexities()[0][0] = -1;
        r.sampleDocuments()[0][0] = -1;
        r.heldOutPerplexity()[0] = -1;
        assertThat(r).isEqualTo(run(SMALL.withGenerations(2), 4));
    }

    @Test
    void theEnsembleReportsMeanAndSpreadOverSeeds() {
        LanguageModelCollapseOptions o = SMALL.withGenerations(1);
        List<String> stages = new ArrayList<>();
        LanguageModelCollapseEnsemble e = LanguageModelCollapse.runs(o, 3, Rngs.seeded(2), 1,
                (stage, done, total) -> stages.add(stage + " " + done + "/" + total));
        assertThat(stages).containsExactly("runs 1/3", "runs 2/3", "runs 3/3");
        double[] x = new double[3];
        for (int i = 0; i < 3; i++) {
            x[i] = e.runs().get(i).heldOutPerplexity()[1];
        }
        double mean = (x[0] + x[1] + x[2]) / 3;
        double sd = Math.sqrt(((x[0] - mean) * (x[0] - mean) + (x[1] - mean) * (x[1] - mean)
                + (x[2] - mean) * (x[2] - mean)) / 2);
        assertThat(e.mean(LanguageModelCollapseMetric.HELD_OUT_PERPLEXITY)[1]).isCloseTo(mean, within(1e-9));
        assertThat(e.sd(LanguageModelCollapseMetric.HELD_OUT_PERPLEXITY)[1]).isCloseTo(sd, within(1e-9)).isPositive();
        assertThat(e.sd(LanguageModelCollapseMetric.HELD_OUT_PERPLEXITY)[0]).isZero();
        assertThat(e.toString()).doesNotContain("\n").startsWith("LanguageModelCollapseEnsemble[3 runs, replace")
                .contains("held-out perplexity").contains(" ± ");
        assertThat(e.toCsv().split("\n")[0]).startsWith("generation,mean_held_out_perplexity,sd_held_out_perplexity,");
        LanguageModelCollapseEnsemble single = new LanguageModelCollapseEnsemble(o, List.of(e.runs().get(0)));
        assertThat(single.sd(LanguageModelCollapseMetric.HELD_OUT_PERPLEXITY)[1]).isZero();
        assertThat(single.toString()).doesNotContain("±");
    }

    @Test
    void progressReportsEveryGeneration() {
        List<String> stages = new ArrayList<>();
        LanguageModelCollapse.run(SMALL.withGenerations(2).withDecoding(DecodingOptions.greedyDecoding()),
                Rngs.seeded(1), (stage, done, total) -> stages.add(stage + " " + done + "/" + total));
        assertThat(stages).containsExactly("generation 1/3", "generation 2/3", "generation 3/3");
    }

    @Test
    void theContractCallWorksWithEveryNamedWorkflow() {
        for (Workflow w : List.of(Workflow.replace(), Workflow.accumulate(), Workflow.keepOriginal(0.1))) {
            LanguageModelCollapseResult r = LanguageModelCollapse.run(LanguageModelCollapseOptions.defaults()
                    .withTrainingTokens(2048).withGenerations(2).withWorkflow(w), Rngs.seeded(1));
            double[] ppl = r.heldOutPerplexity();
            int[] distinct = r.distinctTokens();
            assertThat(ppl).hasSize(3);
            assertThat(distinct).hasSize(3);
            for (int n = 0; n < 3; n++) {
                assertThat(ppl[n]).isFinite().isGreaterThan(1);
                assertThat(distinct[n]).isBetween(1, 4096);
            }
        }
        assertThat(LanguageModelCollapseOptions.defaults().toString()).isEqualTo("LanguageModelCollapseOptions[order=3, "
                + "tokens=65536 (1024 blocks of 64), prompt=8, DecodingOptions[sampling, temperature=1.0], replace, "
                + "generations=10, judge=generation 0]");
    }

    static double directPerplexity(LanguageModel model, List<int[]> documents) {
        double total = 0;
        long count = 0;
        for (int[] doc : documents) {
            if (doc.length < 2) {
                continue;
            }
            for (int i = 1; i < doc.length; i++) {
                double[] logits = model.nextTokenLogits(doc, i);
                double max = Arrays.stream(logits).max().orElseThrow();
                double s = 0;
                for (double l : logits) {
                    s += Math.exp(l - max);
                }
                total -= logits[doc[i]] - max - Math.log(s);
                count++;
            }
        }
        return Math.exp(total / count);
    }

    static Map<String, Integer> directDistinct(List<int[]> docs, int n) {
        Map<String, Integer> counts = new HashMap<>();
        for (int[] doc : docs) {
            for (int i = 0; i + n <= doc.length; i++) {
                counts.merge(Arrays.toString(Arrays.copyOfRange(doc, i, i + n)), 1, Integer::sum);
            }
        }
        return counts;
    }

    static double directKeptMass(List<int[]> original, List<int[]> current, int n) {
        Set<String> present = new HashSet<>(directDistinct(current, n).keySet());
        long total = 0;
        long kept = 0;
        for (Map.Entry<String, Integer> e : directDistinct(original, n).entrySet()) {
            total += e.getValue();
            if (present.contains(e.getKey())) {
                kept += e.getValue();
            }
        }
        return (double) kept / total;
    }
}
