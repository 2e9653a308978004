package io.github.genailab.watermark;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** Reads golden-vectors.txt (written by src/test/python/golden_vectors.py with torch's CPU generator). */
final class GoldenVectors {

    private GoldenVectors() {
    }

    /** The records of one kind, each split into whitespace-separated fields (the kind itself dropped). */
    static List<String[]> records(String kind) {
        List<String[]> out = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(
                Objects.requireNonNull(GoldenVectors.class.getResourceAsStream("golden-vectors.txt")),
                StandardCharsets.UTF_8))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                String[] f = line.trim().split("\\s+");
                if (f[0].equals(kind)) {
                    String[] rest = new String[f.length - 1];
                    System.arraycopy(f, 1, rest, 0, rest.length);
                    out.add(rest);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    static int[] ints(String[] f, int from, int count) {
        int[] out = new int[count];
        for (int i = 0; i < count; i++) {
            out[i] = Integer.parseInt(f[from + i]);
        }
        return out;
    }
}
