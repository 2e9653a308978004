package io.github.genailab.benchmarks.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.github.genailab.core.lm.NGramModel;
import io.github.genailab.core.lm.NGramOptions;
import io.github.genailab.core.math.Rngs;
import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

/** The benchmark's baseline must compute the same distribution as the model it is compared with. */
class NaiveKneserNeyBaselineTest {

    @Test
    void baselineRowsEqualTheModelsRowsWithTheSameFixedDiscount() {
        RandomGenerator rng = Rngs.seeded(3);
        int vocabularySize = 12;
        List<int[]> documents = new ArrayList<>();
        for (int d = 0; d < 20; d++) {
            int[] doc = new int[5 + rng.nextInt(30)];
            for (int i = 0; i < doc.length; i++) {
                doc[i] = rng.nextInt(vocabularySize);
            }
            documents.add(doc);
        }
        NGramModel model = NGramModel.train(documents, vocabularySize, new NGramOptions(3, 0.75));
        NaiveKneserNeyBaseline baseline = new NaiveKneserNeyBaseline(documents, vocabularySize, 3);
        int[] probe = documents.get(0);
        for (int length = 0; length <= probe.length; length++) {
            double[] expected = baseline.distribution(probe, length);
            double[] logits = model.nextTokenLogits(probe, length);
            for (int w = 0; w < vocabularySize; w++) {
                assertThat(Math.exp(logits[w])).as("p(%d | prefix of %d)", w, length)
                        .isCloseTo(expected[w], within(1e-12));
            }
        }
    }
}
