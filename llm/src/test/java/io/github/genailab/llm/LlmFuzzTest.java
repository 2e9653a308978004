package io.github.genailab.llm;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.genailab.fuzz.Fuzzer;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 19: every public entry point of a loaded checkpoint called with generated arguments. */
class LlmFuzzTest {

    @TempDir
    Path scratch;

    @Test
    void everyEntryPointKeepsTheContract() {
        try (CausalLm lm = CausalLm.load(TestCheckpoints.directory("llama-f32-tied"))) {
            Fuzzer.Report report = Fuzzer.create(5000, 20)
                    .sample(CausalLm.class, lm)
                    .sample(CausalLmOptions.class, CausalLmOptions.defaults())
                    .sample(Path.class, scratch, scratch.resolve("does-not-exist"))
                    .sample(RandomCheckpoint.class, RandomCheckpoint.tinyGpt2(11))
                    .run(19, CausalLm.class, CausalLmOptions.class, RandomCheckpoint.class);
            System.out.println("llm fuzz: " + report);
            assertThat(report.defects()).as(report.toString()).isEmpty();
        }
    }
}
