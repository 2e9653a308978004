package io.github.genailab.core.text;

import io.github.genailab.core.internal.LongIntMap;
import java.util.Arrays;

/**
 * Counts of adjacent token pairs with an indexed max-heap over them, so training can update counts
 * incrementally and find the most frequent pair in O(log P).
 *
 * <p>Heap order: higher count first; equal counts go to the smaller left id, then the smaller right
 * id. Pairs whose count drops to zero leave the heap. Each pair also keeps the list of words it has
 * occurred in (possibly stale or repeated; the trainer re-checks).
 */
final class PairCounts {

    private final LongIntMap indexOf = new LongIntMap(1 << 16);
    private long[] pairs = new long[1 << 12];
    private int[] counts = new int[1 << 12];
    private int[] heapPosition = new int[1 << 12];
    private IntList[] words = new IntList[1 << 12];
    private int pairCount;
    private int[] heap = new int[1 << 12];
    private int heapSize;

    /** Adds {@code delta} occurrences of {@code (left, right)} seen in {@code word} (delta may be negative). */
    void add(int left, int right, int delta, int word) {
        long pair = LongIntMap.pack(left, right);
        int index = indexOf.get(pair);
        if (index < 0) {
            index = newPair(pair);
        }
        counts[index] += delta;
        if (delta > 0 && words[index].last() != word) {
            words[index].add(word);
        }
        if (heapPosition[index] < 0) {
            if (counts[index] > 0) {
                heap[heapSize] = index;
                heapPosition[index] = heapSize;
                heapSize++;
                siftUp(heapSize - 1);
            }
        } else if (counts[index] <= 0) {
            removeAt(heapPosition[index]);
        } else {
            siftUp(heapPosition[index]);
            siftDown(heapPosition[index]);
        }
    }

    /** The most frequent pair, or -1 if no pair has a positive count. */
    long top() {
        return heapSize == 0 ? -1L : pairs[heap[0]];
    }

    /** The words in which {@code pair} has occurred (a superset, with repeats). */
    IntList wordsOf(long pair) {
        return words[indexOf.get(pair)];
    }

    private int newPair(long pair) {
        if (pairCount == pairs.length) {
            int capacity = pairCount * 2;
            pairs = Arrays.copyOf(pairs, capacity);
            counts = Arrays.copyOf(counts, capacity);
            heapPosition = Arrays.copyOf(heapPosition, capacity);
            words = Arrays.copyOf(words, capacity);
            heap = Arrays.copyOf(heap, capacity);
        }
        int index = pairCount++;
        pairs[index] = pair;
        heapPosition[index] = -1;
        words[index] = new IntList(4);
        indexOf.put(pair, index);
        return index;
    }

    private boolean before(int a, int b) {
        if (counts[a] != counts[b]) {
            return counts[a] > counts[b];
        }
        return pairs[a] < pairs[b];
    }

    private void removeAt(int position) {
        int removed = heap[position];
        heapPosition[removed] = -1;
        heapSize--;
        if (position < heapSize) {
            int moved = heap[heapSize];
            place(moved, position);
            siftUp(position);
            siftDown(heapPosition[moved]);
        }
    }

    private void siftUp(int position) {
        int index = heap[position];
        while (position > 0) {
            int parent = (position - 1) >>> 1;
            if (!before(index, heap[parent])) {
                break;
            }
            place(heap[parent], position);
            position = parent;
        }
        place(index, position);
    }

    private void siftDown(int position) {
        int index = heap[position];
        while (true) {
            int child = 2 * position + 1;
            if (child >= heapSize) {
                break;
            }
            if (child + 1 < heapSize && before(heap[child + 1], heap[child])) {
                child++;
            }
            if (!before(heap[child], index)) {
                break;
            }
            place(heap[child], position);
            position = child;
        }
        place(index, position);
    }

    private void place(int index, int position) {
        heap[position] = index;
        heapPosition[index] = position;
    }
}
