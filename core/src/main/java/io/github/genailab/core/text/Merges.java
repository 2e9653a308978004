package io.github.genailab.core.text;

import io.github.genailab.core.internal.LongIntMap;

/**
 * A BPE merge table and the two ways of applying it to a word (a chunk's token ids): GPT-2's
 * {@code encoder.py} (every occurrence of the lowest-ranked pair at once, left to right) and the Rust
 * {@code tokenizers} library's (one occurrence at a time, leftmost first, pairs it creates competing at
 * once). Words shorter than {@value #LONG_WORD} are rescanned after each step, longer ones use an
 * O(n log n) heap with the same result.
 */
final class Merges {

    /** Chunks of at least this many bytes are merged with the O(n log n) heap instead of rescanning. */
    static final int LONG_WORD = 48;
    private static final int DEAD = -2;

    private final int[] left;
    private final int[] right;
    private final int[] result;
    private final LongIntMap rankOfPair;
    private final boolean oneAtATime;

    /**
     * @param left the left token of each merge, in rank order
     * @param right the right token of each merge
     * @param result the token each merge produces
     * @param oneAtATime the Rust library's order (true) or {@code encoder.py}'s (false)
     */
    Merges(int[] left, int[] right, int[] result, boolean oneAtATime) {
        this.left = left;
        this.right = right;
        this.result = result;
        this.oneAtATime = oneAtATime;
        this.rankOfPair = new LongIntMap(left.length);
        for (int rank = 0; rank < left.length; rank++) {
            rankOfPair.put(LongIntMap.pack(left[rank], right[rank]), rank);
        }
    }

    int count() {
        return left.length;
    }

    int[] left() {
        return left;
    }

    int[] right() {
        return right;
    }

    /** Merges {@code word[0, length)} in place; returns the new length. */
    int apply(int[] word, int length) {
        return length < LONG_WORD ? applyByScan(word, length) : applyByHeap(word, length);
    }

    private int rank(int left, int right) {
        return rankOfPair.get(LongIntMap.pack(left, right));
    }

    /**
     * {@code encoder.py}'s loop: find the lowest-ranked adjacent pair, merge all its occurrences (or,
     * with {@code oneAtATime}, only its leftmost one).
     */
    int applyByScan(int[] word, int length) {
        while (length > 1) {
            int best = Integer.MAX_VALUE;
            int at = -1;
            for (int i = 0; i + 1 < length; i++) {
                int rank = rank(word[i], word[i + 1]);
                if (rank >= 0 && rank < best) {
                    best = rank;
                    at = i;
                }
            }
            if (at < 0) {
                break;
            }
            if (oneAtATime) {
                word[at] = result[best];
                System.arraycopy(word, at + 2, word, at + 1, length - at - 2);
                length--;
            } else {
                length = Bpe.mergeAll(word, length, left[best], right[best], result[best]);
            }
        }
        return length;
    }

    /**
     * The same result in O(n log n): a linked list of tokens and a heap of (rank, position). All
     * occurrences of one rank pop in position order, which is the left-to-right scan; pairs created
     * meanwhile wait until that rank is done, because {@code encoder.py} only looks for the next pair
     * after merging every occurrence of the current one (this matters when a merges file is not in
     * dependency order). A popped entry is acted on only if its position still holds a pair of that rank.
     * With {@code oneAtATime} created pairs join the heap at once, which is the Rust
     * {@code tokenizers} library's {@code Word::merge_all}.
     */
    int applyByHeap(int[] word, int length) {
        int[] next = new int[length];
        int[] prev = new int[length];
        LongMinHeap heap = new LongMinHeap(length);
        for (int i = 0; i < length; i++) {
            next[i] = i + 1 < length ? i + 1 : -1;
            prev[i] = i - 1;
            if (i + 1 < length) {
                offer(heap, rank(word[i], word[i + 1]), i);
            }
        }
        LongMinHeap created = new LongMinHeap(16); // pairs waiting for the current rank to finish
        while (!heap.isEmpty()) {
            long entry = heap.poll();
            int rank = (int) (entry >>> 32);
            int p = (int) entry;
            if (next[p] >= 0 && prev[p] != DEAD && rank(word[p], word[next[p]]) == rank) {
                int q = next[p];
                word[p] = result[rank];
                next[p] = next[q];
                if (next[q] >= 0) {
                    prev[next[q]] = p;
                }
                prev[q] = DEAD;
                if (prev[p] >= 0) {
                    created.add(((long) rank(word[prev[p]], word[p]) << 32) | prev[p]);
                }
                if (next[p] >= 0) {
                    created.add(((long) rank(word[p], word[next[p]]) << 32) | p);
                }
            }
            if (!created.isEmpty()
                    && (oneAtATime || heap.isEmpty() || (int) (heap.peek() >>> 32) != rank)) {
                while (!created.isEmpty()) {
                    long c = created.poll();
                    offer(heap, (int) (c >>> 32), (int) c);
                }
            }
        }
        int out = 0;
        for (int i = 0; i >= 0; i = next[i]) {
            word[out++] = word[i];
        }
        return out;
    }

    private static void offer(LongMinHeap heap, int rank, int position) {
        if (rank >= 0) {
            heap.add(((long) rank << 32) | position);
        }
    }
}
