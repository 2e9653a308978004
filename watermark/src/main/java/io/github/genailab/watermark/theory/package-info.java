/**
 * The watermark's theory as calculators: spike entropy, the Theorem 4.2 bound on the green count and the number
 * of tokens needed to reach a z threshold (Kirchenbauer et al., ICML 2023, Sec. 4).
 */
package io.github.genailab.watermark.theory;
