package io.github.genailab.llm.architectures;

import io.github.genailab.llm.CausalLmConfig;
import io.github.genailab.llm.safetensors.SafetensorsCheckpoint;

/**
 * Reads GPT-2 weights ({@code GPT2LMHeadModel} names, with or without the {@code transformer.}
 * prefix). Conv1D weights are {@code in x out} on disk and kept as they are; the {@code attn.bias} /
 * {@code attn.masked_bias} buffers (the causal mask, which older files carry) are ignored.
 */
final class Gpt2Loader {

    private Gpt2Loader() {
    }

    static TransformerModel load(CausalLmConfig c, SafetensorsCheckpoint ckpt) {
        String p = ckpt.contains("transformer.wte.weight") ? "transformer." : "";
        int e = c.hiddenSize();
        int v = c.vocabSize();
        int inner = c.intermediateSize();
        TransformerBlock[] blocks = new TransformerBlock[c.layers()];
        for (int l = 0; l < blocks.length; l++) {
            String b = p + "h." + l + ".";
            blocks[l] = new TransformerBlock(
                    ckpt.read(b + "ln_1.weight", e), ckpt.read(b + "ln_1.bias", e),
                    ckpt.read(b + "attn.c_attn.weight", e, 3 * e), ckpt.read(b + "attn.c_attn.bias", 3 * e),
                    ckpt.read(b + "attn.c_proj.weight", e, e), ckpt.read(b + "attn.c_proj.bias", e),
                    ckpt.read(b + "ln_2.weight", e), ckpt.read(b + "ln_2.bias", e),
                    ckpt.read(b + "mlp.c_fc.weight", e, inner), ckpt.read(b + "mlp.c_fc.bias", inner),
                    ckpt.read(b + "mlp.c_proj.weight", inner, e), ckpt.read(b + "mlp.c_proj.bias", e));
        }
        float[] positions = ckpt.read(p + "wpe.weight", c.maxPositions(), e);
        float[] finalGain = ckpt.read(p + "ln_f.weight", e);
        float[] finalBias = ckpt.read(p + "ln_f.bias", e);
        if (c.tiedEmbeddings()) {
            float[] tied = ckpt.readTransposed(p + "wte.weight", v, e);
            return new TransformerModel(c, blocks, tied, true, positions, finalGain, finalBias, tied);
        }
        return new TransformerModel(c, blocks, ckpt.read(p + "wte.weight", v, e), false, positions, finalGain,
                finalBias, ckpt.readTransposed("lm_head.weight", v, e));
    }
}
