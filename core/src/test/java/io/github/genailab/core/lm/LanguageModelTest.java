package io.github.genailab.core.lm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LanguageModelTest {

    /** Unnormalised logits that depend on the previous token: the defaults must normalise them. */
    private static final class Recording implements LanguageModel {
        final List<Integer> lengths = new ArrayList<>();

        @Override
        public int vocabularySize() {
            return 3;
        }

        @Override
        public double[] nextTokenLogits(int[] tokens, int length) {
            lengths.add(length);
            int last = length == 0 ? 0 : tokens[length - 1];
            return new double[] {10 + last, 11, 12 - last};
        }
    }

    @Test
    void defaultTokenLogProbsScoresEveryTokenButTheFirstAgainstItsPrefix() {
        Recording model = new Recording();
        double[] lp = model.tokenLogProbs(new int[] {0, 2, 1});
        assertThat(model.lengths).containsExactly(1, 2);
        // after 0: logits 10, 11, 12; after 2: logits 12, 11, 10
        double z1 = Math.log(Math.exp(10) + Math.exp(11) + Math.exp(12));
        assertThat(lp).containsExactly(new double[] {12 - z1, 11 - z1}, within(1e-14));
    }

    @Test
    void defaultNextTokenLogitsUsesTheWholeContext() {
        Recording model = new Recording();
        assertThat(model.nextTokenLogits(new int[] {1, 2})).containsExactly(12, 11, 10);
        assertThat(model.lengths).containsExactly(2);
    }

    @Test
    void defaultTokenLogProbsRejectsBadSequences() {
        Recording model = new Recording();
        assertThatThrownBy(() -> model.tokenLogProbs(null)).isInstanceOf(NullPointerException.class)
                .hasMessageContaining("tokens");
        assertThatThrownBy(() -> model.tokenLogProbs(new int[] {1})).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("tokens.length must be >= 2 (the first token is context only), got 1");
        assertThatThrownBy(() -> model.tokenLogProbs(new int[] {1, 3})).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("tokens[1] must be a token id in [0, 3), got 3");
        assertThatThrownBy(() -> model.nextTokenLogits(null)).isInstanceOf(NullPointerException.class)
                .hasMessageContaining("context");
    }
}
