package io.github.genailab.watermark.attack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.genailab.core.math.Rngs;
import java.util.random.RandomGenerator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class AttackTest {

    private static final int[] TEXT = Rngs.seeded(1).ints(20_000, 0, 100).toArray();

    @Test
    void substitutionChangesAboutRateOfTheTokensAlwaysToAnotherId() {
        int[] out = Attack.substitution(0.2, 100).apply(TEXT, Rngs.seeded(2));
        assertThat(out).hasSameSizeAs(TEXT);
        int changed = 0;
        for (int i = 0; i < TEXT.length; i++) {
            changed += out[i] != TEXT[i] ? 1 : 0;
            assertThat(out[i]).isBetween(0, 99);
        }
        // every draw below the rate must change the token: Binomial(20000, 0.2), 4 standard errors
        assertThat((double) Math.abs(changed - 4000)).isLessThan(4 * Math.sqrt(20_000 * 0.2 * 0.8));
    }

    @Test
    void deletionAndInsertionChangeTheLengthByTheRate() {
        int[] deleted = Attack.deletion(0.3).apply(TEXT, Rngs.seeded(3));
        assertThat((double) Math.abs(deleted.length - 14_000)).isLessThan(4 * Math.sqrt(20_000 * 0.3 * 0.7));
        int[] inserted = Attack.insertion(0.1, 100).apply(TEXT, Rngs.seeded(4));
        assertThat((double) Math.abs(inserted.length - 22_000)).isLessThan(4 * Math.sqrt(20_000 * 0.1 * 0.9));
        // the original tokens survive, in order
        int j = 0;
        for (int i = 0; i < inserted.length && j < TEXT.length; i++) {
            if (inserted[i] == TEXT[j]) {
                j++;
            }
        }
        assertThat(j).isEqualTo(TEXT.length);
    }

    @Test
    void rateZeroIsACopyAndRateOneEditsEverything() {
        RandomGenerator rng = Rngs.seeded(5);
        for (Attack a : new Attack[] {Attack.substitution(0, 100), Attack.deletion(0), Attack.insertion(0, 100)}) {
            int[] out = a.apply(TEXT, rng);
            assertThat(out).isEqualTo(TEXT).isNotSameAs(TEXT);
        }
        assertThat(Attack.deletion(1).apply(TEXT, rng)).isEmpty();
        assertThat(Attack.insertion(1, 100).apply(TEXT, rng)).hasSize(2 * TEXT.length);
        int[] all = Attack.substitution(1, 100).apply(TEXT, rng);
        for (int i = 0; i < TEXT.length; i++) {
            assertThat(all[i]).isNotEqualTo(TEXT[i]);
        }
    }

    @Test
    void sameSeedSameOutputAndInputUntouched() {
        int[] copy = TEXT.clone();
        Attack a = Attack.insertion(0.3, 100);
        assertThat(a.apply(TEXT, Rngs.seeded(9))).isEqualTo(a.apply(TEXT, Rngs.seeded(9)));
        assertThat(TEXT).isEqualTo(copy);
        assertThat(a.withRate(0.5)).isEqualTo(Attack.insertion(0.5, 100));
        assertThat(a.rate()).isEqualTo(0.3);
        assertThat(Attack.deletion(0.1).withRate(0.2).toString()).isEqualTo("Deletion[rate=0.2]");
        assertThat(Attack.substitution(0.1, 50).withRate(0.4)).isEqualTo(Attack.substitution(0.4, 50));
    }

    static Stream<Arguments> badInputs() {
        return Stream.of(
                Arguments.of((Runnable) () -> Attack.substitution(1.5, 10), IllegalArgumentException.class, "rate"),
                Arguments.of((Runnable) () -> Attack.substitution(Double.NaN, 10), IllegalArgumentException.class, "rate"),
                Arguments.of((Runnable) () -> Attack.substitution(0.1, 1), IllegalArgumentException.class, "vocabularySize"),
                Arguments.of((Runnable) () -> Attack.deletion(-0.1), IllegalArgumentException.class, "rate"),
                Arguments.of((Runnable) () -> Attack.insertion(0.1, 0), IllegalArgumentException.class, "vocabularySize"),
                Arguments.of((Runnable) () -> Attack.insertion(2, 10), IllegalArgumentException.class, "rate"),
                Arguments.of((Runnable) () -> Attack.substitution(0.1, 10).apply(null, Rngs.seeded(1)), NullPointerException.class, "tokens"),
                Arguments.of((Runnable) () -> Attack.substitution(0.1, 10).apply(new int[] {3, 10}, Rngs.seeded(1)), IllegalArgumentException.class, "tokens[1]"),
                Arguments.of((Runnable) () -> Attack.insertion(0.1, 10).apply(new int[] {-1}, Rngs.seeded(1)), IllegalArgumentException.class, "tokens[0]"),
                Arguments.of((Runnable) () -> Attack.deletion(0.1).apply(new int[] {1}, null), NullPointerException.class, "rng"),
                Arguments.of((Runnable) () -> Attack.deletion(0.1).withRate(3), IllegalArgumentException.class, "rate"));
    }

    @ParameterizedTest
    @MethodSource("badInputs")
    void badInputsNameTheParameter(Runnable call, Class<? extends Throwable> type, String parameter) {
        assertThatThrownBy(call::run).isInstanceOf(type).hasMessageStartingWith(parameter + " ");
    }
}
