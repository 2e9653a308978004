package io.github.genailab.core.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.genailab.core.math.Rngs;
import java.util.HashMap;
import java.util.Map;
import java.util.random.RandomGenerator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The shared {@code long -> int} map against {@link HashMap}, and its bad inputs. */
class LongIntMapTest {

    @Test
    void packedHalvesComeBack() {
        long key = LongIntMap.pack(123_456, Integer.MAX_VALUE);
        assertThat(key).isEqualTo((123_456L << 32) + Integer.MAX_VALUE);
        assertThat(LongIntMap.high(key)).isEqualTo(123_456);
        assertThat(LongIntMap.low(key)).isEqualTo(Integer.MAX_VALUE);
        assertThat(LongIntMap.pack(0, -1)).isNegative();
    }

    @Test
    void operationsReturnWhatTheKeyHeldBefore() {
        LongIntMap map = new LongIntMap(0);
        assertThat(map.get(7)).isEqualTo(LongIntMap.ABSENT);
        assertThat(map.put(7, 3)).isEqualTo(LongIntMap.ABSENT);
        assertThat(map.put(7, 4)).isEqualTo(3);
        assertThat(map.putIfAbsent(7, 9)).isEqualTo(4);
        assertThat(map.putIfAbsent(8, 9)).isEqualTo(LongIntMap.ABSENT);
        assertThat(map.increment(8)).isEqualTo(9);
        assertThat(map.increment(0)).isZero();
        assertThat(map.get(7)).isEqualTo(4);
        assertThat(map.get(8)).isEqualTo(10);
        assertThat(map.get(0)).isEqualTo(1);
        assertThat(map.size()).isEqualTo(3);
    }

    @Test
    void agreesWithAHashMapThroughManyGrowths() {
        RandomGenerator rng = Rngs.seeded(3);
        LongIntMap map = new LongIntMap(1);
        Map<Long, Integer> reference = new HashMap<>();
        for (int op = 0; op < 30_000; op++) {
            long key = LongIntMap.pack(rng.nextInt(100), rng.nextInt(100));
            int value = rng.nextInt(1000);
            switch (rng.nextInt(4)) {
                case 0 -> assertThat(map.put(key, value)).isEqualTo(orAbsent(reference.put(key, value)));
                case 1 -> assertThat(map.putIfAbsent(key, value)).isEqualTo(orAbsent(reference.putIfAbsent(key,
                        value)));
                case 2 -> assertThat(map.increment(key)).isEqualTo(reference.merge(key, 1, Integer::sum) - 1);
                default -> assertThat(map.get(key)).isEqualTo(orAbsent(reference.get(key)));
            }
        }
        assertThat(map.size()).isEqualTo(reference.size());
        Map<Long, Integer> visited = new HashMap<>();
        map.forEach((key, value) -> assertThat(visited.put(key, value)).isNull());
        assertThat(visited).isEqualTo(reference);
    }

    private static int orAbsent(Integer value) {
        return value == null ? LongIntMap.ABSENT : value;
    }

    static Stream<Arguments> badInputs() {
        LongIntMap map = new LongIntMap(4);
        return Stream.of(
                Arguments.of("negative size", (Runnable) () -> new LongIntMap(-1), IllegalArgumentException.class,
                        "expectedSize must be in [0, 268435456], got -1"),
                Arguments.of("huge size", (Runnable) () -> new LongIntMap(Integer.MAX_VALUE),
                        IllegalArgumentException.class, "expectedSize must be in [0, 268435456], got 2147483647"),
                Arguments.of("get", (Runnable) () -> map.get(-1), IllegalArgumentException.class,
                        "key must be >= 0, got -1"),
                Arguments.of("put with a negative low half", (Runnable) () -> map.put(LongIntMap.pack(1, -1), 0),
                        IllegalArgumentException.class, "key must be >= 0, got -1"),
                Arguments.of("putIfAbsent", (Runnable) () -> map.putIfAbsent(Long.MIN_VALUE, 0),
                        IllegalArgumentException.class, "key must be >= 0, got " + Long.MIN_VALUE),
                Arguments.of("increment", (Runnable) () -> map.increment(-2), IllegalArgumentException.class,
                        "key must be >= 0, got -2"),
                Arguments.of("put value", (Runnable) () -> map.put(1, -1), IllegalArgumentException.class,
                        "value must be >= 0, got -1"),
                Arguments.of("putIfAbsent value", (Runnable) () -> map.putIfAbsent(1, -1),
                        IllegalArgumentException.class, "value must be >= 0, got -1"),
                Arguments.of("null action", (Runnable) () -> map.forEach(null), NullPointerException.class,
                        "action"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badInputs")
    void badInputsFailWithTheParameterName(String name, Runnable call, Class<? extends Throwable> type, String message) {
        assertThatThrownBy(call::run).isInstanceOf(type).hasMessageContaining(message);
    }
}
