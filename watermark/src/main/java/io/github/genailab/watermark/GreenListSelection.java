package io.github.genailab.watermark;

/**
 * Which end of the seeded permutation forms the green list of a {@link ReferenceScheme}.
 *
 * <p>The reference's {@code select_green_tokens=True} (the default) takes the first {@code k = floor(gamma * V)}
 * entries; {@code False} is the legacy rule that takes the last {@code k}. Source:
 * {@code jwkirchenbauer/lm-watermarking@fb602de:extended_watermark_processor.py} ({@code _get_greenlist_ids}).
 *
 * @since 0.1.0
 */
public enum GreenListSelection {

    /** Green = {@code randperm(V)[:k]}; needs only {@code k} draws (the default). */
    FIRST_K,

    /** Green = {@code randperm(V)[V-k:]}, the legacy rule; needs all {@code V - 1} draws. */
    LAST_K
}
