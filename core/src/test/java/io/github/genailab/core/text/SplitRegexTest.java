package io.github.genailab.core.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * The Oniguruma-to-java.util.regex translation. The Rust library's own splits of real patterns are
 * pinned by the pre-token goldens (BpeTokenizerJsonTest); these are the rules in isolation.
 */
class SplitRegexTest {

    private static List<String> matches(String oniguruma, String text) {
        Matcher m = SplitRegex.compile(oniguruma, "regex").matcher(text);
        List<String> out = new ArrayList<>();
        while (m.find()) {
            out.add(m.group());
        }
        return out;
    }

    @Test
    void whitespace_isUnicodeWhiteSpace_insideAndOutsideClasses() {
        assertThat(matches("\\s+", "a\u00a0\u2009\u3000\u2028\u0085b\ufeffc")).containsExactly("\u00a0\u2009\u3000\u2028\u0085");
        assertThat(matches("[^\\s\\p{L}]+", "a\u00a0!?\u3000b")).containsExactly("!?");
        assertThat(matches("\\S+", "x\u00a0y")).containsExactly("x", "y");
    }

    @Test
    void caseInsensitiveGroups_foldUnicodeCase() {
        assertThat(matches("(?i:'s|'ll)", "'S 'LL 'ſ 'Ll")).containsExactly("'S", "'LL", "'ſ", "'Ll");
        assertThat(matches("'s", "'S")).isEmpty();
    }

    @Test
    void numbersAndDigits_areUnicode() {
        assertThat(matches("\\p{N}+", "x²½٣Ⅷ7")).containsExactly("²½٣Ⅷ7");
        assertThat(matches("\\d+", "²٣7")).containsExactly("٣7");
    }

    @Test
    void dotAndAnchors_treatOnlyNewlineAsALineEnd_andRubyMIsDotAll() {
        assertThat(matches(".+", "a\rb\u0085c\u2028d\ne")).containsExactly("a\rb\u0085c\u2028d", "e");
        assertThat(matches("(?m:.+)", "a\nb")).containsExactly("a\nb");
        assertThat(matches("^.|.$", "ab\ncd")).containsExactly("a", "b", "c", "d");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "\\s|\\p{IsWhite_Space}",
        "\\h|[0-9a-fA-F]",
        "\\v|\\x0B",
        "\\p{Han}+|\\p{IsHan}+",
        "\\p{^L}|\\P{L}",
        "[\\w]|[\\p{IsAlphabetic}\\p{M}\\p{Nd}\\p{Pc}]",
        "(?i:a)|(?i:a)",
        "(?m:.)|(?s:.)",
        "(?<n>a)(?=b)|(?<n>a)(?=b)",
    })
    void translate_rewritesEscapesAndFlags(String oniguruma, String java) {
        assertThat(SplitRegex.translate(oniguruma, "regex")).isEqualTo(java);
    }

    @Test
    void wordCharacters_includeLatin1NumbersOnlyOutsideClasses_asOnigurumaDoes() {
        assertThat(matches("\\w+", "z¹⁰")).containsExactly("z¹");
        assertThat(matches("[\\w]+", "z¹⁰")).containsExactly("z");
        assertThat(matches("\\W+", "z¹⁰ ")).containsExactly("⁰ ");
    }

    @ParameterizedTest
    @ValueSource(strings = {"\\bword", "a\\Bb", "(a)\\1", "[[:alpha:]]", "\\Kx", "\\R", "\\X", "(?a:x)", "\\p{L"})
    void refusedConstructs_nameTheFieldAndRegex(String regex) {
        assertThatIllegalArgumentException().isThrownBy(() -> SplitRegex.compile(regex, "pre_tokenizer.pattern"))
                .withMessageStartingWith("pre_tokenizer.pattern must be a regex without ")
                .withMessageEndingWith(", got \"" + regex + "\"");
    }

    @Test
    void uncompilable_isRefusedNamingTheField() {
        assertThatIllegalArgumentException().isThrownBy(() -> SplitRegex.compile("(ab", "f"))
                .withMessageStartingWith("f must be a regex java.util.regex can compile after translation (")
                .withMessageEndingWith(", got \"(ab\"");
    }

    @Test
    void realPatterns_compile() {
        String llama3 = "(?i:'s|'t|'re|'ve|'m|'ll|'d)|[^\\r\\n\\p{L}\\p{N}]?\\p{L}+|\\p{N}{1,3}| ?[^\\s\\p{L}\\p{N}]+[\\r\\n]*"
                + "|\\s*[\\r\\n]+|\\s+(?!\\S)|\\s+";
        Pattern p = SplitRegex.compile(llama3, "regex");
        assertThat(p.matcher("12345").results().map(r -> r.group())).containsExactly("123", "45");
    }
}
