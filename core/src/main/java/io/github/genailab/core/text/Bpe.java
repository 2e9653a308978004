package io.github.genailab.core.text;

/** The merge step shared by training and encoding. */
final class Bpe {

    private Bpe() {
    }

    /**
     * Replaces, scanning left to right, every non-overlapping occurrence of {@code (left, right)} in
     * {@code word[0, length)} by {@code result}, in place (as GPT-2's {@code encoder.py} does).
     *
     * @return the new length
     */
    static int mergeAll(int[] word, int length, int left, int right, int result) {
        int out = 0;
        int i = 0;
        while (i < length) {
            if (i + 1 < length && word[i] == left && word[i + 1] == right) {
                word[out++] = result;
                i += 2;
            } else {
                word[out++] = word[i++];
            }
        }
        return out;
    }
}
