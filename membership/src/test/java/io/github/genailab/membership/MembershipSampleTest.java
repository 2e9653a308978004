package io.github.genailab.membership;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.genailab.core.math.Rngs;
import io.github.genailab.core.text.Tokenizer;
import org.junit.jupiter.api.Test;

class MembershipSampleTest {

    /** Letters a-l are tokens 0-11; anything else (upper case included) is token 11. */
    static final class LetterTokenizer implements Tokenizer {
        @Override
        public int vocabularySize() {
            return 12;
        }

        @Override
        public int[] encode(String text) {
            return text.chars().map(c -> c >= 'a' && c <= 'k' ? c - 'a' : 11).toArray();
        }

        @Override
        public String decode(int[] tokens) {
            StringBuilder s = new StringBuilder();
            for (int t : tokens) {
                s.append((char) ('a' + t));
            }
            return s.toString();
        }
    }

    @Test
    void scoresALabelledTextWithTheTargetTheLowercasedTextAndAReference() {
        TokenStatisticsTest.ToyModel target = new TokenStatisticsTest.ToyModel(Rngs.seeded(1), 12);
        TokenStatisticsTest.ToyModel reference = new TokenStatisticsTest.ToyModel(Rngs.seeded(2), 12);
        LetterTokenizer tokenizer = new LetterTokenizer();
        MembershipSample s = MembershipSample.fromModel("row 3", new LabeledText("abCAde", true), target, tokenizer);
        assertThat(s.label()).isEqualTo(MembershipLabel.MEMBER);
        assertThat(s.tokens()).isEqualTo(TokenStatistics.of(target, tokenizer.encode("abCAde")));
        assertThat(s.lowercase().logProbs()).containsExactly(target.tokenLogProbs(tokenizer.encode("abcade")));
        assertThat(s.reference()).isNull();
        MembershipSample withRef = s.withReference(reference, tokenizer);
        assertThat(withRef.reference().logProbs()).containsExactly(reference.tokenLogProbs(tokenizer.encode("abCAde")));
        assertThat(withRef.tokens()).isEqualTo(s.tokens());
        assertThat(withRef.toString()).isEqualTo(
                "MembershipSample[row 3, MEMBER, 5 tokens, loss " + String.format(java.util.Locale.ROOT, "%.4f",
                        s.tokens().loss()) + ", mu/sigma, text, +lowercase, +reference]");
    }

    @Test
    void rejectsBadInput() {
        TokenStatisticsTest.ToyModel model = new TokenStatisticsTest.ToyModel(Rngs.seeded(1), 12);
        LetterTokenizer tokenizer = new LetterTokenizer();
        assertThatThrownBy(() -> MembershipSample.fromModel("x", new LabeledText("a", false), model, tokenizer))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("tokens.length must be >= 2");
        assertThatThrownBy(() -> MembershipSample.fromModel("x", null, model, tokenizer))
                .isInstanceOf(NullPointerException.class).hasMessageContaining("text");
        assertThatThrownBy(() -> MembershipSample.fromModel("x", new LabeledText("ab", false), null, tokenizer))
                .isInstanceOf(NullPointerException.class).hasMessageContaining("model");
        MembershipSample noText = MembershipSample.of("y", MembershipLabel.UNKNOWN, null, TokenStatistics.of(new double[] {-1}));
        assertThatThrownBy(() -> noText.withReference(model, tokenizer)).isInstanceOf(IllegalStateException.class)
                .hasMessage("sample y has no text to score with a reference model");
        assertThatThrownBy(() -> new MembershipSample(null, MembershipLabel.MEMBER, null, noText.tokens(), null, null))
                .isInstanceOf(NullPointerException.class).hasMessageContaining("id");
        assertThatThrownBy(() -> noText.withLabel(null)).isInstanceOf(NullPointerException.class)
                .hasMessageContaining("label");
        assertThatThrownBy(() -> new LabeledText(null, true)).isInstanceOf(NullPointerException.class)
                .hasMessageContaining("text");
    }
}
