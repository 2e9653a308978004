package io.github.genailab.watermark.families;

import io.github.genailab.core.internal.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads family-goldens.json, written by tools/watermark-family-goldens/generate.py from the reference
 * implementations (MarkLLM@112fa74, UnbiasedWatermark@050eee1, jthickstun/watermark@80d4ec8; versions in its
 * "provenance" object).
 */
public final class FamilyGoldens {

    private static final String TEXT = read();
    private static final Map<String, Object> ROOT = asMap(Json.parse(TEXT));

    private FamilyGoldens() {
    }

    private static String read() {
        try (InputStream in = Objects.requireNonNull(FamilyGoldens.class.getResourceAsStream("family-goldens.json"))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The object at a path of keys (list indices as decimal strings). */
    public static Object at(String... path) {
        Object node = ROOT;
        for (String key : path) {
            node = node instanceof List<?> list ? list.get(Integer.parseInt(key)) : asMap(node).get(key);
            if (node == null) {
                throw new IllegalArgumentException("no golden value at " + String.join("/", path));
            }
        }
        return node;
    }

    @SuppressWarnings("unchecked")
    public static Map<String, Object> asMap(Object node) {
        return (Map<String, Object>) node;
    }

    public static double number(String... path) {
        return value(at(path));
    }

    public static int[] ints(String... path) {
        List<?> list = (List<?>) at(path);
        int[] out = new int[list.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = (int) value(list.get(i));
        }
        return out;
    }

    /** A list of numbers, or a {float32, double} pair of lists (the double one is read); "-Infinity" allowed. */
    public static double[] doubles(String... path) {
        return doubles(at(path));
    }

    public static double[] doubles(Object node) {
        if (node instanceof Map<?, ?> map) {
            node = map.get("double");
        }
        List<?> list = (List<?>) node;
        double[] out = new double[list.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = value(list.get(i));
        }
        return out;
    }

    private static double value(Object node) {
        if (node instanceof Map<?, ?> map) {
            node = map.get("double");
        }
        if (node instanceof String s) {
            return Double.parseDouble(s);
        }
        return (Double) node;
    }

    /** A 64-bit integer (signed, or unsigned read as its bit pattern) written after {@code "key":} inside the named section (exact, unlike a double). */
    public static long exactLong(String section, String key) {
        return exactLong(section, key, section);
    }

    /** As {@link #exactLong(String, String)}, searching from the first {@code "after"} key of the section. */
    public static long exactLong(String section, String key, String after) {
        int from = TEXT.indexOf("\"" + after + "\": ", TEXT.indexOf("\"" + section + "\": {"));
        Matcher m = Pattern.compile("\"" + Pattern.quote(key) + "\": (-?\\d+)[,}\\s]").matcher(TEXT);
        if (from < 0 || !m.find(from)) {
            throw new IllegalArgumentException("no integer " + key + " in " + section);
        }
        return new java.math.BigInteger(m.group(1)).longValue(); // two's complement past 2^63
    }

    /** The 64-bit integers of a list written after {@code "key": [} inside the named section. */
    public static long[] exactLongs(String section, String key) {
        int from = TEXT.indexOf("\"" + section + "\": {");
        Matcher m = Pattern.compile("\"" + Pattern.quote(key) + "\": \\[([-0-9,\\s]*)]").matcher(TEXT);
        if (from < 0 || !m.find(from)) {
            throw new IllegalArgumentException("no integer list " + key + " in " + section);
        }
        String[] parts = m.group(1).trim().split(",\\s*");
        long[] out = new long[parts.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = Long.parseLong(parts[i].trim());
        }
        return out;
    }

    /** KEY42, the original experiments' 1024-bit key, as bytes. */
    public static byte[] key42() {
        String hex = (String) at("inputs", "KEY42", "hex");
        byte[] out = new byte[hex.length() / 2];
        for (int i = 0; i < out.length; i++) {
            out[i] = (byte) Integer.parseInt(hex.substring(2 * i, 2 * i + 2), 16);
        }
        return out;
    }
}
