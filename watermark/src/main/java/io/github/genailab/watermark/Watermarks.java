package io.github.genailab.watermark;

import io.github.genailab.core.math.Checks;
import io.github.genailab.watermark.families.dipmark.DipmarkWatermark;
import io.github.genailab.watermark.families.ewd.EwdWatermark;
import io.github.genailab.watermark.families.exp.ExpWatermark;
import io.github.genailab.watermark.families.expedit.ExpEditWatermark;
import io.github.genailab.watermark.families.kgw.KgwWatermark;
import io.github.genailab.watermark.families.pf.PermuteAndFlipWatermark;
import io.github.genailab.watermark.families.sweet.SweetWatermark;
import io.github.genailab.watermark.families.synthid.SynthIdWatermark;
import io.github.genailab.watermark.families.unbiased.UnbiasedWatermark;
import io.github.genailab.watermark.families.unigram.UnigramWatermark;
import io.github.genailab.watermark.internal.Texts;
import java.util.List;

/**
 * The registry of watermark families: each by a lower-case name, created with an explicit key and the
 * family's default parameters (those of its paper's main experiments or its reference implementation;
 * each family's class says which). For other parameters, use the family's own factory.
 *
 * <table>
 *   <caption>Families</caption>
 *   <tr><th>name</th><th>class</th><th>paper</th></tr>
 *   <tr><td>kgw</td><td>{@link KgwWatermark}</td><td>Kirchenbauer et al., ICML 2023</td></tr>
 *   <tr><td>unigram</td><td>{@link UnigramWatermark}</td><td>Zhao et al., ICLR 2024</td></tr>
 *   <tr><td>sweet</td><td>{@link SweetWatermark}</td><td>Lee et al., ACL 2024</td></tr>
 *   <tr><td>ewd</td><td>{@link EwdWatermark}</td><td>Lu et al., ACL 2024</td></tr>
 *   <tr><td>unbiased</td><td>{@link UnbiasedWatermark}</td><td>Hu et al., ICLR 2024</td></tr>
 *   <tr><td>dipmark</td><td>{@link DipmarkWatermark}</td><td>Wu et al., ICML 2024</td></tr>
 *   <tr><td>exp</td><td>{@link ExpWatermark}</td><td>Aaronson 2022; Fernandez et al., WIFS 2023</td></tr>
 *   <tr><td>exp-edit</td><td>{@link ExpEditWatermark}</td><td>Kuditipudi et al., TMLR 2024</td></tr>
 *   <tr><td>synthid</td><td>{@link SynthIdWatermark}</td><td>Dathathri et al., Nature 2024</td></tr>
 *   <tr><td>pf</td><td>{@link PermuteAndFlipWatermark}</td><td>Zhao, Li, Wang, ICLR 2025</td></tr>
 * </table>
 * Families that need a trained auxiliary network (UPV, SIR, TS-watermark) are not included.
 *
 * @since 0.1.0
 */
public final class Watermarks {

    private static final List<String> NAMES = List.of("kgw", "unigram", "sweet", "ewd", "unbiased", "dipmark", "exp",
            "exp-edit", "synthid", "pf");

    private Watermarks() {
    }

    /**
     * Lists the registry names.
     *
     * @return an immutable list of lower-case names
     */
    public static List<String> available() {
        return NAMES;
    }

    /**
     * Creates a family by name with its default parameters and temperature 1.
     *
     * @param name a name from {@link #available()}
     * @param vocabularySize V, the model's logit width, {@code >= 2}
     * @param key the secret key, {@code >= 0} (a family may bound it further; its class says so)
     * @return the watermark
     * @throws NullPointerException if {@code name} is null
     * @throws IllegalArgumentException if the name is unknown (the message lists the available ones), or
     *     {@code vocabularySize} or {@code key} is out of range
     */
    public static Watermark create(String name, int vocabularySize, long key) {
        Checks.notNull(name, "name");
        Texts.checkVocabularySize(vocabularySize);
        if (key < 0) {
            throw Checks.fail("key", "be >= 0", key);
        }
        switch (name) {
            case "kgw":
                return KgwWatermark.of(vocabularySize, key);
            case "unigram":
                return UnigramWatermark.of(vocabularySize, key);
            case "sweet":
                return SweetWatermark.of(vocabularySize, key);
            case "ewd":
                return EwdWatermark.of(vocabularySize, key);
            case "unbiased":
                return UnbiasedWatermark.of(vocabularySize, key);
            case "dipmark":
                return DipmarkWatermark.of(vocabularySize, key);
            case "exp":
                return ExpWatermark.of(vocabularySize, key);
            case "exp-edit":
                return ExpEditWatermark.of(vocabularySize, key);
            case "synthid":
                return SynthIdWatermark.of(vocabularySize, key);
            case "pf":
                return PermuteAndFlipWatermark.of(vocabularySize, key);
            default:
                throw Checks.fail("name", "be one of " + NAMES, name);
        }
    }
}
