package io.github.genailab.watermark.families.unigram;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** numpy's SeedSequence and PCG64, against values printed by numpy 1.24.2 (and 2.4.6: identical). */
class NumpyRandomTest {

    @Test
    void seedSequenceStateMatchesNumpy() {
        // np.random.SeedSequence(4117779887).generate_state(4, np.uint64)
        assertThat(NumpyRandom.seedSequenceState(4117779887L)).containsExactly(0x6796d3b81b1268d1L,
                0x41f386a4178f0465L, 0x392710f91b2a31a9L, 0x6b0af5fd72f52eafL);
        assertThat(NumpyRandom.seedSequenceState(3315749767L)).containsExactly(0x9b717a500e6b452dL,
                0xb0a64776ae07cde3L, 0x26d32e7286326104L, 0x1c02d6029b6b2a9fL);
    }

    @Test
    void pcg64RawDrawsMatchNumpy() {
        // np.random.PCG64(4117779887).random_raw(2)
        NumpyRandom r = new NumpyRandom(4117779887L);
        assertThat(r.nextLong()).isEqualTo(0xbfe42416a9ab60d4L);
        assertThat(r.nextLong()).isEqualTo(0xe5ff781fc884db7cL);
    }

    @Test
    void keySeedIsTheFirstFourDigestBytes() {
        assertThat(UnigramWatermark.seedOf(0)).isEqualTo(4117779887L);
        assertThat(UnigramWatermark.seedOf(15485863)).isEqualTo(3315749767L);
    }

    @Test
    void greenListsMatchTheReference() {
        assertThat(UnigramWatermark.of(50272, 0).greenList()).startsWith(1, 4, 6, 9, 11, 12, 16, 17, 19, 20)
                .hasSize(25136);
        assertThat(UnigramWatermark.of(32000, 0).greenList()).startsWith(0, 2, 7, 9, 17, 19, 20, 22, 24, 26);
        assertThat(UnigramWatermark.of(50272, 15485863).greenList()).startsWith(3, 5, 7, 8, 11, 12, 13, 14, 15, 20);
        assertThat(UnigramWatermark.of(32000, 15485863).greenList()).startsWith(0, 5, 6, 10, 12, 14, 18, 23, 26, 27);
    }
}
