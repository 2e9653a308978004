package io.github.genailab.membership;

/**
 * Whether a text was in the model's training data, as far as the data set says.
 *
 * @since 0.1.0
 */
public enum MembershipLabel {

    /** In the training data (label 1 in WikiMIA, "seen"). */
    MEMBER,

    /** Not in the training data (label 0 in WikiMIA, "unseen"). */
    NON_MEMBER,

    /** Not labelled (for example an API response read without its data set). */
    UNKNOWN;

    /**
     * The label for a boolean.
     *
     * @param member whether the text is a member
     * @return {@link #MEMBER} or {@link #NON_MEMBER}
     */
    public static MembershipLabel of(boolean member) {
        return member ? MEMBER : NON_MEMBER;
    }
}
