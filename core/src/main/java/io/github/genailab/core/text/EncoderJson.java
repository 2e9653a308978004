package io.github.genailab.core.text;

import io.github.genailab.core.math.Checks;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Reads and writes GPT-2's {@code encoder.json}: one flat JSON object mapping token strings to ids.
 *
 * <p>The reader is strict RFC 8259 restricted to that shape: string keys (all escapes, including
 * {@code \}{@code uXXXX} surrogate pairs), non-negative integer values without sign, fraction or
 * exponent, no duplicate keys, nothing after the closing brace but whitespace. Errors name the line
 * and column. The writer reproduces Python's {@code json.dumps} defaults byte for byte
 * ({@code ", "} and {@code ": "} separators, non-ASCII escaped as lowercase {@code \}{@code uXXXX}),
 * which is how GPT-2's file was written.
 */
final class EncoderJson {

    private static final String RULE = "be a JSON object mapping token strings to integer ids";

    private final String json;
    private final String name;
    private int pos;

    private EncoderJson(String json, String name) {
        this.json = json;
        this.name = name;
    }

    /**
     * Parses the object, keeping the file's order.
     *
     * @param name the parameter name for error messages
     * @throws IllegalArgumentException if the text is not such an object
     */
    static Map<String, Integer> parse(String json, String name) {
        return new EncoderJson(json, name).object();
    }

    private Map<String, Integer> object() {
        Map<String, Integer> result = new LinkedHashMap<>();
        skipWhitespace();
        expect('{');
        skipWhitespace();
        if (peek() == '}') {
            pos++;
        } else {
            while (true) {
                skipWhitespace();
                int keyStart = pos;
                String key = string();
                skipWhitespace();
                expect(':');
                skipWhitespace();
                int value = integer();
                if (result.put(key, value) != null) {
                    throw error("duplicate key " + quote(key), keyStart);
                }
                skipWhitespace();
                if (peek() == ',') {
                    pos++;
                } else {
                    expect('}');
                    break;
                }
            }
        }
        skipWhitespace();
        if (pos < json.length()) {
            throw error("unexpected " + describe(pos) + " after the object", pos);
        }
        return result;
    }

    private String string() {
        expect('"');
        StringBuilder sb = new StringBuilder();
        while (true) {
            if (pos >= json.length()) {
                throw error("end of input inside a string", pos);
            }
            char c = json.charAt(pos);
            if (c == '"') {
                pos++;
                return sb.toString();
            }
            if (c < 0x20) {
                throw error("unescaped control character " + describe(pos) + " in a string", pos);
            }
            if (c == '\\') {
                sb.append(escape());
            } else {
                sb.append(c);
                pos++;
            }
        }
    }

    private char escape() {
        int start = pos;
        pos++;
        if (pos >= json.length()) {
            throw error("end of input inside an escape", start);
        }
        char c = json.charAt(pos++);
        return switch (c) {
            case '"' -> '"';
            case '\\' -> '\\';
            case '/' -> '/';
            case 'b' -> '\b';
            case 'f' -> '\f';
            case 'n' -> '\n';
            case 'r' -> '\r';
            case 't' -> '\t';
            case 'u' -> hex4(start);
            default -> throw error("invalid escape \\" + c, start);
        };
    }

    private char hex4(int escapeStart) {
        if (pos + 4 > json.length()) {
            throw error("truncated \\u escape", escapeStart);
        }
        int value = 0;
        for (int i = 0; i < 4; i++) {
            int digit = Character.digit(json.charAt(pos + i), 16);
            if (digit < 0) {
                throw error("invalid \\u escape " + quote(json.substring(escapeStart, pos + 4)), escapeStart);
            }
            value = value * 16 + digit;
        }
        pos += 4;
        return (char) value;
    }

    private int integer() {
        int start = pos;
        long value = 0;
        while (pos < json.length() && json.charAt(pos) >= '0' && json.charAt(pos) <= '9') {
            value = value * 10 + (json.charAt(pos) - '0');
            if (value > Integer.MAX_VALUE) {
                throw error("id " + json.substring(start, pos + 1) + "... larger than " + Integer.MAX_VALUE, start);
            }
            pos++;
        }
        if (pos == start) {
            throw error(describe(pos) + " where a non-negative integer id was expected", pos);
        }
        if (json.charAt(start) == '0' && pos - start > 1) {
            throw error("integer with a leading zero", start);
        }
        if (pos < json.length() && (json.charAt(pos) == '.' || json.charAt(pos) == 'e' || json.charAt(pos) == 'E')) {
            throw error("non-integer number", start);
        }
        return (int) value;
    }

    private char peek() {
        return pos < json.length() ? json.charAt(pos) : '\0';
    }

    private void expect(char c) {
        if (pos >= json.length() || json.charAt(pos) != c) {
            throw error(describe(pos) + " where '" + c + "' was expected", pos);
        }
        pos++;
    }

    private void skipWhitespace() {
        while (pos < json.length()) {
            char c = json.charAt(pos);
            if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
                return;
            }
            pos++;
        }
    }

    private String describe(int at) {
        if (at >= json.length()) {
            return "end of input";
        }
        char c = json.charAt(at);
        return c < 0x20 || c > 0x7E ? String.format(Locale.ROOT, "U+%04X", (int) c) : "'" + c + "'";
    }

    private IllegalArgumentException error(String problem, int at) {
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < at && i < json.length(); i++) {
            if (json.charAt(i) == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        return Checks.fail(name, RULE, problem + " at line " + line + ", column " + (at - lineStart + 1));
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
