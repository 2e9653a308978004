/**
 * PyTorch's CPU random permutation, bit for bit: the MT19937 generator with torch's seeding and
 * {@code torch.randperm}'s forward Fisher–Yates shuffle, plus the prefix-only and single-value forms the
 * reference-compatible watermark schemes need.
 */
package io.github.genailab.watermark.torch;
