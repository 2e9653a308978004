package io.github.genailab.benchmarks.diffusion;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.genailab.core.math.Rngs;
import org.junit.jupiter.api.Test;

/** The baseline computes what the library's layout computes, bit for bit. */
class MlpForwardTest {

    @Test
    void perItemAndBatchedAgreeBitForBit() {
        MlpForward mlp = new MlpForward(3, 4, 8, 2, 5, Rngs.seeded(1));
        double[][] batched = mlp.batched();
        double[][] perItem = mlp.perItem();
        for (int b = 0; b < 5; b++) {
            for (int k = 0; k < 3; k++) {
                assertThat(batched[k][b]).isEqualTo(perItem[b][k]);
            }
        }
    }
}
