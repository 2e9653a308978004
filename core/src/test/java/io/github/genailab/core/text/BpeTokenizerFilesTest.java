package io.github.genailab.core.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIOException;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import io.github.genailab.core.math.Rngs;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.random.RandomGenerator;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Loading GPT-2-format files: strict parsing with clear messages, and the merge procedure itself. */
class BpeTokenizerFilesTest {

    /** encoder.json text with the 256 byte tokens (ids 0..255 in byte order) followed by {@code extra}. */
    static String encoderJson(String... extra) {
        String[] tokens = new String[256 + extra.length];
        for (int b = 0; b < 256; b++) {
            tokens[b] = String.valueOf(ByteLevel.toChar(b));
        }
        System.arraycopy(extra, 0, tokens, 256, extra.length);
        return EncoderJson.write(tokens);
    }

    static BpeTokenizer load(String encoderJson, String merges) throws IOException {
        return BpeTokenizer.load(new ByteArrayInputStream(encoderJson.getBytes(StandardCharsets.UTF_8)),
                new ByteArrayInputStream(merges.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void load_mergesInRankOrderEvenWhenTheFileIsNotInDependencyOrder() throws IOException {
        // rank 0 needs "abc", which only rank 2 creates. encoder.py on "abcabc": (b,c) -> a bc a bc,
        // then every (a,bc) -> abc abc; only then is (abc,a) looked for, and there is none left.
        BpeTokenizer t = load(encoderJson("bc", "abc", "abca"), "#version: 0.2\nabc a\nb c\na bc\n");
        int abc = t.tokenId("abc").orElseThrow();
        assertThat(t.encode("abcabc")).containsExactly(abc, abc);
        int[] word = bytes(t, "abcabc");
        assertThat(Arrays.copyOf(word, t.merges().applyByHeap(word, word.length))).containsExactly(abc, abc);
        assertThat(t.encode("abca")).containsExactly(t.tokenId("abca").orElseThrow());
    }

    @Test
    void heapAndScanMerging_agreeOnLongWords_gpt2AndTrained() {
        RandomGenerator rng = Rngs.seeded(99);
        String[] alphabets = {"ab", "abcdefghijklmnopqrstuvwxyz", "etaoinshr", "0123456789", "!.,-*", " "};
        for (BpeTokenizer t : List.of(Gpt2Files.tokenizer(), Corpora.shakespeareTokenizer())) {
            for (int i = 0; i < 300; i++) {
                String alphabet = alphabets[i % alphabets.length];
                StringBuilder sb = new StringBuilder();
                int n = 1 + rng.nextInt(300);
                for (int j = 0; j < n; j++) {
                    sb.append(alphabet.charAt(rng.nextInt(alphabet.length())));
                }
                int[] scan = bytes(t, sb.toString());
                int[] heap = scan.clone();
                int scanLength = t.merges().applyByScan(scan, scan.length);
                int heapLength = t.merges().applyByHeap(heap, heap.length);
                assertThat(Arrays.copyOf(heap, heapLength)).as(sb.toString())
                        .containsExactly(Arrays.copyOf(scan, scanLength));
            }
        }
    }

    private static int[] bytes(BpeTokenizer t, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        int[] word = new int[bytes.length];
        for (int i = 0; i < bytes.length; i++) {
            word[i] = t.tokenId(String.valueOf(ByteLevel.toChar(bytes[i]))).orElseThrow();
        }
        return word;
    }

    @Test
    void load_acceptsCrlfNoFinalNewlineWhitespaceAndEscapes() throws IOException {
        String entries = encoderJson("ab").substring(1, encoderJson("ab").length() - 1);
        String json = "{\r\n  " + entries.replace("\"a\"", "\"\\u0061\"").replace("\"/\"", "\"\\/\"")
                .replace(", ", ",\r\n\t") + "\n}\n";
        BpeTokenizer t = load(json, "#version: 0.2\r\na b");
        assertThat(t.encode("ab")).containsExactly(256);
        assertThat(t.mergeCount()).isEqualTo(1);
    }

    @Test
    void load_readsSurrogatePairEscapesAndRejectsNonAlphabetTokens() {
        // a \\uD83D\\uDE00 escape decodes to U+1F600, which is not in GPT-2's byte-level alphabet.
        String json = encoderJson("\uD83D\uDE00").replace("\\ud83d\\ude00", "\\uD83D\\uDE00");
        assertThatIllegalArgumentException().isThrownBy(() -> load(json, "#version: 0.2\n"))
                .withMessageContaining("encoderJson").withMessageContaining("\uD83D\uDE00");
    }

    @Test
    void encoderJson_writeThenParse_isIdentityForAnyStrings() {
        RandomGenerator rng = Rngs.seeded(5);
        String[] tokens = new String[300];
        for (int i = 0; i < tokens.length; i++) {
            tokens[i] = i + ":" + TextSamples.randomText(rng, 12) + "\"\\/\b\f\u007f";
        }
        String json = EncoderJson.write(tokens);
        assertThat(json).isASCII();
        assertThat(EncoderJson.parse(json, "json").keySet()).containsExactly(tokens);
        assertThat(EncoderJson.parse(json, "json").values()).containsExactlyElementsOf(
                java.util.stream.IntStream.range(0, tokens.length).boxed().toList());
    }

    @Test
    void load_pathsAndStreamsAgree(@TempDir Path dir) throws IOException {
        String json = encoderJson("Ġt", "he");
        String merges = "#version: 0.2\nĠ t\nh e\n";
        Files.writeString(dir.resolve("e.json"), json);
        Files.writeString(dir.resolve("m.bpe"), merges);
        BpeTokenizer fromPaths = BpeTokenizer.load(dir.resolve("e.json"), dir.resolve("m.bpe"));
        assertThat(fromPaths.encode(" the")).containsExactly(256, 257).isEqualTo(load(json, merges).encode(" the"));
    }

    static Stream<Arguments> malformedFiles() {
        String bytesOnly = encoderJson();
        String ok = "#version: 0.2\n";
        List<Arguments> cases = new ArrayList<>(List.of(
                Arguments.of("empty json", "", ok, "encoderJson", "invalid JSON at line 1, column 1: unexpected end of input, expected a value"),
                Arguments.of("array", "[]", ok, "encoderJson", "a JSON object mapping token strings to integer ids, got an array"),
                Arguments.of("trailing comma", bytesOnly.replace("}", ", }"), ok, "encoderJson", "unexpected '}', expected a string key"),
                Arguments.of("missing colon on line 2", "{\"a\": 0,\n \"b\" 1}", ok, "encoderJson",
                        "invalid JSON at line 2, column 6: unexpected '1}', expected ':'"),
                Arguments.of("string value", "{\"a\": \"0\"}", ok, "encoderJson", "map \"a\" to a non-negative integer id, got \"0\""),
                Arguments.of("negative id", "{\"a\": -1}", ok, "encoderJson", "map \"a\" to a non-negative integer id, got -1.0"),
                Arguments.of("fraction", "{\"a\": 1.5}", ok, "encoderJson", "map \"a\" to a non-negative integer id, got 1.5"),
                Arguments.of("exponent", "{\"a\": 1e3}", ok, "encoderJson", "use each id in [0, 1) exactly once, got id 1000"),
                Arguments.of("leading zero", "{\"a\": 01}", ok, "encoderJson", "invalid number (leading zero)"),
                Arguments.of("huge id", "{\"a\": 99999999999}", ok, "encoderJson", "to a non-negative integer id, got 9.9999999999E10"),
                Arguments.of("duplicate key", "{\"a\": 0, \"a\": 1}", ok, "encoderJson", "invalid JSON at line 1, column 10: duplicate key \"a\""),
                Arguments.of("bad escape", "{\"\\x\": 0}", ok, "encoderJson", "line 1, column 3: invalid escape \\x"),
                Arguments.of("bad unicode escape", "{\"\\u12G4\": 0}", ok, "encoderJson", "invalid \\u escape, expected 4 hex digits"),
                Arguments.of("truncated unicode escape", "{\"\\u12", ok, "encoderJson", "line 1, column 5: truncated \\u escape"),
                Arguments.of("raw newline in string", "{\"a\nb\": 0}", ok, "encoderJson", "control character U+000A in a string (must be escaped)"),
                Arguments.of("unterminated string", "{\"abc", ok, "encoderJson", "unterminated string"),
                Arguments.of("unterminated object", "{\"a\": 0", ok, "encoderJson", "unexpected end of input, expected ',' or '}'"),
                Arguments.of("garbage after object", bytesOnly + " x", ok, "encoderJson", "unexpected 'x' after the value"),
                Arguments.of("id gap", encoderJson().replace(": 255}", ": 300}"), ok, "encoderJson",
                        "use each id in [0, 256) exactly once"),
                Arguments.of("id repeated", encoderJson().replace(": 255}", ": 254}"), ok, "encoderJson",
                        "use each id in [0, 256) exactly once"),
                Arguments.of("empty token", encoderJson("").replace("\"\": 256", "\"\": 256"), ok, "encoderJson",
                        "non-empty tokens"),
                Arguments.of("token outside alphabet", encoderJson("a b"), ok, "encoderJson",
                        "byte-level alphabet, got token \"a b\" with id 256"),
                Arguments.of("missing byte token", encoderJson().replace("\"!\": 33, ", "").replace(": 255}", ": 33}"), ok,
                        "encoderJson", "contain all 256 byte tokens, got no token \"!\" for byte 0x21"),
                Arguments.of("no header", bytesOnly, "a b\n", "mergesTxt line 1", "'#version' header, got \"a b\""),
                Arguments.of("empty merges file", bytesOnly, "", "mergesTxt line 1", "'#version' header"),
                Arguments.of("one token on a line", bytesOnly, ok + "ab\n", "mergesTxt line 2", "two tokens separated by one space"),
                Arguments.of("three tokens", encoderJson("ab"), ok + "a b c\n", "mergesTxt line 2", "two tokens"),
                Arguments.of("blank line inside", encoderJson("ab"), ok + "\na b\n", "mergesTxt line 2", "two tokens"),
                Arguments.of("unknown left token", bytesOnly, ok + "zz a\n", "mergesTxt line 2", "unknown token \"zz\""),
                Arguments.of("concatenation not a token", bytesOnly, ok + "a b\n", "mergesTxt line 2", "unknown token \"ab\""),
                Arguments.of("repeated merge", encoderJson("ab"), ok + "a b\na b\n", "mergesTxt line 3",
                        "not repeat the merge on line 2")));
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformedFiles")
    void load_malformedFile_failsNamingFileAndPosition(String label, String json, String merges, String parameter,
            String detail) {
        assertThatIllegalArgumentException().isThrownBy(() -> load(json, merges))
                .withMessageStartingWith(parameter + " must ").withMessageContaining(detail);
    }

    @Test
    void load_invalidUtf8_isRejected() {
        byte[] bad = {'{', '"', (byte) 0xC3, '"', ':', '0', '}'};
        assertThatIllegalArgumentException()
                .isThrownBy(() -> BpeTokenizer.load(new ByteArrayInputStream(bad),
                        new ByteArrayInputStream("#version: 0.2\n".getBytes(StandardCharsets.UTF_8))))
                .withMessageStartingWith("encoderJson must be UTF-8");
    }

    @Test
    void load_missingFile_isAnIoException(@TempDir Path dir) {
        assertThatIOException()
                .isThrownBy(() -> BpeTokenizer.load(dir.resolve("nope.json"), dir.resolve("nope.bpe")));
    }
}
