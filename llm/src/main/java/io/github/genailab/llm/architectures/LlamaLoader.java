package io.github.genailab.llm.architectures;

import io.github.genailab.llm.Architecture;
import io.github.genailab.llm.CausalLmConfig;
import io.github.genailab.llm.safetensors.SafetensorsCheckpoint;

/**
 * Reads Llama and Qwen2 weights ({@code LlamaForCausalLM} / {@code Qwen2ForCausalLM} names). Every
 * {@code torch.nn.Linear} weight is {@code out x in} on disk and is transposed on load; q, k and v
 * are fused into one {@code E x (H + 2G) d} matrix and gate and up into one {@code E x 2I} matrix, so
 * that each step makes one pass over them. Qwen2 adds the q, k and v biases. A tied head reuses
 * {@code model.embed_tokens.weight} (a redundant {@code lm_head.weight} in the file is ignored).
 */
final class LlamaLoader {

    private LlamaLoader() {
    }

    static TransformerModel load(CausalLmConfig c, SafetensorsCheckpoint ckpt) {
        int e = c.hiddenSize();
        int v = c.vocabSize();
        int inner = c.intermediateSize();
        int q = c.heads() * c.headSize();
        int kv = c.kvHeads() * c.headSize();
        int qkvWidth = q + 2 * kv;
        boolean biased = c.architecture() == Architecture.QWEN2;
        TransformerBlock[] blocks = new TransformerBlock[c.layers()];
        for (int l = 0; l < blocks.length; l++) {
            String b = "model.layers." + l + ".";
            float[] qkv = new float[e * qkvWidth];
            ckpt.readTransposedInto(b + "self_attn.q_proj.weight", q, e, qkv, qkvWidth, 0);
            ckpt.readTransposedInto(b + "self_attn.k_proj.weight", kv, e, qkv, qkvWidth, q);
            ckpt.readTransposedInto(b + "self_attn.v_proj.weight", kv, e, qkv, qkvWidth, q + kv);
            float[] qkvBias = null;
            if (biased) {
                qkvBias = new float[qkvWidth];
                System.arraycopy(ckpt.read(b + "self_attn.q_proj.bias", q), 0, qkvBias, 0, q);
                System.arraycopy(ckpt.read(b + "self_attn.k_proj.bias", kv), 0, qkvBias, q, kv);
                System.arraycopy(ckpt.read(b + "self_attn.v_proj.bias", kv), 0, qkvBias, q + kv, kv);
            }
            float[] gateUp = new float[e * 2 * inner];
            ckpt.readTransposedInto(b + "mlp.gate_proj.weight", inner, e, gateUp, 2 * inner, 0);
            ckpt.readTransposedInto(b + "mlp.up_proj.weight", inner, e, gateUp, 2 * inner, inner);
            blocks[l] = new TransformerBlock(
                    ckpt.read(b + "input_layernorm.weight", e), null, qkv, qkvBias,
                    ckpt.readTransposed(b + "self_attn.o_proj.weight", e, q), null,
                    ckpt.read(b + "post_attention_layernorm.weight", e), null, gateUp, null,
                    ckpt.readTransposed(b + "mlp.down_proj.weight", e, inner), null);
        }
        float[] finalGain = ckpt.read("model.norm.weight", e);
        if (c.tiedEmbeddings()) {
            float[] tied = ckpt.readTransposed("model.embed_tokens.weight", v, e);
            return new TransformerModel(c, blocks, tied, true, null, finalGain, null, tied);
        }
        return new TransformerModel(c, blocks, ckpt.read("model.embed_tokens.weight", v, e), false, null, finalGain,
                null, ckpt.readTransposed("lm_head.weight", v, e));
    }
}
