/**
 * GenAI Lab collapse: model collapse under recursive refitting of Gaussians, Gaussian mixtures (with
 * an EM fit), categorical distributions, regression, and language models trained on their own text.
 *
 * <p>{@code io.github.genailab.collapse.internal} is not exported: implementation helpers only.
 */
@SuppressWarnings("requires-automatic") // commons-math3 3.6.1 predates module names
module io.github.genailab.collapse {
    requires transitive io.github.genailab.core;
    requires commons.math3;
    exports io.github.genailab.collapse;
    exports io.github.genailab.collapse.categorical;
    exports io.github.genailab.collapse.gaussian;
    exports io.github.genailab.collapse.mixture;
    exports io.github.genailab.collapse.regression;
    exports io.github.genailab.collapse.text;
}
