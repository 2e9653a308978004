package io.github.genailab.watermark;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.genailab.core.math.Rngs;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.List;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

/**
 * Issue 17: schemes and detectors survive Java serialisation (how Spark ships them to executors) as equal
 * objects that detect the same ids identically, with the key kept and never printed.
 */
class SerializationTest {

    private static final WatermarkKey KEY = WatermarkKey.of(0x0123456789abcdefL, 0x0fedcba987654321L);

    @Test
    void everyKindOfSchemeRoundTripsToAnEqualSchemeWithTheSameDetections() throws Exception {
        List<WatermarkScheme> schemes = List.of(
                WatermarkScheme.reference("lefthash", 1000, 0.25, 2.0),
                WatermarkScheme.reference("selfhash", 1000, 0.5, 1.0),
                WatermarkScheme.reference("ff-additive_prf-2-False-99", 1000, 0.25, 2.0),
                WatermarkScheme.reference("minhash", 1000, 0.25, 2.0).withGreenListSelection(GreenListSelection.LAST_K)
                        .withCacheCapacity(0),
                WatermarkScheme.keyed(KEY, 1, false, 1000, 0.25, 2.0),
                WatermarkScheme.keyedExactSize(KEY, 3, true, 1000, 0.3, 0.5));
        int[] ids = Rngs.seeded(5).ints(120, 0, 1000).toArray();
        for (WatermarkScheme scheme : schemes) {
            WatermarkScheme copy = roundTrip(scheme);
            assertThat(copy).isEqualTo(scheme).hasSameHashCodeAs(scheme).hasToString(scheme.toString());
            assertThat(copy.name()).isEqualTo(scheme.name());
            assertThat(copy.delta()).isEqualTo(scheme.delta());
            assertThat(WatermarkDetector.of(copy).detect(ids)).isEqualTo(WatermarkDetector.of(scheme).detect(ids));
        }
        assertThat(((ReferenceScheme) roundTrip(schemes.get(3))).cacheCapacity()).isZero();
    }

    @Test
    void aConfiguredDetectorKeepsItsSettings() throws Exception {
        WatermarkDetector detector = WatermarkDetector.of(WatermarkScheme.reference("lefthash", 500, 0.25, 2.0))
                .withZThreshold(2.5).withIgnoreRepeatedNgrams(false).withBosTokenId(7);
        WatermarkDetector copy = roundTrip(detector);
        assertThat(copy).hasToString(detector.toString());
        assertThat(copy.zThreshold()).isEqualTo(2.5);
        assertThat(copy.ignoreRepeatedNgrams()).isFalse();
        assertThat(copy.bosTokenId()).isEqualTo(7);
        RandomGenerator rng = Rngs.seeded(9);
        int[] ids = rng.ints(80, 0, 500).toArray();
        ids[0] = 7;
        assertThat(copy.detect(ids)).isEqualTo(detector.detect(ids));
    }

    @SuppressWarnings("unchecked")
    private static <T> T roundTrip(T value) throws IOException, ClassNotFoundException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(value);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            return (T) in.readObject();
        }
    }
}
