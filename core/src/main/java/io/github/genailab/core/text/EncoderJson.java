package io.github.genailab.core.text;

import io.github.genailab.core.internal.Json;
import io.github.genailab.core.math.Checks;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads and writes GPT-2's {@code encoder.json}: one flat JSON object mapping token strings to ids.
 *
 * <p>The reader is the library's strict RFC 8259 reader ({@code core.internal.Json}: no duplicate
 * keys, nothing after the closing brace, errors naming the line and column) restricted to that shape:
 * string keys, non-negative integer ids. The writer reproduces Python's {@code json.dumps} defaults byte for byte
 * ({@code ", "} and {@code ": "} separators, non-ASCII escaped as lowercase {@code \}{@code uXXXX}),
 * which is how GPT-2's file was written.
 */
final class EncoderJson {

    private static final String RULE = "be a JSON object mapping token strings to integer ids";

    private EncoderJson() {
    }

    /**
     * Parses the object with the library's strict JSON reader, keeping the file's order.
     *
     * @param name the parameter name for error messages
     * @throws IllegalArgumentException if the text is not such an object
     */
    static Map<String, Integer> parse(String json, String name) {
        Object value;
        try {
            value = Json.parse(json);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(Checks.fail(name, RULE, e.getMessage()).getMessage(), e);
        }
        if (!(value instanceof Map<?, ?> object)) {
            throw Checks.fail(name, RULE, describe(value));
        }
        Map<String, Integer> result = new LinkedHashMap<>();
        for (Map.Entry<?, ?> entry : object.entrySet()) {
            String key = (String) entry.getKey();
            Object id = entry.getValue();
            if (!(id instanceof Double d) || !(d >= 0 && d <= Integer.MAX_VALUE) || d != Math.rint(d)) {
                throw Checks.fail(name, "map " + quote(key) + " to a non-negative integer id", describe(id));
            }
            result.put(key, d.intValue());
        }
        return result;
    }

    /** A JSON value as a message shows it: its type, or the value itself for numbers and strings. */
    private static String describe(Object value) {
        if (value instanceof Map) {
            return "an object";
        }
        if (value instanceof List) {
            return "an array";
        }
        return value instanceof String text ? quote(text) : String.valueOf(value);
    }

    private static String quote(String s) {
        StringBuilder sb = new StringBuilder();
        appendQuoted(sb, s);
        return sb.toString();
    }

    /** Writes tokens in id order as Python's {@code json.dumps(dict)} would. */
    static String write(String[] tokens) {
        StringBuilder sb = new StringBuilder(tokens.length * 16);
        sb.append('{');
        for (int id = 0; id < tokens.length; id++) {
            if (id > 0) {
                sb.append(", ");
            }
            appendQuoted(sb, tokens[id]);
            sb.append(": ").append(id);
        }
        return sb.append('}').toString();
    }

    private static void appendQuoted(StringBuilder sb, String s) {
        sb.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                case '\b' -> sb.append("\\b");
                case '\f' -> sb.append("\\f");
                default -> appendPlainOrUnicodeEscape(sb, c);
            }
        }
        sb.append('"');
    }

    private static void appendPlainOrUnicodeEscape(StringBuilder sb, char c) {
        if (c >= 0x20 && c <= 0x7E) {
            sb.append(c);
            return;
        }
        sb.append("\\u");
        for (int shift = 12; shift >= 0; shift -= 4) {
            sb.append(Character.forDigit((c >> shift) & 0xF, 16));
        }
    }
}
