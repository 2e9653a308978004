package io.github.genailab.llm.safetensors;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URISyntaxException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class SafetensorsCheckpointTest {

    private static Path checkpoint(String name) throws URISyntaxException {
        return Path.of(SafetensorsCheckpointTest.class.getResource("/io/github/genailab/llm/checkpoints/" + name).toURI());
    }

    @Test
    void halfPrecisionWidensExactly() {
        assertThat(TensorDType.halfToFloat((short) 0x3c00)).isEqualTo(1f);
        assertThat(TensorDType.halfToFloat((short) 0xc000)).isEqualTo(-2f);
        assertThat(TensorDType.halfToFloat((short) 0x7bff)).isEqualTo(65504f);
        assertThat(TensorDType.halfToFloat((short) 0x3555)).isEqualTo(0.333251953125f);
        assertThat(TensorDType.halfToFloat((short) 0x0001)).isEqualTo(0x1p-24f);
        assertThat(TensorDType.halfToFloat((short) 0x03ff)).isEqualTo(1023 * 0x1p-24f);
        assertThat(TensorDType.halfToFloat((short) 0x0400)).isEqualTo(0x1p-14f);
        assertThat(Float.floatToRawIntBits(TensorDType.halfToFloat((short) 0x8000))).isEqualTo(0x80000000);
        assertThat(TensorDType.halfToFloat((short) 0x7c00)).isEqualTo(Float.POSITIVE_INFINITY);
        assertThat(TensorDType.halfToFloat((short) 0xfc00)).isEqualTo(Float.NEGATIVE_INFINITY);
        assertThat(TensorDType.halfToFloat((short) 0x7e00)).isNaN();
    }

    @Test
    void everyFiniteHalfEqualsItsDefinition() {
        for (int bits = 0; bits < 0x10000; bits++) {
            int exponent = (bits >>> 10) & 0x1f;
            if (exponent == 0x1f) {
                continue;
            }
            int fraction = bits & 0x3ff;
            double magnitude = exponent == 0 ? fraction * 0x1p-24 : (1024 + fraction) * Math.scalb(1.0, exponent - 25);
            double expected = (bits & 0x8000) != 0 ? -magnitude : magnitude;
            assertThat((double) TensorDType.halfToFloat((short) bits)).as("bits %x", bits).isEqualTo(expected);
        }
    }

    @Test
    void bfloat16IsTheUpperHalfOfAFloat() {
        assertThat(TensorDType.bfloat16ToFloat((short) 0x3f80)).isEqualTo(1f);
        assertThat(TensorDType.bfloat16ToFloat((short) 0xc0a0)).isEqualTo(-5f);
        assertThat(TensorDType.bfloat16ToFloat((short) 0x7f80)).isEqualTo(Float.POSITIVE_INFINITY);
    }

    @Test
    void shardedCheckpointListsEveryTensorAndTransposedReadsAgree() throws URISyntaxException {
        SafetensorsCheckpoint ckpt = SafetensorsCheckpoint.open(checkpoint("llama-bf16-sharded"));
        assertThat(ckpt.entries()).hasSize(2 * 9 + 3);
        TensorEntry q = ckpt.entries().get("model.layers.1.self_attn.q_proj.weight");
        assertThat(q.dtype()).isEqualTo(TensorDType.BF16);
        assertThat(q.shape()).containsExactly(16, 16);
        assertThat(q.file().getFileName().toString()).startsWith("model-0000");
        float[] plain = ckpt.read("model.layers.1.mlp.down_proj.weight", 16, 24);
        float[] transposed = ckpt.readTransposed("model.layers.1.mlp.down_proj.weight", 16, 24);
        for (int r = 0; r < 16; r++) {
            for (int c = 0; c < 24; c++) {
                assertThat(transposed[c * 16 + r]).isEqualTo(plain[r * 24 + c]);
            }
        }
    }

    @Test
    void headerListsTensorsButNotTheMetadata() throws URISyntaxException {
        SafetensorsHeader header = SafetensorsHeader.read(checkpoint("gpt2-f16").resolve("model.safetensors"));
        assertThat(header.entries()).doesNotContainKey("__metadata__").containsKey("wte.weight");
        TensorEntry wte = header.entry("wte.weight");
        assertThat(wte.elementCount()).isEqualTo(61 * 16);
        assertThat(wte.byteLength()).isEqualTo(61 * 16 * 2);
        assertThat(wte.toString()).contains("wte.weight F16[61, 16]");
    }
}
