package io.github.genailab.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.genailab.core.lm.Decoder;
import io.github.genailab.core.lm.DecodingOptions;
import io.github.genailab.core.lm.NGramModel;
import io.github.genailab.core.lm.NGramOptions;
import io.github.genailab.core.math.Checks;
import io.github.genailab.core.math.LogMath;
import io.github.genailab.core.math.PairwiseSum;
import io.github.genailab.core.math.Rngs;
import io.github.genailab.core.stats.NormalTail;
import io.github.genailab.core.stats.RocCurve;
import io.github.genailab.core.text.BpeTokenizer;
import io.github.genailab.core.text.Corpora;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Issue 19: every public entry point of core called with generated arguments (see {@link Fuzzer}). */
class CoreFuzzTest {

    @Test
    void everyEntryPointKeepsTheContract() {
        BpeTokenizer tokenizer = BpeTokenizer.train("the cat sat on the mat and the dog sat on the log", 270);
        NGramModel model = NGramModel.train(List.of(tokenizer.encode("the cat sat on the mat")), tokenizer.vocabularySize(), 2);
        Fuzzer.Report report = Fuzzer.create(2000, 30)
                .sample(BpeTokenizer.class, tokenizer)
                .sample(NGramModel.class, model)
                .sample(io.github.genailab.core.lm.LanguageModel.class, model)
                .sample(DecodingOptions.class, DecodingOptions.greedyDecoding(), DecodingOptions.sampling(0.7))
                .sample(NGramOptions.class, NGramOptions.defaults())
                .sample(RocCurve.class, RocCurve.of(new double[] {0.1, 0.4, 0.35, 0.8}, new boolean[] {false, false, true, true}))
                .run(19, Decoder.class, DecodingOptions.class, NGramModel.class, NGramOptions.class, BpeTokenizer.class,
                        Corpora.class, LogMath.class, PairwiseSum.class, Rngs.class, NormalTail.class, RocCurve.class,
                        Checks.class);
        System.out.println("core fuzz: " + report);
        assertThat(report.defects()).as(report.toString()).isEmpty();
    }
}
