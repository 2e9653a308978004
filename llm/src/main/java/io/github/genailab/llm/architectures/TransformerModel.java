package io.github.genailab.llm.architectures;

import io.github.genailab.llm.Architecture;
import io.github.genailab.llm.CausalLmConfig;
import io.github.genailab.llm.kernels.Activations;
import io.github.genailab.llm.kernels.Attention;
import io.github.genailab.llm.kernels.MatMul;
import io.github.genailab.llm.kernels.Norms;
import io.github.genailab.llm.kernels.RotaryEmbedding;
import io.github.genailab.llm.kernels.WorkerPool;
import io.github.genailab.llm.safetensors.SafetensorsCheckpoint;
import java.util.Arrays;

/**
 * The decoder-only transformer shared by GPT-2, Llama and Qwen2, with its weights in float32.
 *
 * <p>For tokens {@code t_0..t_{n-1}} at positions {@code p_0..}, with {@code x} the residual stream
 * of width {@code E}:
 * <pre>
 *   x = W_te[t] (+ W_pe[p] for GPT-2)
 *   for each of the L blocks:
 *     h = Norm1(x);  [q | k | v] = h W_qkv + b_qkv          (q: H heads, k and v: G heads of size d)
 *     q, k = RoPE(q, p), RoPE(k, p)                          (Llama, Qwen2 only)
 *     x = x + Attention(q, K_cache + k, V_cache + v) W_o + b_o
 *     h = Norm2(x)
 *     x = x + gelu_tanh(h W_fc + b_fc) W_proj + b_proj       (GPT-2)
 *     x = x + (silu(h W_gate) * (h W_up)) W_down             (Llama, Qwen2: SwiGLU)
 *   logits = NormF(x) W_head^T                               (W_head = W_te when tied)
 * </pre>
 * Norm is LayerNorm for GPT-2 and RMSNorm for Llama and Qwen2 ({@link Norms}); attention is causal
 * with grouped-query heads ({@link Attention}); RoPE is the rotate-half convention
 * ({@link RotaryEmbedding}). Biases: GPT-2 has them everywhere, Qwen2 only on q, k and v, Llama
 * nowhere.
 *
 * <p>Weights are held input-major ({@link MatMul}): GPT-2's Conv1D weights are already {@code in x out}
 * and are used as stored, while every {@code torch.nn.Linear} weight ({@code out x in}) is transposed
 * on load; porting one convention onto the other silently computes {@code x W^T} with the wrong
 * matrix (square ones even run). A tied head is held only transposed ({@code E x V}) and token
 * embedding rows are gathered from its columns, so tying costs no second copy.
 *
 * <p>Followed (eager attention path, no cache): Hugging Face transformers
 * {@code src/transformers/models/gpt2/modeling_gpt2.py} at commit
 * {@code c44b2d9976e8eafbdcb89cb2710141b2bc9b138f}, {@code models/llama/modeling_llama.py} at
 * {@code 5dd4a63548857797727ae73eeb6a6e886ea02a3e} and {@code models/qwen2/modeling_qwen2.py} at
 * {@code 63bb723747035466e5339aea864b133f709b067d}; the float64 re-statement of them in
 * {@code tools/llm-goldens/make_goldens.py} produces the test goldens. References: A. Radford,
 * J. Wu, R. Child, D. Luan, D. Amodei, I. Sutskever, "Language Models are Unsupervised Multitask
 * Learners", OpenAI 2019; H. Touvron et al., "LLaMA: Open and Efficient Foundation Language Models",
 * arXiv:2302.13971, 2023; A. Yang et al., "Qwen2 Technical Report", arXiv:2407.10671, 2024.
 *
 * <p>Thread-safe: the weights are never written after loading; every call allocates its own
 * activations, and a {@link KvCache} belongs to one caller.
 *
 * @since 0.1.0
 */
public final class TransformerModel {

    private final CausalLmConfig config;
    private final TransformerBlock[] blocks;
    private final float[] tokenEmbedding;
    private final boolean embeddingTransposed;
    private final float[] positionEmbedding;
    private final float[] finalGain;
    private final float[] finalBias;
    private final float[] head;
    private final RotaryEmbedding rope;

    TransformerModel(CausalLmConfig config, TransformerBlock[] blocks, float[] tokenEmbedding,
            boolean embeddingTransposed, float[] positionEmbedding, float[] finalGain, float[] finalBias,
            float[] head) {
        this.config = config;
        this.blocks = blocks.clone();
        this.tokenEmbedding = tokenEmbedding;
        this.embeddingTransposed = embeddingTransposed;
        this.positionEmbedding = positionEmbedding;
        this.finalGain = finalGain;
        this.finalBias = finalBias;
        this.head = head;
        this.rope = config.architecture() == Architecture.GPT2 ? null
                : new RotaryEmbedding(config.headSize(), config.ropeTheta());
    }

    /**
     * Loads the weights named by the Hugging Face conventions of {@code config.architecture()}.
     *
     * @param config the validated config
     * @param checkpoint the opened checkpoint
     * @return the model
     * @throws IllegalArgumentException if a tensor is missing or has the wrong shape (named, with the
     *     expected and found shapes)
     */
    public static TransformerModel load(CausalLmConfig config, SafetensorsCheckpoint checkpoint) {
        return config.architecture() == Architecture.GPT2 ? Gpt2Loader.load(config, checkpoint)
                : LlamaLoader.load(config, checkpoint);
    }

    /**
     * The model's config.
     *
     * @return the config
     */
    public CausalLmConfig config() {
        return config;
    }

    /**
     * A new, empty key/value cache for this model.
     *
     * @return the cache
     */
    public KvCache newCache() {
        return new KvCache(config.layers(), config.kvHeads() * config.headSize(), config.maxPositions());
    }

    /**
     * Runs {@code tokens} through the model in one batched pass, at the positions after what
     * {@code cache} holds, and appends their keys and values to it.
     *
     * @param tokens the new token ids, at least one, already checked against the vocabulary
     * @param cache the cache of the context so far (extended by {@code tokens.length} positions)
     * @param allRows whether to return the logits of every new position or only of the last
     * @param pool the threads
     * @return the logits, {@code rows x V} row-major with {@code rows = tokens.length} or 1
     * @throws IllegalArgumentException if the sequence would exceed the model's positions
     */
    public float[] forward(int[] tokens, KvCache cache, boolean allRows, WorkerPool pool) {
        int n = tokens.length;
        int e = config.hiddenSize();
        int d = config.headSize();
        int heads = config.heads();
        int kvHeads = config.kvHeads();
        int qWidth = heads * d;
        int kvWidth = kvHeads * d;
        int qkvWidth = qWidth + 2 * kvWidth;
        int inner = config.intermediateSize();
        boolean gated = rope != null;
        int upWidth = gated ? 2 * inner : inner;
        int start = cache.length();
        cache.reserve(n);

        float[] x = embed(tokens, start);
        float[] h = new float[n * e];
        float[] qkv = new float[n * qkvWidth];
        float[] attended = new float[n * qWidth];
        float[] up = new float[n * upWidth];
        float[] activated = gated ? new float[n * inner] : up;
        float[] delta = new float[n * e];
        float[][] angles = gated ? rope.table(start, n) : null;
        for (int l = 0; l < blocks.length; l++) {
            TransformerBlock b = blocks[l];
            norm(x, n, b.norm1Gain(), b.norm1Bias(), h);
            MatMul.multiply(h, n, e, b.qkv(), qkvWidth, b.qkvBias(), qkv, pool);
            if (gated) {
                rope.rotate(qkv, n, qkvWidth, 0, heads, angles);
                rope.rotate(qkv, n, qkvWidth, qWidth, kvHeads, angles);
            }
            float[] keys = cache.keys(l);
            float[] values = cache.values(l);
            int capacity = cache.capacity();
            for (int t = 0; t < n; t++) {
                int at = t * qkvWidth + qWidth;
                for (int c = 0; c < kvWidth; c++) {
                    keys[c * capacity + start + t] = qkv[at + c];
                }
                System.arraycopy(qkv, at + kvWidth, values, (start + t) * kvWidth, kvWidth);
            }
            Attention.causal(qkv, n, qkvWidth, heads, kvHeads, d, keys, capacity, values, start, attended, pool);
            MatMul.multiply(attended, n, qWidth, b.output(), e, b.outputBias(), delta, pool);
            add(x, delta);
            norm(x, n, b.norm2Gain(), b.norm2Bias(), h);
            MatMul.multiply(h, n, e, b.up(), upWidth, b.upBias(), up, pool);
            activate(up, activated, n, inner, gated, pool);
            MatMul.multiply(activated, n, inner, b.down(), e, b.downBias(), delta, pool);
            add(x, delta);
        }
        cache.advance(n);

        int rows = allRows ? n : 1;
        float[] last = Arrays.copyOfRange(x, (n - rows) * e, n * e);
        float[] normed = new float[rows * e];
        norm(last, rows, finalGain, finalBias, normed);
        float[] logits = new float[rows * config.vocabSize()];
        MatMul.multiply(normed, rows, e, head, config.vocabSize(), null, logits, pool);
        return logits;
    }

    private float[] embed(int[] tokens, int start) {
        int e = config.hiddenSize();
        int vocab = config.vocabSize();
        float[] x = new float[tokens.length * e];
        for (int t = 0; t < tokens.length; t++) {
            int id = tokens[t];
            if (embeddingTransposed) {
                for (int i = 0; i < e; i++) {
                    x[t * e + i] = tokenEmbedding[i * vocab + id];
                }
            } else {
                System.arraycopy(tokenEmbedding, id * e, x, t * e, e);
            }
            if (positionEmbedding != null) {
                int p = (start + t) * e;
                for (int i = 0; i < e; i++) {
                    x[t * e + i] += positionEmbedding[p + i];
                }
            }
        }
        return x;
    }

    private void norm(float[] x, int rows, float[] gain, float[] bias, float[] y) {
        if (bias != null) {
            Norms.layerNorm(x, rows, config.hiddenSize(), gain, bias, config.normEps(), y);
        } else {
            Norms.rmsNorm(x, rows, config.hiddenSize(), gain, config.normEps(), y);
        }
    }

    private static void activate(float[] up, float[] out, int rows, int inner, boolean gated, WorkerPool pool) {
        pool.forRange(rows, 1, (r0, r1) -> {
            for (int r = r0; r < r1; r++) {
                if (gated) {
                    Activations.swiGlu(up, r * 2 * inner, r * 2 * inner + inner, out, r * inner, inner);
                } else {
                    Activations.geluTanh(up, r * inner, (r + 1) * inner);
                }
            }
        });
    }

    private static void add(float[] x, float[] delta) {
        for (int i = 0; i < x.length; i++) {
            x[i] += delta[i];
        }
    }
}
