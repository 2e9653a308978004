package io.github.genailab.core.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class JsonTest {

    @Test
    void parsesNestedValuesInOrder() {
        Object v = Json.parse(" {\"b\": [1, -2.5e-3, true, false, null], \"a\": {\"x\": \"y\"}, \"c\": []} ", 1);
        assertThat(v).isInstanceOf(Map.class);
        Map<?, ?> map = (Map<?, ?>) v;
        assertThat(List.copyOf(map.keySet())).isEqualTo(List.of("b", "a", "c"));
        assertThat(map.get("b")).isEqualTo(java.util.Arrays.asList(1.0, -0.0025, true, false, null));
        assertThat(map.get("a")).isEqualTo(Map.of("x", "y"));
        assertThat((List<?>) map.get("c")).isEmpty();
    }

    @Test
    void numbersAreTheDoublesPythonWrote() {
        assertThat(Json.parse("-1.4401896985611953", 1)).isEqualTo(-1.4401896985611953);
        assertThat(Json.parse("0.1", 1)).isEqualTo(0.1);
        assertThat(Json.parse("-0", 1)).isEqualTo(-0.0);
        assertThat(Json.parse("1E-320", 1)).isEqualTo(1e-320);
    }

    @Test
    void decodesEscapesIncludingSurrogatePairs() {
        assertThat(Json.parse("\"a\\\"b\\\\c\\/d\\n\\t\\u00e9\\ud83d\\ude42\"", 1)).isEqualTo("a\"b\\c/d\n\té\uD83D\uDE42");
        assertThat(Json.parse("\"Grüße 世界\"", 1)).isEqualTo("Grüße 世界");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "[1, 2,]|line 1, column 7: unexpected ']', expected a value",
        "{\"a\": 1,}|expected a string key",
        "{'a': 1}|expected a string key",
        "01|leading zero",
        "+1|unexpected '+1', expected a value",
        "1.|expected a digit after '.'",
        "1e|expected a digit in the exponent",
        "NaN|NaN and Infinity are not JSON",
        "[-Infinity]|-Infinity is not JSON",
        "1e400|out of the double range",
        "{\"a\": 1, \"a\": 2}|duplicate key \"a\"",
        "\"abc|unterminated string",
        "\"a\\qb\"|invalid escape \\q",
        "\"\\u12G4\"|invalid \\u escape",
        "{\"a\" 1}|expected ':'",
        "[1 2]|expected ',' or ']'",
        "{\"a\": 1} x|after the value",
        "tru|expected a value",
        "''|unexpected end of input",
    })
    void rejectsInvalidJsonNamingThePosition(String text, String message) {
        assertThatThrownBy(() -> Json.parse(text, 1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("invalid JSON at line 1, column ").hasMessageContaining(message);
    }

    @Test
    void reportsLinesAndColumnsOfMultiLineDocumentsAndControlCharacters() {
        assertThatThrownBy(() -> Json.parse("{\n  \"a\": [1,\n  2,, 3]\n}", 10))
                .hasMessage("invalid JSON at line 12, column 5: unexpected ', 3]...', expected a value");
        assertThatThrownBy(() -> Json.parse("\"a\tb\"", 1))
                .hasMessage("invalid JSON at line 1, column 3: control character U+0009 in a string (must be escaped)");
    }

    @Test
    void limitsNestingDepthInsteadOfOverflowingTheStack() {
        String deep = "[".repeat(Json.MAX_DEPTH + 1) + "]".repeat(Json.MAX_DEPTH + 1);
        assertThatThrownBy(() -> Json.parse(deep, 1)).hasMessageContaining("nesting deeper than 256");
        String ok = "[".repeat(Json.MAX_DEPTH) + "]".repeat(Json.MAX_DEPTH);
        assertThat(Json.parse(ok, 1)).isInstanceOf(List.class);
    }
}
