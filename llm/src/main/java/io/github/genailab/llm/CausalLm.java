package io.github.genailab.llm;

import io.github.genailab.core.lm.DecodingSession;
import io.github.genailab.core.lm.LanguageModel;
import io.github.genailab.core.math.Checks;
import io.github.genailab.llm.architectures.KvCache;
import io.github.genailab.llm.architectures.TransformerModel;
import io.github.genailab.llm.kernels.WorkerPool;
import io.github.genailab.llm.safetensors.SafetensorsCheckpoint;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * A pretrained decoder-only transformer loaded from a Hugging Face model directory — GPT-2
 * (Radford et al. 2019), Llama (Touvron et al. 2023; also SmolLM2, TinyLlama) or Qwen2 (Yang et al.
 * 2024) — behind core's {@link LanguageModel}, so every kernel of the library runs on it.
 *
 * <p>The directory holds {@code config.json} and {@code model.safetensors} (or
 * {@code model.safetensors.index.json} and its shards), as a {@code git clone} of the model's Hub
 * repository or {@code huggingface-cli download gpt2} leaves it; nothing is downloaded. The
 * {@code model_type} of {@code config.json} selects the {@link Architecture}; weights in F32, F16 or
 * BF16 are widened to float32 and all arithmetic is float32 (the equations are on
 * {@link TransformerModel}). Logits match transformers' {@code GPT2LMHeadModel},
 * {@code LlamaForCausalLM} and {@code Qwen2ForCausalLM} (re-stated in float64) to within 6e-6 on
 * the test checkpoints.
 *
 * <p>Costs: {@link #forward(int[])} is one batched pass (matrix-matrix products) over all tokens;
 * {@link #newSession()} keeps a key/value cache, so that decoding {@code n} tokens after a prompt
 * costs one pass over the prompt and {@code n} single-token passes (each reading every weight once).
 * {@code core}'s {@code Decoder.generate} decodes through such a session. The stateless
 * {@link #nextTokenLogits(int[], int)} runs one pass over the prefix each time.
 *
 * <p>A transformer has no unconditional distribution: a context of length 0 is refused. Sequences
 * are limited to {@code config().maxPositions()} tokens. The model holds a pool of
 * {@link CausalLmOptions#threads()} threads; {@link #close()} stops it. Thread-safe: concurrent calls
 * share the weights and the pool, each with its own activations and cache.
 *
 * @since 0.1.0
 */
public final class CausalLm implements LanguageModel, AutoCloseable {

    private final TransformerModel model;
    private final WorkerPool pool;
    private final Path directory;
    private volatile boolean closed;

    private CausalLm(TransformerModel model, WorkerPool pool, Path directory) {
        this.model = model;
        this.pool = pool;
        this.directory = directory;
    }

    /**
     * Loads a model directory with the default options.
     *
     * @param directory the directory holding {@code config.json} and the safetensors weights
     * @return the model
     * @throws NullPointerException if {@code directory} is null
     * @throws IllegalArgumentException if a file is missing or malformed, the config names an
     *     unsupported architecture or option, or a tensor is missing or of the wrong shape or dtype
     * @throws java.io.UncheckedIOException if reading fails
     */
    public static CausalLm load(Path directory) {
        return load(directory, CausalLmOptions.defaults());
    }

    /**
     * Loads a model directory.
     *
     * @param directory the directory holding {@code config.json} and the safetensors weights
     * @param options the thread count
     * @return the model
     * @throws NullPointerException if an argument is null
     * @throws IllegalArgumentException if a file is missing or malformed, the config names an
     *     unsupported architecture or option, or a tensor is missing or of the wrong shape or dtype
     * @throws java.io.UncheckedIOException if reading fails
     */
    public static CausalLm load(Path directory, CausalLmOptions options) {
        Checks.notNull(directory, "directory");
        Checks.notNull(options, "options");
        CausalLmConfig config = CausalLmConfig.read(directory.resolve("config.json"));
        TransformerModel model = TransformerModel.load(config, SafetensorsCheckpoint.open(directory));
        return new CausalLm(model, new WorkerPool(options.threads()), directory);
    }

    /**
     * The hyper-parameters read from {@code config.json}.
     *
     * @return the config
     */
    public CausalLmConfig config() {
        return model.config();
    }

    @Override
    public int vocabularySize() {
        return model.config().vocabSize();
    }

    /**
     * Logits after every prefix of {@code tokens}, in one batched pass.
     *
     * @param tokens the sequence, 1 to {@code maxPositions} ids (not modified)
     * @return {@code tokens.length} rows of {@link #vocabularySize()} logits: row {@code i} is the
     *     distribution of the token after {@code tokens[0..i]}
     * @throws NullPointerException if {@code tokens} is null
     * @throws IllegalArgumentException if {@code tokens} is empty, too long or holds an id outside
     *     the vocabulary
     * @throws IllegalStateException if the model is closed
     */
    @Override
    public float[][] forward(int[] tokens) {
        Checks.nonEmpty(tokens, "tokens");
        int vocab = vocabularySize();
        float[] flat = run(tokens, model.newCache(), true);
        float[][] rows = new float[tokens.length][];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = Arrays.copyOfRange(flat, i * vocab, (i + 1) * vocab);
        }
        return rows;
    }

    /**
     * Logits of the token after {@code tokens[0, length)}: one pass over the prefix, no cache kept.
     *
     * @param tokens the token ids (only the first {@code length} are read; not modified)
     * @param length the prefix length, {@code 1 <= length <= tokens.length}
     * @return a new array of {@link #vocabularySize()} logits
     * @throws NullPointerException if {@code tokens} is null
     * @throws IllegalArgumentException if {@code length} is out of range (0 included: a transformer
     *     needs context), the prefix is too long or holds an id outside the vocabulary
     * @throws IllegalStateException if the model is closed
     */
    @Override
    public double[] nextTokenLogits(int[] tokens, int length) {
        Checks.notNull(tokens, "tokens");
        if (length == 0) {
            throw Checks.fail("length", "be >= 1 (a transformer needs at least one token of context)", 0);
        }
        Checks.inRange(length, 1, tokens.length, "length");
        float[] logits = run(Arrays.copyOf(tokens, length), model.newCache(), false);
        return toDoubles(logits, 0, logits.length);
    }

    /**
     * Per-token log-probabilities from one batched {@link #forward(int[])} and a log-softmax of each
     * row (in double): position {@code i - 1} holds {@code log p(t_i | t_0..t_{i-1})}.
     *
     * @param tokens the sequence, at least two tokens (not modified)
     * @return {@code n - 1} natural-log probabilities
     * @throws NullPointerException if {@code tokens} is null
     * @throws IllegalArgumentException if fewer than two tokens, too many, or an id is outside the
     *     vocabulary
     * @throws IllegalStateException if the model is closed
     */
    @Override
    public double[] tokenLogProbs(int[] tokens) {
        Checks.notNull(tokens, "tokens");
        if (tokens.length < 2) {
            throw Checks.fail("tokens.length", "be >= 2 (the first token is context only)", tokens.length);
        }
        int vocab = vocabularySize();
        Checks.tokenIds(tokens, vocab, "tokens");
        float[] flat = run(Arrays.copyOf(tokens, tokens.length - 1), model.newCache(), true);
        double[] out = new double[tokens.length - 1];
        for (int i = 0; i < out.length; i++) {
            int at = i * vocab;
            double max = Double.NEGATIVE_INFINITY;
            for (int j = 0; j < vocab; j++) {
                max = Math.max(max, flat[at + j]);
            }
            double sum = 0;
            for (int j = 0; j < vocab; j++) {
                sum += Math.exp(flat[at + j] - max);
            }
            out[i] = flat[at + tokens[i + 1]] - max - Math.log(sum);
        }
        return out;
    }

    /**
     * Opens a session that keeps a key/value cache: {@code append} runs one batched pass over the new
     * tokens only.
     *
     * @return a new, empty session (close it to free the cache)
     * @throws IllegalStateException if the model is closed
     */
    @Override
    public DecodingSession newSession() {
        requireOpen();
        return new CachedSession(this, model.newCache());
    }

    /** Checks the ids and the state, then runs one pass that extends {@code cache}. */
    float[] run(int[] tokens, KvCache cache, boolean allRows) {
        Checks.tokenIds(tokens, vocabularySize(), "tokens");
        requireOpen();
        return model.forward(tokens, cache, allRows, pool);
    }

    static double[] toDoubles(float[] values, int from, int to) {
        double[] out = new double[to - from];
        for (int i = from; i < to; i++) {
            out[i - from] = values[i];
        }
        return out;
    }

    private void requireOpen() {
        if (closed) {
            throw new IllegalStateException("the model " + directory + " is closed");
        }
    }

    /** Stops the model's worker threads; idempotent. Later calls throw {@link IllegalStateException}. */
    @Override
    public void close() {
        closed = true;
        pool.close();
    }

    /**
     * One line: architecture, sizes, threads and directory.
     *
     * @return the description
     */
    @Override
    public String toString() {
        CausalLmConfig c = config();
        return "CausalLm[" + c.architecture().modelType() + ", layers=" + c.layers() + ", hidden=" + c.hiddenSize()
                + ", heads=" + c.heads() + "/" + c.kvHeads() + ", vocab=" + c.vocabSize() + ", threads="
                + pool.threads() + ", " + directory + "]";
    }
}
