package io.github.genailab.core.text;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.genailab.core.math.Rngs;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.random.RandomGenerator;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** BpeTokenizer loading OpenAI's GPT-2 files must reproduce GPT-2's ids exactly. */
class BpeTokenizerGpt2Test {

    private static final BpeTokenizer GPT2 = Gpt2Files.tokenizer();

    record Golden(String name, String text, int[] ids) {
        @Override
        public String toString() {
            return name;
        }
    }

    static List<Golden> golden() throws IOException {
        List<Golden> cases = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(Gpt2Files.resource("golden.tsv"), StandardCharsets.UTF_8))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                if (line.startsWith("#")) {
                    continue;
                }
                String[] columns = line.split("\t", -1);
                String text = new String(HexFormat.of().parseHex(columns[1]), StandardCharsets.UTF_8);
                int[] ids = columns[2].isEmpty() ? new int[0]
                        : Arrays.stream(columns[2].split(" ")).mapToInt(Integer::parseInt).toArray();
                cases.add(new Golden(columns[0], text, ids));
            }
        }
        return cases;
    }

    @Test
    void golden_fileHasAllCases() throws IOException {
        assertThat(golden()).hasSize(45);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("golden")
    void encode_reproducesGpt2Ids(Golden golden) {
        assertThat(GPT2.encode(golden.text())).containsExactly(golden.ids());
        assertThat(GPT2.decode(golden.ids())).isEqualTo(golden.text());
    }

    @Test
    void vocabulary_isGpt2s() {
        assertThat(GPT2.vocabularySize()).isEqualTo(50257);
        assertThat(GPT2.mergeCount()).isEqualTo(50000);
        assertThat(GPT2.token(0)).isEqualTo("!");
        assertThat(GPT2.token(220)).isEqualTo("Ġ");
        assertThat(GPT2.token(50256)).isEqualTo("<|endoftext|>");
        assertThat(GPT2.tokenId("Ġthe")).hasValue(262);
    }

    @Test
    void endOfText_isPlainTextWhenEncodedButDecodesAsItsText() {
        assertThat(GPT2.encode("<|endoftext|>")).containsExactly(27, 91, 437, 1659, 5239, 91, 29);
        assertThat(GPT2.decode(new int[] {15496, 50256, 10603})).isEqualTo("Hello<|endoftext|>World");
    }

    @Test
    void encode_followsPythonRegexWhitespaceWhereTheNpmPortDiffers() {
        // ids from tools/gpt2-golden/crosscheck.py (Python `regex`: U+0085 is \s, U+FEFF is not);
        // gpt-3-encoder gives [1587, 227, 87] and [220, 171, 119, 123, 64].
        assertThat(GPT2.encode(" \u0085x")).containsExactly(220, 126, 227, 87);
        assertThat(GPT2.encode(" \uFEFFa")).containsExactly(27332, 119, 123, 64);
    }

    @ParameterizedTest
    @ValueSource(longs = {21, 22, 23})
    void roundTrip_randomUnicode(long seed) {
        RandomGenerator rng = Rngs.seeded(seed);
        for (int i = 0; i < 200; i++) {
            String text = TextSamples.randomText(rng, 60);
            assertThat(GPT2.decode(GPT2.encode(text))).isEqualTo(text);
        }
    }

    @Test
    void save_writesGpt2sFilesByteForByte(@TempDir Path dir) throws IOException {
        GPT2.save(dir);
        for (String file : List.of(BpeTokenizer.ENCODER_FILE, BpeTokenizer.MERGES_FILE)) {
            try (InputStream original = Gpt2Files.resource(file)) {
                assertThat(Files.readAllBytes(dir.resolve(file))).as(file).isEqualTo(original.readAllBytes());
            }
        }
    }
}
