package io.github.genailab.contrastive;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.genailab.fuzz.Fuzzer;
import org.junit.jupiter.api.Test;

/** Issue 19: every public entry point of the contrastive losses called with generated arguments. */
class ContrastiveFuzzTest {

    @Test
    void everyEntryPointKeepsTheContract() {
        Fuzzer.Report report = Fuzzer.create(5000, 20)
                .sample(ClipLossOptions.class, ClipLossOptions.defaults())
                .sample(SigLipLossOptions.class, SigLipLossOptions.defaults())
                .run(19, ClipLoss.class, SigLipLoss.class, ClipLossOptions.class, SigLipLossOptions.class,
                        ZeroShotClassifier.class);
        System.out.println("contrastive fuzz: " + report);
        assertThat(report.defects()).as(report.toString()).isEmpty();
    }
}
