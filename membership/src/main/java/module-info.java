/**
 * GenAI Lab membership: pretraining-data detection (Min-K% Prob, Min-K%++ and the baseline scores),
 * readers of exported log-probabilities, evaluation and the n-gram membership experiment.
 */
module io.github.genailab.membership {
    requires transitive io.github.genailab.core;
    exports io.github.genailab.membership;
    exports io.github.genailab.membership.eval;
    exports io.github.genailab.membership.experiment;
    exports io.github.genailab.membership.io;
}
