/**
 * GenAI Lab contrastive: the CLIP and SigLIP losses with their gradients, zero-shot classification and
 * a tiny CLIP trained on the bundled digits. GEMM through ND4J.
 */
@SuppressWarnings("requires-automatic") // ND4J 1.0.0-M2.1 declares no module names
module io.github.genailab.contrastive {
    requires transitive io.github.genailab.core;
    requires nd4j.api;
    requires org.bytedeco.javacpp;
    exports io.github.genailab.contrastive;
    exports io.github.genailab.contrastive.tinyclip;
}
