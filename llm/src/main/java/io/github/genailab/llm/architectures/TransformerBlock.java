package io.github.genailab.llm.architectures;

/**
 * The weights of one pre-norm decoder block, every projection input-major ({@code in x out}; see
 * {@link io.github.genailab.llm.kernels.MatMul}). Null biases are absent.
 *
 * @param norm1Gain the gain of the norm before attention
 * @param norm1Bias its bias (LayerNorm only)
 * @param qkv the fused query/key/value projection, {@code E x (H + 2G) d}: each row is
 *     {@code [q heads | k heads | v heads]}
 * @param qkvBias its bias, or null
 * @param output the attention output projection, {@code H d x E}
 * @param outputBias its bias, or null
 * @param norm2Gain the gain of the norm before the MLP
 * @param norm2Bias its bias (LayerNorm only)
 * @param up the MLP's input projection: {@code E x I} (GPT-2 {@code c_fc}) or the fused
 *     {@code E x 2I} {@code [gate | up]} of SwiGLU
 * @param upBias its bias, or null
 * @param down the MLP's output projection, {@code I x E}
 * @param downBias its bias, or null
 */
record TransformerBlock(float[] norm1Gain, float[] norm1Bias, float[] qkv, float[] qkvBias, float[] output,
        float[] outputBias, float[] norm2Gain, float[] norm2Bias, float[] up, float[] upBias, float[] down,
        float[] downBias) {
}
