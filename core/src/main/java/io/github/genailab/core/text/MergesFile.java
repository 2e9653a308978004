package io.github.genailab.core.text;

import io.github.genailab.core.math.Checks;
import io.github.genailab.core.internal.LongIntMap;

import java.util.Map;

/**
 * Reads and writes GPT-2's merges file ({@code vocab.bpe}): a {@code #version} header line, then one
 * merge per line, {@code left right} separated by one space, in rank order (line 2 is rank 0).
 *
 * <p>Token strings use the byte-level alphabet, which has no whitespace, so the single space is
 * unambiguous. The reader accepts {@code \n} or {@code \r\n} line ends and one final newline; it
 * rejects blank lines, unknown tokens, merges whose concatenation is not in the encoder and
 * repeated merges (Python GPT-2 would silently keep the last rank of a repeated pair).
 */
final class MergesFile {

    static final String HEADER = "#version: 0.2";

    private MergesFile() {
    }

    /** Merges as parallel arrays {@code {left ids, right ids, result ids}} in rank order. */
    static int[][] parse(String text, String name, Map<String, Integer> ids) {
        String[] lines = text.split("\n", -1);
        int count = lines.length - 1;
        if (lines[count].isEmpty()) {
            count--;
        }
        if (!stripCr(lines[0]).startsWith("#version")) {
            throw Checks.fail(name + " line 1", "be a '#version' header", quoteLine(lines[0]));
        }
        int[][] merges = new int[3][Math.max(count, 0)];
        LongIntMap seen = new LongIntMap(Math.max(count, 16));
        for (int rank = 0; rank < count; rank++) {
            String line = stripCr(lines[rank + 1]);
            String lineName = name + " line " + (rank + 2);
            int space = line.indexOf(' ');
            if (space <= 0 || space == line.length() - 1 || line.indexOf(' ', space + 1) >= 0) {
                throw Checks.fail(lineName, "be two tokens separated by one space", quoteLine(line));
            }
            int left = idOf(ids, line.substring(0, space), lineName);
            int right = idOf(ids, line.substring(space + 1), lineName);
            int result = idOf(ids, line.substring(0, space) + line.substring(space + 1), lineName);
            int previous = seen.put(LongIntMap.pack(left, right), rank);
            if (previous >= 0) {
                throw Checks.fail(lineName, "not repeat the merge on line " + (previous + 2), quoteLine(line));
            }
            merges[0][rank] = left;
            merges[1][rank] = right;
            merges[2][rank] = result;
        }
        return merges;
    }

    private static int idOf(Map<String, Integer> ids, String token, String lineName) {
        Integer id = ids.get(token);
        if (id == null) {
            throw Checks.fail(lineName, "use tokens of the encoder (and merge into one)",
                    "unknown token " + quoteLine(token));
        }
        return id;
    }

    private static String stripCr(String line) {
        return line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
    }

    private static String quoteLine(String line) {
        return "\"" + (line.length() > 80 ? line.substring(0, 80) + "..." : line) + "\"";
    }

    /** The file text for merges given as token strings in rank order. */
    static String write(String[] tokens, int[] left, int[] right) {
        StringBuilder sb = new StringBuilder(HEADER.length() + left.length * 12).append(HEADER).append('\n');
        for (int rank = 0; rank < left.length; rank++) {
            sb.append(tokens[left[rank]]).append(' ').append(tokens[right[rank]]).append('\n');
        }
        return sb.toString();
    }
}
