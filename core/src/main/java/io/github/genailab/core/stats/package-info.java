/**
 * Statistics shared by the kernels: exact normal tail probabilities and ROC curves matching scikit-learn.
 */
package io.github.genailab.core.stats;
