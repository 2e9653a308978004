package io.github.genailab.benchmarks.llm;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Collectors;

/**
 * Writes Hugging Face model directories of the real shapes with random float32 weights (the cost of
 * a forward pass does not depend on the values): GPT-2 small and SmolLM2-135M. Weights are uniform in
 * [-0.03, 0.03), norm gains 1, biases 0, seeded.
 */
public enum RandomCheckpoint {
    /** GPT-2 small: 12 layers, width 768, 12 heads, MLP 3,072, vocabulary 50,257, 1,024 positions, tied. */
    GPT2_SMALL,
    /** SmolLM2-135M: 30 layers, width 576, 9 query / 3 key-value heads, MLP 1,536, vocabulary 49,152, tied. */
    SMOLLM2_135M;

    /**
     * Writes the checkpoint into {@code dir} (config.json and model.safetensors).
     *
     * @param dir an existing empty directory
     * @return the number of weight bytes written
     */
    public long write(Path dir) {
        List<Object[]> tensors = new ArrayList<>();
        String config;
        if (this == GPT2_SMALL) {
            config = "{\"model_type\":\"gpt2\",\"vocab_size\":50257,\"n_embd\":768,\"n_layer\":12,\"n_head\":12,"
                    + "\"n_positions\":1024,\"n_inner\":null,\"layer_norm_epsilon\":1e-5,"
                    + "\"activation_function\":\"gelu_new\"}";
            add(tensors, "wte.weight", 50257, 768);
            add(tensors, "wpe.weight", 1024, 768);
            for (int l = 0; l < 12; l++) {
                String b = "h." + l + ".";
                gain(tensors, b + "ln_1.weight", 768);
                zero(tensors, b + "ln_1.bias", 768);
                add(tensors, b + "attn.c_attn.weight", 768, 2304);
                zero(tensors, b + "attn.c_attn.bias", 2304);
                add(tensors, b + "attn.c_proj.weight", 768, 768);
                zero(tensors, b + "attn.c_proj.bias", 768);
                gain(tensors, b + "ln_2.weight", 768);
                zero(tensors, b + "ln_2.bias", 768);
                add(tensors, b + "mlp.c_fc.weight", 768, 3072);
                zero(tensors, b + "mlp.c_fc.bias", 3072);
                add(tensors, b + "mlp.c_proj.weight", 3072, 768);
                zero(tensors, b + "mlp.c_proj.bias", 768);
            }
            gain(tensors, "ln_f.weight", 768);
            zero(tensors, "ln_f.bias", 768);
        } else {
            config = "{\"model_type\":\"llama\",\"vocab_size\":49152,\"hidden_size\":576,\"num_hidden_layers\":30,"
                    + "\"num_attention_heads\":9,\"num_key_value_heads\":3,\"intermediate_size\":1536,"
                    + "\"max_position_embeddings\":8192,\"rms_norm_eps\":1e-5,\"rope_theta\":100000,"
                    + "\"hidden_act\":\"silu\",\"tie_word_embeddings\":true,\"rope_scaling\":null}";
            add(tensors, "model.embed_tokens.weight", 49152, 576);
            for (int l = 0; l < 30; l++) {
                String b = "model.layers." + l + ".";
                gain(tensors, b + "input_layernorm.weight", 576);
                add(tensors, b + "self_attn.q_proj.weight", 576, 576);
                add(tensors, b + "self_attn.k_proj.weight", 192, 576);
                add(tensors, b + "self_attn.v_proj.weight", 192, 576);
                add(tensors, b + "self_attn.o_proj.weight", 576, 576);
                gain(tensors, b + "post_attention_layernorm.weight", 576);
                add(tensors, b + "mlp.gate_proj.weight", 1536, 576);
                add(tensors, b + "mlp.up_proj.weight", 1536, 576);
                add(tensors, b + "mlp.down_proj.weight", 576, 1536);
            }
            gain(tensors, "model.norm.weight", 576);
        }
        try {
            Files.writeString(dir.resolve("config.json"), config);
            return writeSafetensors(dir.resolve("model.safetensors"), tensors);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void add(List<Object[]> t, String name, int... shape) {
        t.add(new Object[] {name, shape, 0.03f});
    }

    private static void gain(List<Object[]> t, String name, int n) {
        t.add(new Object[] {name, new int[] {n}, 1f});
    }

    private static void zero(List<Object[]> t, String name, int n) {
        t.add(new Object[] {name, new int[] {n}, 0f});
    }

    private static long writeSafetensors(Path file, List<Object[]> tensors) throws IOException {
        Map<String, String> entries = new LinkedHashMap<>();
        long offset = 0;
        for (Object[] t : tensors) {
            int[] shape = (int[]) t[1];
            long bytes = 4L * Arrays.stream(shape).asLongStream().reduce(1, (a, b) -> a * b);
            entries.put((String) t[0], "{\"dtype\":\"F32\",\"shape\":" + Arrays.toString(shape).replace(" ", "")
                    + ",\"data_offsets\":[" + offset + "," + (offset + bytes) + "]}");
            offset += bytes;
        }
        byte[] header = entries.entrySet().stream().map(e -> "\"" + e.getKey() + "\":" + e.getValue())
                .collect(Collectors.joining(",", "{", "}")).getBytes(StandardCharsets.UTF_8);
        SplittableRandom rng = new SplittableRandom(42);
        try (FileChannel out = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            ByteBuffer prefix = ByteBuffer.allocate(8 + header.length).order(ByteOrder.LITTLE_ENDIAN);
            prefix.putLong(header.length).put(header).flip();
            writeFully(out, prefix);
            ByteBuffer chunk = ByteBuffer.allocateDirect(1 << 20).order(ByteOrder.LITTLE_ENDIAN);
            for (Object[] t : tensors) {
                long n = Arrays.stream((int[]) t[1]).asLongStream().reduce(1, (a, b) -> a * b);
                float scale = (Float) t[2];
                boolean random = scale != 1f && scale != 0f;
                for (long i = 0; i < n; i++) {
                    chunk.putFloat(random ? (float) ((rng.nextDouble() * 2 - 1) * scale) : scale);
                    if (!chunk.hasRemaining()) {
                        chunk.flip();
                        writeFully(out, chunk);
                        chunk.clear();
                    }
                }
            }
            chunk.flip();
            writeFully(out, chunk);
        }
        return offset;
    }

    private static void writeFully(FileChannel out, ByteBuffer b) throws IOException {
        while (b.hasRemaining()) {
            out.write(b);
        }
    }
}
