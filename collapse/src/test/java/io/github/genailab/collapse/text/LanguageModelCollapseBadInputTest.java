package io.github.genailab.collapse.text;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.genailab.collapse.Workflow;
import io.github.genailab.core.lm.DecodingOptions;
import io.github.genailab.core.lm.LanguageModel;
import io.github.genailab.core.math.Rngs;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Bad inputs of every public method of the package: the exception type, the parameter, the rule and the value. */
class LanguageModelCollapseBadInputTest {

    private static final LanguageModelCollapseOptions O = LanguageModelCollapseOptions.defaults();
    private static final LanguageModelCollapseOptions TINY = O.withTrainingTokens(256).withGenerations(1)
            .withDecoding(DecodingOptions.greedyDecoding());
    private static final LanguageModelCollapseResult RESULT = LanguageModelCollapse.run(TINY, Rngs.seeded(1));
    private static final LanguageModelCollapseEnsemble ENSEMBLE = new LanguageModelCollapseEnsemble(TINY,
            List.of(RESULT));

    private static LanguageModel vocabulary(int v) {
        return new LanguageModel() {
            @Override
            public int vocabularySize() {
                return v;
            }

            @Override
            public double[] nextTokenLogits(int[] tokens, int length) {
                return new double[v];
            }
        };
    }

    private static double[][] values(int columns) {
        double[][] v = new double[LanguageModelCollapseMetric.values().length][columns];
        return v;
    }

    static Stream<Arguments> cases() {
        List<int[]> docs = List.of(new int[] {1, 2});
        List<int[]> withNull = new ArrayList<>();
        withNull.add(null);
        return Stream.of(
                // options
                bad("order must be in [1, 5], got 0", IllegalArgumentException.class, () -> O.withOrder(0)),
                bad("order must be in [1, 5], got 6", IllegalArgumentException.class, () -> O.withOrder(6)),
                bad("trainingTokens must be >= 2 * blockLength = 128, got 127", IllegalArgumentException.class,
                        () -> O.withTrainingTokens(127)),
                bad("blockLength must be >= 2, got 1", IllegalArgumentException.class, () -> O.withBlockLength(1)),
                bad("trainingTokens must be >= 2 * blockLength", IllegalArgumentException.class,
                        () -> O.withBlockLength(40_000)),
                bad("promptLength", IllegalArgumentException.class, () -> O.withPromptLength(-1)),
                bad("promptLength", IllegalArgumentException.class, () -> O.withPromptLength(65)),
                bad("decoding", NullPointerException.class, () -> O.withDecoding(null)),
                bad("workflow", NullPointerException.class, () -> O.withWorkflow(null)),
                bad("workflow must be replace, accumulate, accumulateSubsample or keepOriginal(fraction), got "
                        + "freshData(5)", IllegalArgumentException.class, () -> O.withWorkflow(Workflow.freshData(5))),
                bad("generations must be in [0, 100000], got -1", IllegalArgumentException.class,
                        () -> O.withGenerations(-1)),
                bad("generations must be in [0, 100000], got 2147483647", IllegalArgumentException.class,
                        () -> O.withGenerations(Integer.MAX_VALUE)),
                bad("judge", NullPointerException.class, () -> O.withJudge(null)),
                // run
                bad("options", NullPointerException.class, () -> LanguageModelCollapse.run(null, Rngs.seeded(1))),
                bad("rng", NullPointerException.class, () -> LanguageModelCollapse.run(TINY, null)),
                bad("listener", NullPointerException.class, () -> LanguageModelCollapse.run(TINY, Rngs.seeded(1),
                        null)),
                bad("trainingTokens must be <= ", IllegalArgumentException.class,
                        () -> LanguageModelCollapse.run(O.withTrainingTokens(100_000_000), Rngs.seeded(1))),
                bad("judge.vocabularySize must equal the Shakespeare tokenizer's 4096, got 10",
                        IllegalArgumentException.class, () -> LanguageModelCollapse.run(TINY.withJudge(vocabulary(10)),
                                Rngs.seeded(1))),
                bad("options", NullPointerException.class, () -> LanguageModelCollapse.runs(null, 1, Rngs.seeded(1), 1,
                        (s, c, t) -> { })),
                bad("runs must be > 0, got 0", IllegalArgumentException.class,
                        () -> LanguageModelCollapse.runs(TINY, 0, Rngs.seeded(1), 1, (s, c, t) -> { })),
                bad("threads must be > 0, got 0", IllegalArgumentException.class,
                        () -> LanguageModelCollapse.runs(TINY, 1, Rngs.seeded(1), 0, (s, c, t) -> { })),
                bad("rng", NullPointerException.class, () -> LanguageModelCollapse.runs(TINY, 1, null, 1,
                        (s, c, t) -> { })),
                bad("listener", NullPointerException.class, () -> LanguageModelCollapse.runs(TINY, 1, Rngs.seeded(1), 1,
                        null)),
                bad("trainingTokens must be <= ", IllegalArgumentException.class,
                        () -> LanguageModelCollapse.runs(O.withTrainingTokens(100_000_000), 1, Rngs.seeded(1), 1,
                                (s, c, t) -> { })),
                bad("options", NullPointerException.class, () -> LanguageModelCollapse.realTrainingDocuments(null)),
                // result
                bad("generation must be in [0, 1], got -1", IllegalArgumentException.class,
                        () -> RESULT.sequencePerplexities(-1)),
                bad("generation must be in [0, 1], got 2", IllegalArgumentException.class,
                        () -> RESULT.sequencePerplexityHistogram(2, new double[] {1, 2})),
                bad("edges", NullPointerException.class, () -> RESULT.sequencePerplexityHistogram(0, null)),
                bad("edges.length must be >= 2, got 1", IllegalArgumentException.class,
                        () -> RESULT.sequencePerplexityHistogram(0, new double[] {1})),
                bad("edges[1] must be > edges[0] = 2.0, got 2.0", IllegalArgumentException.class,
                        () -> RESULT.sequencePerplexityHistogram(0, new double[] {2, 2})),
                bad("edges[1]", IllegalArgumentException.class,
                        () -> RESULT.sequencePerplexityHistogram(0, new double[] {1, Double.NaN})),
                bad("metric", NullPointerException.class, () -> RESULT.series(null)),
                bad("options", NullPointerException.class, () -> new LanguageModelCollapseResult(null, values(2),
                        new double[2][1], new int[2][1])),
                bad("values", IllegalArgumentException.class, () -> new LanguageModelCollapseResult(TINY,
                        new double[1][2], new double[][] {{1}, {1}}, new int[2][1])),
                bad("values[0]", IllegalArgumentException.class, () -> new LanguageModelCollapseResult(TINY,
                        values(3), new double[][] {{1}, {1}}, new int[2][1])),
                bad("sequencePerplexities", IllegalArgumentException.class, () -> new LanguageModelCollapseResult(TINY,
                        values(2), new double[][] {{1}}, new int[2][1])),
                bad("sequencePerplexities[1]", IllegalArgumentException.class,
                        () -> new LanguageModelCollapseResult(TINY, values(2), new double[][] {{1}, {}},
                                new int[2][1])),
                bad("sampleDocuments[0]", NullPointerException.class, () -> new LanguageModelCollapseResult(TINY,
                        values(2), new double[][] {{1}, {1}}, new int[][] {null, {1}})),
                // ensemble
                bad("metric", NullPointerException.class, () -> ENSEMBLE.mean(null)),
                bad("metric", NullPointerException.class, () -> ENSEMBLE.sd(null)),
                bad("runs must not be empty", IllegalArgumentException.class,
                        () -> new LanguageModelCollapseEnsemble(TINY, List.of())),
                bad("runs[0].options must equal options", IllegalArgumentException.class,
                        () -> new LanguageModelCollapseEnsemble(TINY.withGenerations(2), List.of(RESULT))),
                bad("runs", NullPointerException.class, () -> new LanguageModelCollapseEnsemble(TINY, null)),
                // text support
                bad("documents", NullPointerException.class, () -> TextSupport.distinctTokens(null)),
                bad("documents[0]", NullPointerException.class, () -> TextSupport.distinctNgrams(withNull, 1)),
                bad("documents[0][1] must be a token id >= 0, got -3", IllegalArgumentException.class,
                        () -> TextSupport.distinctNgrams(List.of(new int[] {1, -3}), 1)),
                bad("n must be > 0, got 0", IllegalArgumentException.class, () -> TextSupport.distinctNgrams(docs, 0)),
                bad("current", NullPointerException.class, () -> TextSupport.keptMass(docs, null, 1)),
                bad("current[0][0] must be a token id >= 0, got -1", IllegalArgumentException.class,
                        () -> TextSupport.keptMass(docs, List.of(new int[] {-1}), 1)),
                bad("n must be > 0, got -2", IllegalArgumentException.class, () -> TextSupport.keptMass(docs, docs, -2)),
                bad("documents", NullPointerException.class, () -> TextSupport.zipfExponent((List<int[]>) null)),
                bad("original", NullPointerException.class, () -> TextSupport.keptMass(null, docs, 1)),
                bad("documents[0][0]", IllegalArgumentException.class,
                        () -> TextSupport.zipfExponent(List.of(new int[] {-5}))));
    }

    private static Arguments bad(String message, Class<? extends Throwable> type, ThrowingCallable call) {
        return Arguments.of(message, type, call);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void badInputsNameTheParameterTheRuleAndTheValue(String message, Class<? extends Throwable> type,
            ThrowingCallable call) {
        assertThatThrownBy(call).isInstanceOf(type).hasMessageContaining(message);
    }
}
