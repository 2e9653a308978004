package io.github.genailab.membership;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Reads the whitespace-separated golden files written by {@code src/test/python/golden.py}. */
final class GoldenFiles {

    private GoldenFiles() {
    }

    /** The non-comment lines of a resource next to this class. */
    static List<String> lines(String resource) {
        try (InputStream in = GoldenFiles.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + resource);
            }
            List<String> out = new ArrayList<>();
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (!line.startsWith("#") && !line.isBlank()) {
                    out.add(line);
                }
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Parses Python's repr of floats ("nan" included) exactly. */
    static double[] doubles(String line) {
        return Arrays.stream(line.trim().split("\\s+")).mapToDouble(GoldenFiles::parse).toArray();
    }

    static int[] ints(String line) {
        return Arrays.stream(line.trim().split("\\s+")).mapToInt(Integer::parseInt).toArray();
    }

    private static double parse(String token) {
        return token.equals("nan") ? Double.NaN : Double.parseDouble(token);
    }
}
