/**
 * GenAI Lab diffusion: denoising diffusion models (DDPM, DDIM) trained on two-dimensional point clouds
 * and the bundled digits, their evaluation, and a trigger watermark embedded in the model.
 */
module io.github.genailab.diffusion {
    requires transitive io.github.genailab.core;
    exports io.github.genailab.diffusion;
    exports io.github.genailab.diffusion.data;
    exports io.github.genailab.diffusion.eval;
}
