package io.github.genailab.core.text;

import io.github.genailab.core.math.Checks;
import io.github.genailab.core.internal.LongIntMap;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Learns byte-level BPE merges from a text (see {@link BpeTokenizer#train(String, int)}).
 *
 * <p>The text is pre-tokenised once; identical chunks are counted together ("words" with a
 * frequency). Pair counts live in {@link PairCounts}; a merge only revisits the words that contain
 * the merged pair, subtracting their old pairs and adding their new ones.
 */
final class BpeTrainer {

    private final int[][] words;
    private final int[] lengths;
    private final int[] frequencies;
    private final int[] lastVisit;
    private final PairCounts pairCounts = new PairCounts();
    private final List<byte[]> tokenBytes = new ArrayList<>();
    private final Map<String, Integer> idOfBytes = new HashMap<>();
    private final IntList mergeLeft = new IntList(1024);
    private final IntList mergeRight = new IntList(1024);
    private final IntList mergeResult = new IntList(1024);

    private BpeTrainer(String text) {
        Map<String, int[]> chunkCounts = new LinkedHashMap<>();
        PreTokenizer.split(text, chunk -> chunkCounts.computeIfAbsent(chunk, k -> new int[1])[0]++);
        int n = chunkCounts.size();
        words = new int[n][];
        lengths = new int[n];
        frequencies = new int[n];
        lastVisit = new int[n];
        int w = 0;
        for (Map.Entry<String, int[]> e : chunkCounts.entrySet()) {
            byte[] bytes = e.getKey().getBytes(StandardCharsets.UTF_8);
            words[w] = new int[bytes.length];
            for (int i = 0; i < bytes.length; i++) {
                words[w][i] = bytes[i] & 0xFF;
            }
            lengths[w] = bytes.length;
            frequencies[w] = e.getValue()[0];
            lastVisit[w] = -1;
            countPairs(w, +1);
            w++;
        }
        for (int b = 0; b < 256; b++) {
            addToken(new byte[] {(byte) b});
        }
    }

    static BpeTokenizer train(String text, int vocabularySize) {
        BpeTrainer trainer = new BpeTrainer(text);
        while (trainer.tokenBytes.size() < vocabularySize) {
            long pair = trainer.pairCounts.top();
            if (pair < 0) {
                throw Checks.fail("vocabularySize", "be at most " + trainer.tokenBytes.size()
                        + " for this text (no adjacent pair is left to merge)", vocabularySize);
            }
            trainer.merge(LongIntMap.high(pair), LongIntMap.low(pair));
        }
        int[] byteToId = new int[256];
        for (int b = 0; b < 256; b++) {
            byteToId[b] = b;
        }
        return new BpeTokenizer(trainer.tokenBytes.toArray(new byte[0][]), byteToId,
                trainer.mergeLeft.toArray(), trainer.mergeRight.toArray(), trainer.mergeResult.toArray());
    }

    private int addToken(byte[] bytes) {
        String key = new String(bytes, StandardCharsets.ISO_8859_1);
        Integer existing = idOfBytes.get(key);
        if (existing != null) {
            return existing;
        }
        tokenBytes.add(bytes);
        idOfBytes.put(key, tokenBytes.size() - 1);
        return tokenBytes.size() - 1;
    }

    private void merge(int left, int right) {
        byte[] a = tokenBytes.get(left);
        byte[] b = tokenBytes.get(right);
        byte[] joined = new byte[a.length + b.length];
        System.arraycopy(a, 0, joined, 0, a.length);
        System.arraycopy(b, 0, joined, a.length, b.length);
        int result = addToken(joined);
        int rank = mergeResult.size();
        mergeLeft.add(left);
        mergeRight.add(right);
        mergeResult.add(result);

        IntList candidates = pairCounts.wordsOf(LongIntMap.pack(left, right));
        int candidateCount = candidates.size();
        for (int i = 0; i < candidateCount; i++) {
            int w = candidates.get(i);
            if (lastVisit[w] == rank || !contains(w, left, right)) {
                continue;
            }
            lastVisit[w] = rank;
            countPairs(w, -1);
            lengths[w] = Bpe.mergeAll(words[w], lengths[w], left, right, result);
            countPairs(w, +1);
        }
    }

    private boolean contains(int w, int left, int right) {
        int[] word = words[w];
        for (int i = 0; i + 1 < lengths[w]; i++) {
            if (word[i] == left && word[i + 1] == right) {
                return true;
            }
        }
        return false;
    }

    private void countPairs(int w, int sign) {
        int[] word = words[w];
        for (int i = 0; i + 1 < lengths[w]; i++) {
            pairCounts.add(word[i], word[i + 1], sign * frequencies[w], w);
        }
    }
}
