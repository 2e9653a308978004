package io.github.genailab.watermark;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.genailab.fuzz.Fuzzer;
import io.github.genailab.watermark.attack.Attack;
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
}
