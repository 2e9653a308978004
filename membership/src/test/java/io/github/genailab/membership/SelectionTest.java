package io.github.genailab.membership;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.genailab.core.math.Rngs;
import java.util.Arrays;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

class SelectionTest {

    @Test
    void theSelectedPrefixIsTheSortedPrefixForRandomAndHeavilyTiedInputs() {
        RandomGenerator rng = Rngs.seeded(3);
        for (int trial = 0; trial < 300; trial++) {
            int n = 1 + rng.nextInt(trial < 200 ? 200 : 5000);
            int distinct = trial % 3 == 0 ? 1 + rng.nextInt(4) : Integer.MAX_VALUE;
            double[] values = new double[n];
            for (int i = 0; i < n; i++) {
                values[i] = distinct == Integer.MAX_VALUE ? rng.nextGaussian() : -rng.nextInt(distinct);
            }
            int m = 1 + rng.nextInt(n);
            double[] sorted = values.clone();
            Arrays.sort(sorted);
            double[] selected = Selection.smallestFirst(values, m);
            assertThat(Arrays.copyOf(selected, m)).containsExactly(Arrays.copyOf(sorted, m));
            assertThat(selected).hasSize(n);
        }
    }

    @Test
    void sortedAndReverseSortedInputsStayCorrect() {
        double[] ascending = new double[10_000];
        for (int i = 0; i < ascending.length; i++) {
            ascending[i] = i;
        }
        double[] descending = new double[ascending.length];
        for (int i = 0; i < ascending.length; i++) {
            descending[i] = ascending[ascending.length - 1 - i];
        }
        for (double[] input : new double[][] {ascending, descending}) {
            double[] selected = Selection.smallestFirst(input, 2_000);
            assertThat(Arrays.copyOf(selected, 2_000)).containsExactly(Arrays.copyOf(ascending, 2_000));
        }
    }
}
