package io.github.genailab.core.internal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A small strict JSON (RFC 8259) parser: objects become {@code Map<String, Object>} (insertion
 * order), arrays {@code List<Object>}, strings {@code String}, numbers {@code Double} (parsed with
 * {@link Double#parseDouble}, correctly rounded like Python's {@code float()}), booleans
 * {@code Boolean} and null {@code null}.
 *
 * <p>Strict means: no comments, no trailing commas, no single quotes, no leading zeros or '+', no
 * {@code NaN} / {@code Infinity} (which Python's {@code json.dumps} writes by default, so they get a
 * dedicated message), no duplicate keys, no control characters in strings, nothing after the value,
 * nesting at most {@value #MAX_DEPTH} deep. Errors are {@link IllegalArgumentException}s naming the
 * line and column. The static methods are thread-safe (each call parses with its own instance).
 */
public final class Json {

    /** The deepest nesting of arrays and objects accepted. */
    public static final int MAX_DEPTH = 256;

    private final String text;
    private final int firstLine;
    private int pos;
    private int depth;

    private Json(String text, int firstLine) {
        this.text = text;
        this.firstLine = firstLine;
    }

    /**
     * Parses one JSON document whose first line is line 1.
     *
     * @param text the document
     * @return the value
     * @throws IllegalArgumentException if the text is not one valid JSON value
     */
    public static Object parse(String text) {
        return parse(text, 1);
    }

    /**
     * Parses one JSON document.
     *
     * @param text the document
     * @param firstLine the line number of the document's first line in its file (for messages)
     * @return the value
     * @throws IllegalArgumentException if the text is not one valid JSON value ("invalid JSON at
     *     line L, column C: ...")
     */
    public static Object parse(String text, int firstLine) {
        Json parser = new Json(text, firstLine);
        parser.skipWhitespace();
        Object value = parser.value();
        parser.skipWhitespace();
        if (parser.pos < text.length()) {
            throw parser.error("unexpected " + parser.describeNext() + " after the value");
        }
        return value;
    }

    private Object value() {
        if (pos >= text.length()) {
            throw error("unexpected end of input, expected a value");
        }
        char c = text.charAt(pos);
        switch (c) {
            case '{':
                return object();
            case '[':
                return array();
            case '"':
                return string();
            case 't':
                return literal("true", Boolean.TRUE);
            case 'f':
                return literal("false", Boolean.FALSE);
            case 'n':
                return literal("null", null);
            default:
                if (c == '-' || (c >= '0' && c <= '9')) {
                    return number();
                }
                if (text.startsWith("NaN", pos) || text.startsWith("Infinity", pos)) {
                    throw error("NaN and Infinity are not JSON (Python's json.dumps writes them unless allow_nan=False)");
                }
                throw error("unexpected " + describeNext() + ", expected a value");
        }
    }

    private Map<String, Object> object() {
        enter();
        pos++;
        Map<String, Object> map = new LinkedHashMap<>();
        skipWhitespace();
        if (peek() == '}') {
            pos++;
            depth--;
            return Collections.unmodifiableMap(map);
        }
        while (true) {
            skipWhitespace();
            if (peek() != '"') {
                throw error("unexpected " + describeNext() + ", expected a string key");
            }
            int keyStart = pos;
            String key = string();
            if (map.containsKey(key)) {
                pos = keyStart;
                throw error("duplicate key \"" + key + "\"");
            }
            skipWhitespace();
            expect(':');
            skipWhitespace();
            map.put(key, value());
            skipWhitespace();
            char c = peek();
            pos++;
            if (c == '}') {
                depth--;
                return Collections.unmodifiableMap(map);
            }
            if (c != ',') {
                pos--;
                throw error("unexpected " + describeNext() + ", expected ',' or '}'");
            }
        }
    }

    private List<Object> array() {
        enter();
        pos++;
        List<Object> list = new ArrayList<>();
        skipWhitespace();
        if (peek() == ']') {
            pos++;
            depth--;
            return Collections.unmodifiableList(list);
        }
        while (true) {
            skipWhitespace();
            list.add(value());
            skipWhitespace();
            char c = peek();
            pos++;
            if (c == ']') {
                depth--;
                return Collections.unmodifiableList(list);
            }
            if (c != ',') {
                pos--;
                throw error("unexpected " + describeNext() + ", expected ',' or ']'");
            }
        }
    }

    private String string() {
        pos++;
        StringBuilder out = new StringBuilder();
        while (true) {
            if (pos >= text.length()) {
                throw error("unterminated string");
            }
            char c = text.charAt(pos++);
            if (c == '"') {
                return out.toString();
            }
            if (c < 0x20) {
                pos--;
                throw error("control character U+" + String.format("%04X", (int) c) + " in a string (must be escaped)");
            }
            if (c != '\\') {
                out.append(c);
                continue;
            }
            if (pos >= text.length()) {
                throw error("unterminated string");
            }
            char e = text.charAt(pos++);
            switch (e) {
                case '"', '\\', '/' -> out.append(e);
                case 'b' -> out.append('\b');
                case 'f' -> out.append('\f');
                case 'n' -> out.append('\n');
                case 'r' -> out.append('\r');
                case 't' -> out.append('\t');
                case 'u' -> out.append(unicodeEscape());
                default -> {
                    pos -= 2;
                    throw error("invalid escape \\" + e);
                }
            }
        }
    }

    private char unicodeEscape() {
        if (pos + 4 > text.length()) {
            throw error("truncated \\u escape");
        }
        int code = 0;
        for (int i = 0; i < 4; i++) {
            int digit = Character.digit(text.charAt(pos + i), 16);
            if (digit < 0) {
                throw error("invalid \\u escape, expected 4 hex digits");
            }
            code = code * 16 + digit;
        }
        pos += 4;
        return (char) code;
    }

    private Double number() {
        int start = pos;
        if (peek() == '-') {
            pos++;
        }
        if (peek() == '0') {
            pos++;
        } else if (isDigit(peek())) {
            digits();
        } else {
            throw error(text.startsWith("Infinity", pos)
                    ? "-Infinity is not JSON (Python's json.dumps writes it unless allow_nan=False)"
                    : "invalid number, expected a digit");
        }
        if (peek() == '.') {
            pos++;
            if (!isDigit(peek())) {
                throw error("invalid number, expected a digit after '.'");
            }
            digits();
        }
        if (peek() == 'e' || peek() == 'E') {
            pos++;
            if (peek() == '+' || peek() == '-') {
                pos++;
            }
            if (!isDigit(peek())) {
                throw error("invalid number, expected a digit in the exponent");
            }
            digits();
        }
        if (isDigit(peek())) {
            throw error("invalid number (leading zero)");
        }
        String lexeme = text.substring(start, pos);
        double value = Double.parseDouble(lexeme);
        if (Double.isInfinite(value)) {
            pos = start;
            throw error("number " + lexeme + " is out of the double range");
        }
        return value;
    }

    private void digits() {
        while (isDigit(peek())) {
            pos++;
        }
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private Object literal(String word, Object value) {
        if (!text.startsWith(word, pos)) {
            throw error("unexpected " + describeNext() + ", expected a value");
        }
        pos += word.length();
        return value;
    }

    private void enter() {
        if (++depth > MAX_DEPTH) {
            throw error("nesting deeper than " + MAX_DEPTH);
        }
    }

    private void expect(char c) {
        if (peek() != c) {
            throw error("unexpected " + describeNext() + ", expected '" + c + "'");
        }
        pos++;
    }

    private char peek() {
        return pos < text.length() ? text.charAt(pos) : '\0';
    }

    private void skipWhitespace() {
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
                return;
            }
            pos++;
        }
    }

    private String describeNext() {
        if (pos >= text.length()) {
            return "end of input";
        }
        int end = Math.min(text.length(), pos + 12);
        int newline = text.indexOf('\n', pos);
        if (newline >= 0 && newline < end) {
            end = newline;
        }
        return "'" + text.substring(pos, end) + (end < text.length() ? "...'" : "'");
    }

    private IllegalArgumentException error(String message) {
        int line = firstLine;
        int lineStart = 0;
        for (int i = 0; i < Math.min(pos, text.length()); i++) {
            if (text.charAt(i) == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        return new IllegalArgumentException("invalid JSON at line " + line + ", column " + (pos - lineStart + 1) + ": "
                + message);
    }
}
