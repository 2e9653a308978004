package io.github.genailab.llm;

import io.github.genailab.core.math.Checks;
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
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * An untrained checkpoint of a real architecture's shape, written as a Hugging Face model directory
 * ({@code config.json} and one float32 {@code model.safetensors}) that {@link CausalLm#load(Path)} reads:
 * what benchmarks time (the cost of a forward pass does not depend on the weights' values), what tests
 * and lecture programs run when no trained checkpoint is on disk, and the baseline a lecture sets beside
 * a trained model ("what does training add?").
 *
 * <p>Weights: matrices uniform in [-0.03, 0.03), norm gains 1, biases 0, from a {@link SplittableRandom}
 * with the given seed; heads tied to the embedding. {@code gpt2} writes the Conv1D layout (in x out) and
 * learned positions; {@code llama} writes the {@code model.layers.*} layout with grouped-query attention.
 *
 * @param modelType {@code "gpt2"} or {@code "llama"}
 * @param vocabularySize the vocabulary size V, at least 1
 * @param width the hidden size, a multiple of {@code heads}
 * @param layers the number of transformer blocks, at least 1
 * @param heads the number of query heads, at least 1
 * @param keyValueHeads the number of key/value heads, dividing {@code heads} (equal to it for gpt2)
 * @param mlpWidth the MLP's inner width, at least 1
 * @param positions the context length the model accepts, at least 1
 * @since 0.1.0
 */
public record RandomCheckpoint(String modelType, int vocabularySize, int width, int layers, int heads,
        int keyValueHeads, int mlpWidth, int positions) {

    /** The most weights one random checkpoint may have (the safetensors file is written in float32). */
    public static final long MAX_PARAMETERS = 1L << 32;

    /**
     * Validates the shape.
     *
     * @param modelType {@code "gpt2"} or {@code "llama"}
     * @param vocabularySize the vocabulary size, at least 1
     * @param width the hidden size, a positive multiple of {@code heads} with an even head size for llama
     * @param layers at least 1
     * @param heads at least 1
     * @param keyValueHeads dividing {@code heads}; equal to it for gpt2
     * @param mlpWidth at least 1
     * @param positions at least 1
     * @throws NullPointerException if {@code modelType} is null
     * @throws IllegalArgumentException naming the field that breaks a rule
     */
    public RandomCheckpoint {
        Checks.notNull(modelType, "modelType");
        if (!modelType.equals("gpt2") && !modelType.equals("llama")) {
            throw Checks.fail("modelType", "be gpt2 or llama", modelType);
        }
        Checks.positive(vocabularySize, "vocabularySize");
        Checks.positive(layers, "layers");
        Checks.positive(heads, "heads");
        Checks.positive(keyValueHeads, "keyValueHeads");
        Checks.positive(mlpWidth, "mlpWidth");
        Checks.positive(positions, "positions");
        if (width <= 0 || width % heads != 0) {
            throw Checks.fail("width", "be a positive multiple of heads " + heads, width);
        }
        if (modelType.equals("llama") && (width / heads) % 2 != 0) {
            throw Checks.fail("width / heads", "be even (rotary embeddings rotate pairs)", width / heads);
        }
        if (heads % keyValueHeads != 0 || (modelType.equals("gpt2") && keyValueHeads != heads)) {
            throw Checks.fail("keyValueHeads", modelType.equals("gpt2") ? "equal heads " + heads + " for gpt2"
                    : "divide heads " + heads, keyValueHeads);
        }
        long perLayer = 4L * width * width + 3L * width * mlpWidth;
        Checks.atMost((long) vocabularySize * width + (long) positions * width + layers * perLayer, MAX_PARAMETERS,
                "parameters");
    }

    /**
     * GPT-2 small's shape: 12 layers, width 768, 12 heads, MLP 3,072, vocabulary 50,257, 1,024 positions.
     *
     * @return the shape
     */
    public static RandomCheckpoint gpt2Small() {
        return new RandomCheckpoint("gpt2", 50257, 768, 12, 12, 12, 3072, 1024);
    }

    /**
     * SmolLM2-135M's shape: 30 layers, width 576, 9 query and 3 key/value heads, MLP 1,536, vocabulary
     * 49,152, 8,192 positions.
     *
     * @return the shape
     */
    public static RandomCheckpoint smolLm2() {
        return new RandomCheckpoint("llama", 49152, 576, 30, 9, 3, 1536, 8192);
    }

    /**
     * A small GPT-2 of the given vocabulary: 2 layers, width 64, 4 heads, MLP 256, 256 positions; what
     * a lecture or test runs in milliseconds.
     *
     * @param vocabularySize the vocabulary size of the tokenizer it will be used with
     * @return the shape
     * @throws IllegalArgumentException if {@code vocabularySize < 1}
     */
    public static RandomCheckpoint tinyGpt2(int vocabularySize) {
        return new RandomCheckpoint("gpt2", vocabularySize, 64, 2, 4, 4, 256, 256);
    }

    /**
     * Writes {@code config.json} and {@code model.safetensors} into {@code dir}.
     *
     * @param dir an existing directory without those files
     * @param seed the seed of the weights
     * @return the number of weight bytes written
     * @throws NullPointerException if {@code dir} is null
     * @throws UncheckedIOException if writing fails (including when a file already exists)
     */
    public long write(Path dir, long seed) {
        Checks.notNull(dir, "dir");
        List<Tensor> tensors = modelType.equals("gpt2") ? gpt2Tensors() : llamaTensors();
        try {
            Files.writeString(dir.resolve("config.json"), config(), StandardOpenOption.CREATE_NEW,
                    StandardOpenOption.WRITE);
            return writeSafetensors(dir.resolve("model.safetensors"), tensors, new SplittableRandom(seed));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One tensor: its name, shape, and fill (0 or 1 constant, or uniform in [-0.03, 0.03)). */
    private record Tensor(String name, int[] shape, Fill fill) {
        long elements() {
            long n = 1;
            for (int s : shape) {
                n *= s;
            }
            return n;
        }
    }

    private enum Fill { RANDOM, ONE, ZERO }

    private String config() {
        if (modelType.equals("gpt2")) {
            return String.format(Locale.ROOT, "{\"model_type\":\"gpt2\",\"vocab_size\":%d,\"n_embd\":%d,\"n_layer\":%d,"
                    + "\"n_head\":%d,\"n_positions\":%d,\"n_inner\":%d,\"layer_norm_epsilon\":1e-5,"
                    + "\"activation_function\":\"gelu_new\"}", vocabularySize, width, layers, heads, positions, mlpWidth);
        }
        return String.format(Locale.ROOT, "{\"model_type\":\"llama\",\"vocab_size\":%d,\"hidden_size\":%d,"
                + "\"num_hidden_layers\":%d,\"num_attention_heads\":%d,\"num_key_value_heads\":%d,"
                + "\"intermediate_size\":%d,\"max_position_embeddings\":%d,\"rms_norm_eps\":1e-5,"
                + "\"rope_theta\":100000,\"hidden_act\":\"silu\",\"tie_word_embeddings\":true,\"rope_scaling\":null}",
                vocabularySize, width, layers, heads, keyValueHeads, mlpWidth, positions);
    }

    private List<Tensor> gpt2Tensors() {
        List<Tensor> t = new ArrayList<>();
        t.add(new Tensor("wte.weight", new int[] {vocabularySize, width}, Fill.RANDOM));
        t.add(new Tensor("wpe.weight", new int[] {positions, width}, Fill.RANDOM));
        for (int l = 0; l < layers; l++) {
            String b = "h." + l + ".";
            norm(t, b + "ln_1", true);
            linear(t, b + "attn.c_attn", width, 3 * width);
            linear(t, b + "attn.c_proj", width, width);
            norm(t, b + "ln_2", true);
            linear(t, b + "mlp.c_fc", width, mlpWidth);
            linear(t, b + "mlp.c_proj", mlpWidth, width);
        }
        norm(t, "ln_f", true);
        return t;
    }

    private List<Tensor> llamaTensors() {
        int kv = width / heads * keyValueHeads;
        List<Tensor> t = new ArrayList<>();
        t.add(new Tensor("model.embed_tokens.weight", new int[] {vocabularySize, width}, Fill.RANDOM));
        for (int l = 0; l < layers; l++) {
            String b = "model.layers." + l + ".";
            norm(t, b + "input_layernorm", false);
            t.add(new Tensor(b + "self_attn.q_proj.weight", new int[] {width, width}, Fill.RANDOM));
            t.add(new Tensor(b + "self_attn.k_proj.weight", new int[] {kv, width}, Fill.RANDOM));
            t.add(new Tensor(b + "self_attn.v_proj.weight", new int[] {kv, width}, Fill.RANDOM));
            t.add(new Tensor(b + "self_attn.o_proj.weight", new int[] {width, width}, Fill.RANDOM));
            norm(t, b + "post_attention_layernorm", false);
            t.add(new Tensor(b + "mlp.gate_proj.weight", new int[] {mlpWidth, width}, Fill.RANDOM));
            t.add(new Tensor(b + "mlp.up_proj.weight", new int[] {mlpWidth, width}, Fill.RANDOM));
            t.add(new Tensor(b + "mlp.down_proj.weight", new int[] {width, mlpWidth}, Fill.RANDOM));
        }
        norm(t, "model.norm", false);
        return t;
    }

    /** A GPT-2 Conv1D layer: weight stored in x out, bias zero. */
    private static void linear(List<Tensor> t, String name, int in, int out) {
        t.add(new Tensor(name + ".weight", new int[] {in, out}, Fill.RANDOM));
        t.add(new Tensor(name + ".bias", new int[] {out}, Fill.ZERO));
    }

    private void norm(List<Tensor> t, String name, boolean withBias) {
        t.add(new Tensor(name + ".weight", new int[] {width}, Fill.ONE));
        if (withBias) {
            t.add(new Tensor(name + ".bias", new int[] {width}, Fill.ZERO));
        }
    }

    private static long writeSafetensors(Path file, List<Tensor> tensors, SplittableRandom rng) throws IOException {
        StringBuilder header = new StringBuilder("{");
        long offset = 0;
        for (Tensor t : tensors) {
            long bytes = 4 * t.elements();
            StringBuilder shape = new StringBuilder();
            for (int s : t.shape()) {
                shape.append(shape.length() == 0 ? "" : ",").append(s);
            }
            header.append(header.length() == 1 ? "" : ",").append('"').append(t.name()).append("\":{\"dtype\":\"F32\",")
                    .append("\"shape\":[").append(shape).append("],\"data_offsets\":[").append(offset).append(',')
                    .append(offset + bytes).append("]}");
            offset += bytes;
        }
        byte[] json = header.append('}').toString().getBytes(StandardCharsets.UTF_8);
        try (FileChannel out = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            ByteBuffer prefix = ByteBuffer.allocate(8 + json.length).order(ByteOrder.LITTLE_ENDIAN);
            prefix.putLong(json.length).put(json).flip();
            writeFully(out, prefix);
            ByteBuffer chunk = ByteBuffer.allocateDirect(1 << 20).order(ByteOrder.LITTLE_ENDIAN);
            for (Tensor t : tensors) {
                for (long i = t.elements(); i > 0; i--) {
                    chunk.putFloat(switch (t.fill()) {
                        case RANDOM -> (float) ((rng.nextDouble() * 2 - 1) * 0.03);
                        case ONE -> 1f;
                        case ZERO -> 0f;
                    });
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
