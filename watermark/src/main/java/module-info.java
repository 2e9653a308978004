/**
 * GenAI Lab watermark: Kirchenbauer et al.'s green/red-list watermark for LLM text (schemes, logits
 * processor, z-score detection), attacks, evaluation and theory.
 */
@SuppressWarnings("requires-automatic") // commons-math3 3.6.1 predates module names
module io.github.genailab.watermark {
    requires transitive io.github.genailab.core;
    requires commons.math3;
    exports io.github.genailab.watermark;
    exports io.github.genailab.watermark.attack;
    exports io.github.genailab.watermark.families.dipmark;
    exports io.github.genailab.watermark.families.ewd;
    exports io.github.genailab.watermark.families.exp;
    exports io.github.genailab.watermark.families.expedit;
    exports io.github.genailab.watermark.families.kgw;
    exports io.github.genailab.watermark.families.pf;
    exports io.github.genailab.watermark.families.sweet;
    exports io.github.genailab.watermark.families.synthid;
    exports io.github.genailab.watermark.families.unbiased;
    exports io.github.genailab.watermark.families.unigram;
    exports io.github.genailab.watermark.eval;
    exports io.github.genailab.watermark.theory;
    exports io.github.genailab.watermark.torch;
}
