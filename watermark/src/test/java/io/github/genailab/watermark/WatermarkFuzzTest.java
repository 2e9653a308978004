package io.github.genailab.watermark;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.genailab.fuzz.Fuzzer;
import io.github.genailab.core.lm.LanguageModel;
import io.github.genailab.core.math.Rngs;
import io.github.genailab.core.text.Corpora;
import io.github.genailab.core.text.Tokenizer;
import io.github.genailab.watermark.attack.Attack;
import io.github.genailab.watermark.attack.CopyPaste;
import io.github.genailab.watermark.attack.EmojiAttack;
import io.github.genailab.watermark.eval.ComparisonRow;
import io.github.genailab.watermark.eval.WatermarkComparison;
import io.github.genailab.watermark.eval.WatermarkComparisonOptions;
import io.github.genailab.watermark.eval.WatermarkComparisonResult;
import io.github.genailab.watermark.families.dipmark.DipmarkWatermark;
import io.github.genailab.watermark.families.ewd.EwdWatermark;
import io.github.genailab.watermark.families.exp.ExpWatermark;
import io.github.genailab.watermark.families.expedit.ExpEditWatermark;
import io.github.genailab.watermark.families.kgw.KgwWatermark;
import io.github.genailab.watermark.families.pf.PermuteAndFlipWatermark;
import io.github.genailab.watermark.families.sweet.SweetWatermark;
import io.github.genailab.watermark.families.synthid.SynthIdWatermark;
import io.github.genailab.watermark.families.unbiased.UnbiasedWatermark;
import io.github.genailab.watermark.families.unigram.UnigramWatermark;
import java.util.random.RandomGenerator;
import io.github.genailab.watermark.theory.WatermarkTheory;
import io.github.genailab.watermark.torch.TorchCpuRandom;
import io.github.genailab.watermark.torch.TorchRandperm;
import org.junit.jupiter.api.Test;

/** Issue 19: every public entry point of the watermark module called with generated arguments. */
class WatermarkFuzzTest {

    @Test
    void everyEntryPointKeepsTheContract() {
        WatermarkScheme reference = WatermarkScheme.reference("lefthash", 100, 0.25, 2.0);
        WatermarkScheme keyed = WatermarkScheme.keyed(WatermarkKey.of(1, 2), 1, false, 100, 0.25, 2.0);
        Fuzzer.Report report = Fuzzer.create(2000, 30)
                .sample(WatermarkScheme.class, reference, keyed)
                .sample(ReferenceScheme.class, reference)
                .sample(KeyedScheme.class, keyed)
                .sample(WatermarkKey.class, WatermarkKey.of(1, 2))
                .sample(WatermarkDetector.class, WatermarkDetector.of(reference))
                .sample(WatermarkLogitsProcessor.class, WatermarkLogitsProcessor.of(reference))
                .sample(Attack.class, Attack.deletion(0.1))
                .sample(TorchRandperm.class, TorchRandperm.of(100))
                .run(19, WatermarkScheme.class, ReferenceScheme.class, KeyedScheme.class, WatermarkKey.class,
                        WatermarkDetector.class, WatermarkLogitsProcessor.class, Detection.class, Attack.class,
                        WatermarkTheory.class, TorchCpuRandom.class, TorchRandperm.class, Prf.class);
        System.out.println("watermark fuzz: " + report);
        assertThat(report.defects()).as(report.toString()).isEmpty();
    }

    /** Issue 15: the families, the registry, the new attacks and the comparison's records. */
    @Test
    void everyFamilyEntryPointKeepsTheContract() {
        int v = 100;
        LanguageModel model = new ToyLanguageModel(v, 4.0);
        Watermark[] families = {KgwWatermark.of(v, 1), UnigramWatermark.of(v, 1), SweetWatermark.of(v, 1),
            EwdWatermark.of(v, 1), UnbiasedWatermark.of(v, 1L), DipmarkWatermark.of(v, 1L), ExpWatermark.of(v, 1),
            ExpEditWatermark.of(v, 1).withKeyLength(16).withRuns(20), SynthIdWatermark.of(v, 1L),
            PermuteAndFlipWatermark.of(v, 1)};
        Fuzzer.Report report = Fuzzer.create(3000, 15)
                .sample(Watermark.class, (Object[]) families)
                .sample(LanguageModel.class, model)
                .sample(Tokenizer.class, Corpora.shakespeareTokenizer())
                .sample(RandomGenerator.class, Rngs.seeded(1))
                .sample(WatermarkScore.class, new WatermarkScore("kgw", "z", 1.5, 0.07, 30))
                .sample(WatermarkComparisonOptions.class, WatermarkComparisonOptions.defaults().withTexts(2)
                        .withTokensPerText(20).withLengths(10).withShiftSizes(2, 1))
                .run(15, Watermarks.class, WatermarkScore.class, KgwWatermark.class, UnigramWatermark.class,
                        SweetWatermark.class, EwdWatermark.class, UnbiasedWatermark.class, DipmarkWatermark.class,
                        ExpWatermark.class, ExpEditWatermark.class, SynthIdWatermark.class,
                        PermuteAndFlipWatermark.class, CopyPaste.class,
                        EmojiAttack.class, WatermarkComparison.class, WatermarkComparisonOptions.class,
                        WatermarkComparisonResult.class, ComparisonRow.class);
        System.out.println("watermark fuzz: " + report);
        assertThat(report.defects()).as(report.toString()).isEmpty();
    }
}
