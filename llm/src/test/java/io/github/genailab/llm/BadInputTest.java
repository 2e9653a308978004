package io.github.genailab.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.genailab.core.lm.DecodingSession;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every malformed checkpoint fails to load with an IllegalArgumentException that names the culprit. */
class BadInputTest {

    private static final String GPT2 = "gpt2-f32";
    private static final String LLAMA = "llama-f32-tied";
    private static final String SHARDED = "llama-bf16-sharded";
    private static final String C_ATTN = "transformer.h.0.attn.c_attn.weight";

    @TempDir
    Path dir;

    static Stream<Arguments> brokenCheckpoints() {
        return Stream.of(
                broken("no config.json", GPT2, d -> delete(d.resolve("config.json")), "config.json", "does not exist"),
                broken("no weights file", GPT2, d -> delete(d.resolve("model.safetensors")),
                        "model.safetensors or model.safetensors.index.json"),
                broken("file shorter than the length prefix", GPT2,
                        d -> CheckpointSurgery.truncate(d.resolve("model.safetensors"), 5), "model.safetensors",
                        "truncated"),
                broken("header longer than the file", GPT2,
                        d -> CheckpointSurgery.truncate(d.resolve("model.safetensors"), 200), "model.safetensors",
                        "header length"),
                broken("data truncated: offsets past the end", GPT2, d -> {
                    Path f = d.resolve("model.safetensors");
                    CheckpointSurgery.truncate(f, CheckpointSurgery.size(f) - 100);
                }, "model.safetensors", "tensor transformer.ln_f.weight", "data_offsets[1]", "past the end"),
                broken("offsets past the file", GPT2, d -> CheckpointSurgery.editHeader(d.resolve("model.safetensors"),
                        h -> CheckpointSurgery.tensor(h, C_ATTN).put("data_offsets", List.of(1e9, 1e9 + 3072))),
                        C_ATTN, "data_offsets[0]"),
                broken("offsets disagree with the shape", GPT2, d -> CheckpointSurgery.editHeader(
                        d.resolve("model.safetensors"), h -> CheckpointSurgery.tensor(h, C_ATTN).put("shape", List.of(16.0, 47.0))),
                        C_ATTN, "data_offsets must span 3008 bytes"),
                broken("malformed header JSON", GPT2, d -> CheckpointSurgery.editHeader(d.resolve("model.safetensors"),
                        h -> h.put(C_ATTN, "not an object")), C_ATTN, "entry must be a JSON object"),
                broken("unsupported dtype", GPT2, d -> CheckpointSurgery.editHeader(d.resolve("model.safetensors"),
                        h -> CheckpointSurgery.tensor(h, C_ATTN).put("dtype", "I8")), C_ATTN,
                        "dtype must be one of [F32, F16, BF16]", "got I8"),
                broken("NaN weight", GPT2, d -> CheckpointSurgery.pokeFirstFloat(d.resolve("model.safetensors"),
                        "transformer.h.1.mlp.c_proj.bias", Float.NaN), "transformer.h.1.mlp.c_proj.bias",
                        "must hold finite values, got NaN at flat index 0"),
                broken("infinite weight in a transposed read", LLAMA, d -> CheckpointSurgery.pokeFirstFloat(
                        d.resolve("model.safetensors"), "model.layers.0.mlp.up_proj.weight", Float.POSITIVE_INFINITY),
                        "model.layers.0.mlp.up_proj.weight", "got Infinity at flat index 0"),
                broken("tensor missing", GPT2, d -> CheckpointSurgery.editHeader(d.resolve("model.safetensors"),
                        h -> h.remove("transformer.h.1.mlp.c_fc.bias")), "transformer.h.1.mlp.c_fc.bias",
                        "expected shape [64]", "missing"),
                broken("tensor of the wrong shape (transposed)", GPT2, d -> CheckpointSurgery.editHeader(
                        d.resolve("model.safetensors"), h -> CheckpointSurgery.tensor(h, C_ATTN).put("shape",
                                List.of(48.0, 16.0))), C_ATTN, "must have shape [16, 48]", "got [48, 16]"),
                broken("config disagrees with the weights", GPT2, d -> CheckpointSurgery.editJson(d.resolve("config.json"),
                        c -> c.put("n_inner", 32.0)), "transformer.h.0.mlp.c_fc.weight", "[16, 32]", "got [16, 64]"),
                broken("Llama untied head missing", LLAMA, d -> CheckpointSurgery.editJson(d.resolve("config.json"),
                        c -> c.put("tie_word_embeddings", false)), "lm_head.weight", "missing"),
                broken("shard missing", SHARDED, d -> delete(d.resolve("model-00002-of-00002.safetensors")),
                        "model-00002-of-00002.safetensors", "does not exist"),
                broken("index names a tensor its shard lacks", SHARDED, d -> CheckpointSurgery.editJson(
                        d.resolve("model.safetensors.index.json"), i -> weightMap(i).put("model.norm.weight",
                                "model-00001-of-00002.safetensors")), "model.norm.weight", "does not list it"),
                broken("unknown model_type", GPT2, config(c -> c.put("model_type", "mistral")), "model_type",
                        "[gpt2, llama, qwen2]", "\"mistral\""),
                broken("rope scaling", LLAMA, config(c -> c.put("rope_scaling", Map.of("rope_type", "llama3"))),
                        "rope_scaling", "null"),
                broken("quantised checkpoint", LLAMA, config(c -> c.put("quantization_config", Map.of("bits", 4.0))),
                        "quantization_config"),
                broken("attention bias on llama", LLAMA, config(c -> c.put("attention_bias", true)),
                        "attention_bias", "false", "got true"),
                broken("sliding window on qwen2", "qwen2-f16", config(c -> c.put("use_sliding_window", true)),
                        "use_sliding_window"),
                broken("activation", GPT2, config(c -> c.put("activation_function", "relu")),
                        "activation_function", "gelu_new", "\"relu\""),
                broken("hidden_act", LLAMA, config(c -> c.put("hidden_act", "gelu")), "hidden_act", "silu"),
                broken("kv heads not dividing heads", LLAMA, config(c -> c.put("num_key_value_heads", 3.0)),
                        "num_key_value_heads", "divide"),
                broken("fractional size", GPT2, config(c -> c.put("n_embd", 16.5)), "n_embd", "positive integer"),
                broken("malformed config JSON", GPT2, d -> write(d.resolve("config.json"), "{\"model_type\": gpt2}"),
                        "config.json", "malformed JSON", "line 1"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("brokenCheckpoints")
    void refusesWithAMessageNamingTheCulprit(String label, String source, Consumer<Path> breakIt, String[] expected) {
        TestCheckpoints.copy(source, dir);
        breakIt.accept(dir);
        assertThatThrownBy(() -> CausalLm.load(dir)).isInstanceOf(IllegalArgumentException.class)
                .message().contains(expected);
    }

    @Test
    void refusesAMissingDirectory() {
        assertThatThrownBy(() -> CausalLm.load(dir.resolve("nowhere")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("nowhere");
    }

    @Test
    void refusesIdsOutsideTheVocabularyAndSequencesLongerThanThePositions() {
        try (CausalLm lm = CausalLm.load(TestCheckpoints.directory(GPT2))) {
            assertThatThrownBy(() -> lm.forward(new int[] {1, 61})).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("tokens[1] must be a token id in [0, 61), got 61");
            assertThatThrownBy(() -> lm.forward(new int[] {-1})).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("tokens[0]");
            assertThatThrownBy(() -> lm.forward(new int[0])).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> lm.forward(new int[25])).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("24 positions").hasMessageContaining("got 25");
            assertThatThrownBy(() -> lm.nextTokenLogits(new int[] {1, 2}, 0)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("length must be >= 1 (a transformer needs at least one token of context), got 0");
            assertThatThrownBy(() -> lm.nextTokenLogits(new int[] {1, 2}, 3)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("length must be in [1, 2], got 3");
            assertThatThrownBy(() -> lm.tokenLogProbs(new int[] {3})).isInstanceOf(IllegalArgumentException.class);
            assertThat(lm.forward(new int[24])).hasNumberOfRows(24);
        }
    }

    @Test
    void sessionsRefuseOverflowEmptyContextAndUseAfterClose() {
        try (CausalLm lm = CausalLm.load(TestCheckpoints.directory(GPT2))) {
            DecodingSession session = lm.newSession();
            assertThatThrownBy(session::nextTokenLogits).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("at least one token");
            session.append(new int[0]);
            assertThat(session.length()).isZero();
            session.append(new int[20]);
            assertThatThrownBy(() -> session.append(new int[5])).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("got 25");
            assertThatThrownBy(() -> session.append(new int[] {99})).isInstanceOf(IllegalArgumentException.class);
            assertThat(session.length()).isEqualTo(20);
            session.append(new int[4]);
            assertThat(java.util.Arrays.stream(session.nextTokenLogits()).boxed()).hasSize(61).allMatch(Double::isFinite);
            session.close();
            session.close();
            assertThatThrownBy(() -> session.append(new int[] {1})).isInstanceOf(IllegalStateException.class);
        }
    }

    @Test
    void aClosedModelRefusesWork() {
        CausalLm lm = CausalLm.load(TestCheckpoints.directory(GPT2));
        lm.close();
        lm.close();
        assertThatThrownBy(() -> lm.forward(new int[] {1})).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("closed");
        assertThatThrownBy(lm::newSession).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void optionsValidate() {
        assertThatThrownBy(() -> CausalLmOptions.defaults().withThreads(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("threads must be > 0, got 0");
        assertThat(CausalLmOptions.defaults().threads()).isBetween(1, 2);
    }

    private static Arguments broken(String label, String source, Consumer<Path> breakIt, String... expected) {
        return Arguments.of(label, source, breakIt, expected);
    }

    private static Consumer<Path> config(Consumer<Map<String, Object>> edit) {
        return d -> CheckpointSurgery.editJson(d.resolve("config.json"), edit);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> weightMap(Map<String, Object> index) {
        return (Map<String, Object>) index.get("weight_map");
    }

    private static void delete(Path file) {
        try {
            Files.delete(file);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void write(Path file, String text) {
        try {
            Files.writeString(file, text);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
