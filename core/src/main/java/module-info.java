/**
 * GenAI Lab core: tokenizers and corpora, language models and decoding, maths and statistics shared
 * by every kernel module, the bundled handwritten digits, and the one progress callback.
 *
 * <p>{@code io.github.genailab.core.internal} (implementation helpers: strict JSON reader, fast float
 * exponential, copies, formatting, primitive maps) and {@code io.github.genailab.core.internal.nn} (the
 * small-network pieces: layers, Adam, batch shuffling) are exported only to the library's own modules.
 * The qualified export names modules that are built after this one, hence the suppressed "module
 * not found" lint.
 */
@SuppressWarnings("module")
module io.github.genailab.core {
    exports io.github.genailab.core;
    exports io.github.genailab.core.data;
    exports io.github.genailab.core.lm;
    exports io.github.genailab.core.math;
    exports io.github.genailab.core.stats;
    exports io.github.genailab.core.text;
    exports io.github.genailab.core.internal to
            io.github.genailab.watermark,
            io.github.genailab.contrastive,
            io.github.genailab.membership,
            io.github.genailab.collapse,
            io.github.genailab.llm,
            io.github.genailab.diffusion;
    exports io.github.genailab.core.internal.nn to
            io.github.genailab.contrastive,
            io.github.genailab.diffusion;
}
