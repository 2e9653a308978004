/**
 * The end-to-end membership-inference experiment with in-process n-gram models
 * ({@link io.github.genailab.membership.experiment.NGramMembershipExperiment}): AUC by model order and
 * by repetition, with controls at chance. A maximal-memorisation setting that validates the
 * pipeline; not evidence about pretrained LLMs.
 */
package io.github.genailab.membership.experiment;
