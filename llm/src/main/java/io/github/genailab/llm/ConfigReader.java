package io.github.genailab.llm;

import io.github.genailab.core.internal.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;

/** Maps the {@code config.json} of each supported {@code model_type} to a {@link CausalLmConfig}. */
final class ConfigReader {

    private final Path file;
    private final Map<?, ?> json;

    private ConfigReader(Path file, Map<?, ?> json) {
        this.file = file;
        this.json = json;
    }

    static CausalLmConfig read(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("config file " + file + " does not exist");
        }
        Object root;
        try {
            root = Json.parse(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("reading " + file, e);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(file + ": malformed JSON: " + e.getMessage(), e);
        }
        if (!(root instanceof Map<?, ?> map)) {
            throw new IllegalArgumentException(file + " must hold a JSON object");
        }
        return new ConfigReader(file, map).config();
    }

    private CausalLmConfig config() {
        Object type = json.get("model_type");
        if (json.get("quantization_config") != null) {
            throw unsupported("quantization_config", json.get("quantization_config"), "absent (float checkpoints only)");
        }
        for (Architecture a : Architecture.values()) {
            if (a.modelType().equals(type)) {
                return a == Architecture.GPT2 ? gpt2() : llama(a);
            }
        }
        throw unsupported("model_type", type, "one of " + Arrays.stream(Architecture.values())
                .map(Architecture::modelType).toList());
    }

    private CausalLmConfig gpt2() {
        require("activation_function", "gelu_new", "gelu_new");
        require("scale_attn_weights", Boolean.TRUE, true);
        require("scale_attn_by_inverse_layer_idx", Boolean.FALSE, false);
        require("add_cross_attention", Boolean.FALSE, false);
        int hidden = integer("n_embd", null);
        Object inner = json.get("n_inner");
        int intermediate = inner == null ? 4 * hidden : integer("n_inner", null);
        int heads = integer("n_head", null);
        return new CausalLmConfig(Architecture.GPT2, integer("vocab_size", null), hidden, integer("n_layer", null),
                heads, heads, intermediate, integer("n_positions", null),
                number("layer_norm_epsilon", 1e-5), 0, bool("tie_word_embeddings", true));
    }

    private CausalLmConfig llama(Architecture architecture) {
        require("hidden_act", "silu", "silu");
        require("rope_scaling", null, "null (no rope scaling)");
        if (architecture == Architecture.LLAMA) {
            require("attention_bias", Boolean.FALSE, false);
            require("mlp_bias", Boolean.FALSE, false);
        } else {
            require("use_sliding_window", Boolean.FALSE, false);
        }
        int hidden = integer("hidden_size", null);
        int heads = integer("num_attention_heads", null);
        Object headDim = json.get("head_dim");
        if (headDim != null && heads > 0 && integer("head_dim", null) * heads != hidden) {
            throw unsupported("head_dim", headDim, "hidden_size / num_attention_heads = " + hidden / heads);
        }
        return new CausalLmConfig(architecture, integer("vocab_size", null), hidden,
                integer("num_hidden_layers", null), heads, integer("num_key_value_heads", heads),
                integer("intermediate_size", null), integer("max_position_embeddings", null),
                number("rms_norm_eps", 1e-6), number("rope_theta", 10000.0), bool("tie_word_embeddings", false));
    }

    /** A field that, when present, must have the one value this module implements. */
    private void require(String key, Object supported, Object describe) {
        if (json.containsKey(key) && !java.util.Objects.equals(json.get(key), supported)) {
            throw unsupported(key, json.get(key), String.valueOf(describe));
        }
    }

    private IllegalArgumentException unsupported(String key, Object value, String supported) {
        return new IllegalArgumentException(file + ": " + key + " must be " + supported + ", got "
                + (value instanceof String s ? '"' + s + '"' : value));
    }

    private int integer(String key, Integer fallback) {
        Object v = json.get(key);
        if (v == null && fallback != null) {
            return fallback;
        }
        if (!(v instanceof Double d) || d != Math.rint(d) || d < 1 || d > Integer.MAX_VALUE) {
            throw unsupported(key, v, "a positive integer");
        }
        return d.intValue();
    }

    private double number(String key, double fallback) {
        Object v = json.get(key);
        if (v == null) {
            return fallback;
        }
        if (!(v instanceof Double d) || !(d > 0 && d < Double.POSITIVE_INFINITY)) {
            throw unsupported(key, v, "a finite positive number");
        }
        return d;
    }

    private boolean bool(String key, boolean fallback) {
        Object v = json.get(key);
        if (v == null) {
            return fallback;
        }
        if (!(v instanceof Boolean b)) {
            throw unsupported(key, v, "true or false");
        }
        return b;
    }
}
