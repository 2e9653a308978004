package io.github.genailab.membership.io;

import io.github.genailab.membership.MembershipLabel;
import java.util.List;

/**
 * Log-probability arrays, labels and ids read from JSON fields with messages that name the field, shared
 * by the readers of this package. A {@code null} entry is an unscored position, kept as NaN until
 * {@link #dropUnscored} removes it.
 */
final class LogProbFields {

    private LogProbFields() {
    }

    /** A log-probability array with NaN at null (unscored) positions; at least one number. */
    static double[] logProbs(Fields f, String key) {
        List<?> list = f.array(key);
        double[] out = new double[list.size()];
        for (int i = 0; i < out.length; i++) {
            Object v = list.get(i);
            out[i] = v == null ? Double.NaN : logProb(f, f.name(key) + "[" + i + "]", v);
        }
        requireScored(f, key, out);
        return out;
    }

    static double logProb(Fields f, String field, Object value) {
        if (!(value instanceof Double d) || !(d <= 0)) {
            throw f.fail(field, "be a number <= 0 or null", value);
        }
        return d;
    }

    static void requireScored(Fields f, String key, double[] values) {
        for (double v : values) {
            if (!Double.isNaN(v)) {
                return;
            }
        }
        throw f.fail(f.name(key), "hold at least one log-probability", f.raw(key));
    }

    /** mu or sigma aligned with token_logprobs: numbers wherever a log-probability is. */
    static double[] aligned(Fields f, String key, double[] logProbs, boolean isSigma) {
        List<?> list = f.array(key);
        if (list.size() != logProbs.length) {
            throw f.fail(f.name(key), "have the length of token_logprobs (" + logProbs.length + ")", list);
        }
        double[] out = new double[list.size()];
        for (int i = 0; i < out.length; i++) {
            if (Double.isNaN(logProbs[i])) {
                out[i] = Double.NaN;
                continue;
            }
            Object v = list.get(i);
            boolean ok = v instanceof Double d && (isSigma ? d >= 0 : d <= 0);
            if (!ok) {
                throw f.fail(f.name(key) + "[" + i + "]", isSigma ? "be a number >= 0 where token_logprobs is a number"
                        : "be a number <= 0 where token_logprobs is a number", v);
            }
            out[i] = (Double) v;
        }
        return out;
    }

    /** The entries of {@code values} at positions where {@code logProbs} is a number. */
    static double[] scored(double[] values, double[] logProbs) {
        int n = 0;
        for (double lp : logProbs) {
            if (!Double.isNaN(lp)) {
                n++;
            }
        }
        double[] out = new double[n];
        int k = 0;
        for (int i = 0; i < logProbs.length; i++) {
            if (!Double.isNaN(logProbs[i])) {
                out[k++] = values[i];
            }
        }
        return out;
    }

    static double[] dropUnscored(double[] logProbs) {
        return scored(logProbs, logProbs);
    }

    static MembershipLabel label(Fields f) {
        if (!f.has("label")) {
            return MembershipLabel.UNKNOWN;
        }
        Object v = f.raw("label");
        if (Boolean.TRUE.equals(v) || Double.valueOf(1).equals(v)) {
            return MembershipLabel.MEMBER;
        }
        if (Boolean.FALSE.equals(v) || Double.valueOf(0).equals(v)) {
            return MembershipLabel.NON_MEMBER;
        }
        throw f.fail("label", "be 1, 0, true or false", v);
    }

    static String id(Fields f, int line) {
        if (!f.has("id")) {
            return "line " + line;
        }
        Object v = f.raw("id");
        if (v instanceof String s) {
            return s;
        }
        if (v instanceof Double) {
            return Fields.describe(v);
        }
        throw f.fail("id", "be a string or a number", v);
    }
}
