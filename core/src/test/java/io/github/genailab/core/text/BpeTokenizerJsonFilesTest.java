package io.github.genailab.core.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.genailab.core.math.Rngs;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.random.RandomGenerator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Loading tokenizer.json and model directories: equivalences, lookups, and a table of bad files. */
class BpeTokenizerJsonFilesTest {

    private static final String ENDOFTEXT = "<|endoftext|>";

    @Test
    void gpt2TokenizerJson_givesTheEncoderJsonIds_onEveryGoldenTextWithoutTheSpecialToken() throws IOException {
        BpeTokenizer json = TokenizerJsonFiles.tokenizer(TokenizerJsonFiles.GPT2);
        int compared = 0;
        for (BpeTokenizerGpt2Test.Golden golden : BpeTokenizerGpt2Test.golden()) {
            if (!golden.text().contains(ENDOFTEXT)) {
                assertThat(json.encode(golden.text())).as(golden.name()).containsExactly(golden.ids());
                compared++;
            }
        }
        assertThat(compared).isEqualTo(44);
    }

    @Test
    void gpt2TokenizerJson_andEncoderJson_agreeOnRandomText_andDifferOnlyAtTheSpecialToken() {
        BpeTokenizer json = TokenizerJsonFiles.tokenizer(TokenizerJsonFiles.GPT2);
        BpeTokenizer openAi = Gpt2Files.tokenizer();
        RandomGenerator rng = Rngs.seeded(20261206);
        for (int i = 0; i < 300; i++) {
            String text = TextSamples.randomText(rng, 60).replace(ENDOFTEXT, "<|end|>");
            assertThat(json.encode(text)).as("sample %d", i).containsExactly(openAi.encode(text));
        }
        String text = "Hello<|endoftext|>World";
        assertThat(json.encode(text)).containsExactly(15496, 50256, 10603);
        assertThat(openAi.encode(text)).containsExactly(15496, 27, 91, 437, 1659, 5239, 91, 29, 10603);
        assertThat(json.decode(json.encode(text))).isEqualTo(openAi.decode(openAi.encode(text))).isEqualTo(text);
    }

    @Test
    void lookups_coverAddedTokens() {
        BpeTokenizer llama = TokenizerJsonFiles.tokenizer(TokenizerJsonFiles.LLAMA3);
        assertThat(llama.vocabularySize()).isEqualTo(4261 + 7);
        assertThat(llama.tokenId("<|begin_of_text|>")).hasValue(4261);
        assertThat(llama.token(4265)).isEqualTo("<|eot_id|>");
        assertThat(llama.token(256)).isEqualTo("Ġt");
        assertThat(llama.encode("<|eot_id|>")).containsExactly(4265);
        assertThat(llama.decode(new int[] {4261, 4265})).isEqualTo("<|begin_of_text|><|eot_id|>");
        assertThat(llama).hasToString("BpeTokenizer[vocabularySize=4268, merges=4000]");
        BpeTokenizer gpt2 = TokenizerJsonFiles.tokenizer(TokenizerJsonFiles.GPT2);
        assertThat(gpt2.vocabularySize()).isEqualTo(50257);
        assertThat(gpt2.tokenId(ENDOFTEXT)).hasValue(50256);
    }

    @Test
    void ignoreMerges_emitsAWholeVocabularyWordThatTheMergesWouldSplit() {
        BpeTokenizer llama = TokenizerJsonFiles.tokenizer(TokenizerJsonFiles.LLAMA3);
        int whole = llama.tokenId("ĠShakespeare").orElseThrow();
        assertThat(llama.encode(" Shakespeare")).containsExactly(whole);
        assertThat(llama.encode(" Shakespeares")).hasSizeGreaterThan(1).doesNotContain(whole);
    }

    @Test
    void encodeAndDecode_badInput_failNamingTheParameter() {
        BpeTokenizer qwen = TokenizerJsonFiles.tokenizer(TokenizerJsonFiles.QWEN2);
        assertThatIllegalArgumentException().isThrownBy(() -> qwen.encode("<|im_start|>a\uD800"))
                .withMessageStartingWith("text must not contain a lone surrogate");
        assertThatIllegalArgumentException().isThrownBy(() -> qwen.decode(new int[] {3261, 3262}))
                .withMessage("tokens[1] must be a token id in [0, 3262), got 3262");
        assertThatNullPointerException().isThrownBy(() -> qwen.encode(null));
    }

    @Test
    void decode_addedTokenWithLatin1Letters_isReadAsByteLevelCharacters_likeTheRustLibrary(@TempDir Path dir)
            throws IOException {
        // Seen when writing the goldens: an added "résumé" made the Rust library's decode(encode(text))
        // differ from text, because its ByteLevel decoder maps é (U+00E9, in the alphabet) to byte 0xE9.
        String text = TokenizerJsonFiles.text(TokenizerJsonFiles.MERGE_ORDER).replace("\"added_tokens\":[]",
                "\"added_tokens\":[{\"id\":263,\"content\":\"résumé\",\"normalized\":false,\"special\":false}]");
        BpeTokenizer t = BpeTokenizer.fromTokenizerJson(Files.writeString(dir.resolve("tokenizer.json"), text));
        assertThat(t.encode("résumé")).containsExactly(263);
        assertThat(t.decode(new int[] {263})).isEqualTo("r\uFFFDsum\uFFFD");
        assertThat(t.token(263)).isEqualTo("résumé");
    }

    @Test
    void save_refusesATokenizerWithTokenizerJsonRules(@TempDir Path dir) {
        assertThatIllegalStateException()
                .isThrownBy(() -> TokenizerJsonFiles.tokenizer(TokenizerJsonFiles.QWEN2).save(dir))
                .withMessageContaining("keep the tokenizer.json file");
    }

    @Test
    void fromModelDirectory_prefersTokenizerJson_thenVocabJsonAndMergesTxt_thenOpenAiNames(@TempDir Path dir)
            throws IOException {
        Path hf = Files.createDirectories(dir.resolve("hf"));
        copy(BpeTokenizer.ENCODER_FILE, hf.resolve(BpeTokenizer.VOCAB_JSON_FILE));
        copy(BpeTokenizer.MERGES_FILE, hf.resolve(BpeTokenizer.MERGES_TXT_FILE));
        String text = "Hello<|endoftext|>World";
        assertThat(BpeTokenizer.fromModelDirectory(hf).encode(text)).containsExactly(Gpt2Files.tokenizer().encode(text));
        Files.copy(TokenizerJsonFiles.path(TokenizerJsonFiles.GPT2), hf.resolve(BpeTokenizer.TOKENIZER_JSON_FILE));
        assertThat(BpeTokenizer.fromModelDirectory(hf).encode(text)).containsExactly(15496, 50256, 10603);

        Path saved = dir.resolve("saved");
        Corpora.shakespeareTokenizer().save(saved);
        assertThat(BpeTokenizer.fromModelDirectory(saved).encode("To be, or not to be"))
                .containsExactly(Corpora.shakespeareTokenizer().encode("To be, or not to be"));
    }

    @Test
    void fromModelDirectory_withoutTokenizerFiles_listsWhatItLookedFor(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve(BpeTokenizer.VOCAB_JSON_FILE), "{}");
        assertThatIllegalArgumentException().isThrownBy(() -> BpeTokenizer.fromModelDirectory(dir))
                .withMessage("dir must hold tokenizer.json, or vocab.json and merges.txt, or encoder.json and vocab.bpe,"
                        + " got " + dir + " with none of these");
        assertThatIllegalArgumentException().isThrownBy(() -> BpeTokenizer.fromModelDirectory(dir.resolve("nope")))
                .withMessageEndingWith("nope, which is not a directory");
        assertThatNullPointerException().isThrownBy(() -> BpeTokenizer.fromModelDirectory(null))
                .withMessage("dir must not be null");
    }

    @Test
    void fromTokenizerJson_missingFileIsUncheckedIo_nullIsNpe(@TempDir Path dir) {
        assertThatThrownBy(() -> BpeTokenizer.fromTokenizerJson(dir.resolve("tokenizer.json")))
                .isInstanceOf(UncheckedIOException.class).hasMessageContaining("tokenizer.json");
        assertThatNullPointerException().isThrownBy(() -> BpeTokenizer.fromTokenizerJson(null))
                .withMessage("tokenizerJson must not be null");
    }

    @Test
    void fromTokenizerJson_notUtf8_orNotJson_namesTheFile(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("tokenizer.json");
        Files.write(file, new byte[] {'{', '"', (byte) 0xC3, '"', '}'});
        assertThatIllegalArgumentException().isThrownBy(() -> BpeTokenizer.fromTokenizerJson(file))
                .withMessageStartingWith(file + " must be UTF-8");
        Files.writeString(file, "{\"model\": ");
        assertThatIllegalArgumentException().isThrownBy(() -> BpeTokenizer.fromTokenizerJson(file))
                .withMessageStartingWith(file + " must be JSON, got invalid JSON at line 1");
    }

    static Stream<Arguments> badFiles() {
        String small = TokenizerJsonFiles.text(TokenizerJsonFiles.MERGE_ORDER);
        String qwen = TokenizerJsonFiles.text(TokenizerJsonFiles.QWEN2);
        String byteLevel = "{\"type\":\"ByteLevel\",\"add_prefix_space\":false,\"trim_offsets\":true,\"use_regex\":true}";
        return Stream.of(
                Arguments.of("top level array", "[]", "the top level", "be a JSON object, got an array"),
                bad("WordPiece model", small, "\"type\":\"BPE\"", "\"type\":\"WordPiece\"", "model.type",
                        "WordPiece"),
                bad("dropout", small, "\"dropout\":null", "\"dropout\":0.1", "model.dropout", "BPE dropout"),
                bad("byte fallback", small, "\"byte_fallback\":false", "\"byte_fallback\":true", "model.byte_fallback",
                        "byte fallback is not supported"),
                bad("subword prefix", small, "\"continuing_subword_prefix\":null", "\"continuing_subword_prefix\":\"##\"",
                        "model.continuing_subword_prefix", "\"##\""),
                bad("ignore_merges not boolean", small, "\"ignore_merges\":false", "\"ignore_merges\":\"yes\"",
                        "model.ignore_merges", "be true or false"),
                bad("vocab missing", small, "\"vocab\":", "\"vocabulary\":", "model.vocab", "be a JSON object"),
                bad("duplicate id", small, "\"xxxx\":262", "\"xxxx\":261", "model.vocab",
                        "use each id in [0, 263) exactly once, got id 261 for token \"xx"),
                bad("fractional id", small, "\"xxxx\":262", "\"xxxx\":26.5", "model.vocab[\"xxxx\"]",
                        "non-negative integer id, got 26.5"),
                bad("byte token missing", small, "\"Ā\":0", "\"ĀĀ\":0", "model.vocab",
                        "all 256 byte-level tokens (byte fallback and unk_token are not supported), got no token \"Ā\""),
                bad("merge of unknown token", small, "[\"ab\",\"a\"]", "[\"ab\",\"zz\"]", "model.merges[0]",
                        "unknown token \"zz\""),
                bad("merge into unknown token", small, "[\"x\",\"x\"]", "[\"x\",\"y\"]", "model.merges[6]",
                        "unknown token \"xy\""),
                bad("merge of three", small, "[\"ab\",\"a\"]", "\"ab a c\"", "model.merges[0]",
                        "be \"left right\" or [\"left\", \"right\"], got \"ab a c\""),
                bad("repeated merge", small, "[\"xx\",\"xx\"]", "[\"x\",\"x\"]", "model.merges[7]",
                        "not repeat model.merges[6]"),
                bad("Unigram-like merges", small, "\"merges\":[", "\"merges\":[1,", "model.merges[0]", "got 1.0"),
                bad("NFKC", qwen, "{\"type\":\"NFC\"}", "{\"type\":\"NFKC\"}", "normalizer.type", "got \"NFKC\""),
                bad("lowercase in a sequence", qwen, "{\"type\":\"NFC\"}",
                        "{\"type\":\"Sequence\",\"normalizers\":[{\"type\":\"NFC\"},{\"type\":\"Lowercase\"}]}",
                        "normalizer.normalizers[1].type", "Sequence of NFC is supported), got \"Lowercase\""),
                bad("Metaspace", small, "\"pre_tokenizer\":{\"type\":\"ByteLevel\"", "\"pre_tokenizer\":{\"type\":\"Metaspace\"",
                        "pre_tokenizer.type", "got \"Metaspace\""),
                bad("no pre-tokenizer", small, "\"pre_tokenizer\":" + byteLevel, "\"pre_tokenizer\":null",
                        "pre_tokenizer", "be a JSON object, got null or nothing"),
                bad("Split removed", qwen, "\"behavior\":\"Isolated\"", "\"behavior\":\"Removed\"",
                        "pre_tokenizer.pretokenizers[0].behavior", "got \"Removed\""),
                bad("Split inverted", qwen, "\"invert\":false", "\"invert\":true", "pre_tokenizer.pretokenizers[0].invert",
                        "inverted Split"),
                bad("Sequence without ByteLevel", qwen, ",{\"type\":\"ByteLevel\",\"add_prefix_space\":false,"
                        + "\"trim_offsets\":true,\"use_regex\":false}]", "]", "pre_tokenizer.pretokenizers[0].type",
                        "must be ByteLevel"),
                bad("word boundary", qwen, "\"Regex\":\"", "\"Regex\":\"\\\\bx|", "pre_tokenizer.pretokenizers[0].pattern.Regex",
                        "without the escape \\b"),
                bad("regex not compiling", qwen, "\"Regex\":\"", "\"Regex\":\"(", "pre_tokenizer.pretokenizers[0].pattern.Regex",
                        "compile"),
                bad("WordPiece decoder", small, "\"decoder\":{\"type\":\"ByteLevel\"", "\"decoder\":{\"type\":\"WordPiece\"",
                        "decoder.type", "got \"WordPiece\""),
                bad("lstrip not boolean", qwen, "\"lstrip\":false", "\"lstrip\":\"yes\"", "added_tokens[0].lstrip",
                        "be true or false, got yes"),
                bad("added id off", qwen, "\"id\":3256", "\"id\":5000", "added_tokens[0].id",
                        "be 3256, the id the tokenizers library gives \"<|endoftext|>\""),
                bad("added repeated", qwen, "\"content\":\"<|im_start|>\"", "\"content\":\"<|endoftext|>\"",
                        "added_tokens[1].content", "not repeat"),
                bad("added empty", qwen, "\"content\":\"<|im_start|>\"", "\"content\":\"\"", "added_tokens[1].content",
                        "be non-empty"));
    }

    private static Arguments bad(String label, String text, String from, String to, String field, String detail) {
        if (!text.contains(from)) {
            throw new IllegalStateException(label + ": no " + from);
        }
        return Arguments.of(label, text.replaceFirst(Pattern.quote(from), Matcher.quoteReplacement(to)), field, detail);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badFiles")
    void fromTokenizerJson_badContent_namesTheFileAndField(String label, String text, String field, String detail,
            @TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("tokenizer.json"), text, StandardCharsets.UTF_8);
        assertThatIllegalArgumentException().isThrownBy(() -> BpeTokenizer.fromTokenizerJson(file))
                .withMessageStartingWith(file + ": " + field + " must ").withMessageContaining(detail);
    }

    private static void copy(String gpt2Resource, Path to) throws IOException {
        try (InputStream in = Gpt2Files.resource(gpt2Resource)) {
            Files.copy(in, to);
        }
    }
}
