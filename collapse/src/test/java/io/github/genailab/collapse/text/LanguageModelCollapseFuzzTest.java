package io.github.genailab.collapse.text;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.genailab.collapse.Workflow;
import io.github.genailab.core.lm.DecodingOptions;
import io.github.genailab.core.math.Rngs;
import io.github.genailab.fuzz.Fuzzer;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Issue 19 for the text package: every public entry point called with generated arguments. */
class LanguageModelCollapseFuzzTest {

    @Test
    void everyEntryPointKeepsTheContract() {
        LanguageModelCollapseOptions tiny = LanguageModelCollapseOptions.defaults().withTrainingTokens(256)
                .withGenerations(1).withDecoding(DecodingOptions.greedyDecoding());
        LanguageModelCollapseResult result = LanguageModelCollapse.run(tiny, Rngs.seeded(1));
        Fuzzer.Report report = Fuzzer.create(5000, 10)
                .sample(LanguageModelCollapseOptions.class, tiny, tiny.withWorkflow(Workflow.keepOriginal(0.5)))
                .sample(LanguageModelCollapseResult.class, result)
                .sample(LanguageModelCollapseEnsemble.class, new LanguageModelCollapseEnsemble(tiny, List.of(result)))
                .sample(DecodingOptions.class, DecodingOptions.greedyDecoding(), DecodingOptions.beamSearch(2))
                .sample(Workflow.class, Workflow.replace(), Workflow.accumulate())
                .run(19, LanguageModelCollapse.class, LanguageModelCollapseOptions.class,
                        LanguageModelCollapseResult.class, LanguageModelCollapseEnsemble.class, TextSupport.class);
        System.out.println("collapse.text fuzz: " + report);
        assertThat(report.defects()).as(report.toString()).isEmpty();
    }
}
