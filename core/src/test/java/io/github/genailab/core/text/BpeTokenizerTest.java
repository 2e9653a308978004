package io.github.genailab.core.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.genailab.core.math.Rngs;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;
import java.util.stream.Stream;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class BpeTokenizerTest {

    private static final String SMALL_CORPUS = "low low low low low lower lower newest newest newest newest newest "
            + "newest widest widest widest";

    private static final BpeTokenizer SMALL = BpeTokenizer.train(SMALL_CORPUS, 270);

    @Test
    void train_hasExactlyTheRequestedVocabularySize() {
        for (int size : new int[] {256, 257, 300, 1000}) {
            assertThat(BpeTokenizer.train(Corpora.tinyShakespeare().substring(0, 20_000), size).vocabularySize())
                    .isEqualTo(size);
        }
    }

    @Test
    void train_256_isPureBytes() {
        BpeTokenizer bytes = BpeTokenizer.train("", 256);
        assertThat(bytes.mergeCount()).isZero();
        assertThat(bytes.encode("hé")).containsExactly('h', 0xC3, 0xA9);
        assertThat(bytes.token(' ')).isEqualTo("Ġ");
        assertThat(bytes.token('\n')).isEqualTo("Ċ");
    }

    @Test
    void train_mergesTheMostFrequentPairFirstWithinChunks() {
        // chunks "low", " low" x4, " lower" x2, " newest" x6, " widest" x3: ("e","s") and ("s","t") both
        // occur 9 times, the most; "e" (101) < "s" (115) so "es" comes first, then ("es","t") with 9.
        assertThat(SMALL.token(256)).isEqualTo("es");
        assertThat(SMALL.token(257)).isEqualTo("est");
        assertThat(SMALL.vocabularySize()).isEqualTo(270);
    }

    @Test
    void train_breaksTiesBySmallestLeftThenRightId() {
        // chunks "ab", " cd" x2, " ab": ("a","b"), ("Ġ","c") and ("c","d") all occur twice; the space
        // byte (32) is the smallest left id.
        assertThat(BpeTokenizer.train("ab cd ab cd", 257).token(256)).isEqualTo("Ġc");
        // chunks "cd", ".", "ab": equal counts, smaller left id wins; "ac", ".", "ab": same left, smaller right.
        assertThat(BpeTokenizer.train("cd.ab", 257).token(256)).isEqualTo("ab");
        assertThat(BpeTokenizer.train("ac.ab", 257).token(256)).isEqualTo("ab");
    }

    @Test
    void train_isDeterministic(@TempDir Path dir) throws IOException {
        String text = Corpora.tinyShakespeare().substring(0, 50_000);
        BpeTokenizer a = BpeTokenizer.train(text, 600);
        BpeTokenizer b = BpeTokenizer.train(text, 600);
        a.save(dir.resolve("a"));
        b.save(dir.resolve("b"));
        for (String file : List.of(BpeTokenizer.ENCODER_FILE, BpeTokenizer.MERGES_FILE)) {
            assertThat(Files.readAllBytes(dir.resolve("a").resolve(file)))
                    .isEqualTo(Files.readAllBytes(dir.resolve("b").resolve(file)));
        }
        assertThat(a.encode(text)).isEqualTo(b.encode(text));
    }

    @Test
    void encode_compressesTrainingText() {
        String text = Corpora.tinyShakespeare().substring(0, 20_000);
        assertThat(Corpora.shakespeareTokenizer().encode(text).length).isLessThan(text.length() / 3);
    }

    @Test
    void encode_emptyTextGivesNoIds() {
        assertThat(SMALL.encode("")).isEmpty();
        assertThat(SMALL.decode(new int[0])).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5})
    void roundTrip_randomUnicode_trainedTokenizers(long seed) {
        RandomGenerator rng = Rngs.seeded(seed);
        for (int i = 0; i < 200; i++) {
            String text = TextSamples.randomText(rng, 60);
            assertThat(Corpora.shakespeareTokenizer().decode(Corpora.shakespeareTokenizer().encode(text)))
                    .isEqualTo(text);
            assertThat(SMALL.decode(SMALL.encode(text))).isEqualTo(text);
        }
    }

    @Test
    void roundTrip_tokenizerTrainedOnRandomUnicode() {
        RandomGenerator rng = Rngs.seeded(7);
        StringBuilder corpus = new StringBuilder();
        for (int i = 0; i < 300; i++) {
            corpus.append(TextSamples.randomText(rng, 40));
        }
        BpeTokenizer t = BpeTokenizer.train(corpus.toString(), 700);
        for (int i = 0; i < 200; i++) {
            String text = TextSamples.randomText(rng, 60);
            assertThat(t.decode(t.encode(text))).isEqualTo(text);
        }
        assertThat(t.decode(t.encode(corpus.toString()))).isEqualTo(corpus.toString());
    }

    @Test
    void roundTrip_unusualWhitespaceAndEmoji() {
        for (String text : List.of(TextSamples.UNUSUAL_WHITESPACE, "a\u00A0b\u2028c\u3000d\r\n\te",
                "👩‍👩‍👧‍👦 👍🏽🇫🇷", "   leading and trailing   ", "\n\n\n", "x\u0085y")) {
            assertThat(Corpora.shakespeareTokenizer().decode(Corpora.shakespeareTokenizer().encode(text)))
                    .isEqualTo(text);
        }
    }

    @Test
    void encode_isThreadSafe() {
        BpeTokenizer t = Corpora.shakespeareTokenizer();
        List<String> passages = Corpora.tinyShakespearePassages().subList(0, 400);
        List<int[]> sequential = passages.stream().map(t::encode).toList();
        List<int[]> parallel = passages.parallelStream().map(t::encode).toList();
        for (int i = 0; i < passages.size(); i++) {
            assertThat(parallel.get(i)).isEqualTo(sequential.get(i));
        }
    }

    @Test
    void decode_cutCharacterBecomesReplacementCharacter() {
        BpeTokenizer bytes = BpeTokenizer.train("", 256);
        assertThat(bytes.decode(new int[] {0xC3})).isEqualTo("\uFFFD");
    }

    @Test
    void saveThenLoad_givesIdenticalEncodings(@TempDir Path dir) throws IOException {
        BpeTokenizer trained = BpeTokenizer.train(Corpora.tinyShakespeare().substring(0, 30_000), 500);
        trained.save(dir);
        BpeTokenizer loaded = BpeTokenizer.load(dir.resolve(BpeTokenizer.ENCODER_FILE),
                dir.resolve(BpeTokenizer.MERGES_FILE));
        assertThat(loaded.vocabularySize()).isEqualTo(500);
        assertThat(loaded.mergeCount()).isEqualTo(trained.mergeCount());
        RandomGenerator rng = Rngs.seeded(11);
        String shakespeare = Corpora.tinyShakespeare().substring(30_000, 60_000);
        assertThat(loaded.encode(shakespeare)).isEqualTo(trained.encode(shakespeare));
        for (int i = 0; i < 100; i++) {
            String text = TextSamples.randomText(rng, 50);
            assertThat(loaded.encode(text)).isEqualTo(trained.encode(text));
        }
        for (int id = 0; id < 500; id++) {
            assertThat(loaded.token(id)).isEqualTo(trained.token(id));
        }
    }

    @Test
    void tokenAndTokenId_areInverse() {
        BpeTokenizer t = Corpora.shakespeareTokenizer();
        for (int id = 0; id < t.vocabularySize(); id++) {
            assertThat(t.tokenId(t.token(id))).hasValue(id);
        }
        assertThat(t.tokenId("<|endoftext|>")).isEmpty();
    }

    @Test
    void toString_isOneLine() {
        assertThat(SMALL).hasToString("BpeTokenizer[vocabularySize=270, merges=14]");
    }

    @Test
    void preTokenizer_followsGpt2Chunking() {
        assertThat(chunks("Hello world's   fine!!  123abc\n\n"))
                .containsExactly("Hello", " world", "'s", "  ", " fine", "!!", " ", " 123", "abc", "\n\n");
        assertThat(chunks("I'LL can't")).containsExactly("I", "'", "LL", " can", "'t");
        // U+00A0, U+2028, U+3000, U+0085 are \s in Python's regex module; U+FEFF is not.
        assertThat(chunks("a\u00A0\u00A0b")).containsExactly("a", "\u00A0", "\u00A0", "b");
        assertThat(chunks("a\u3000 b\u0085")).containsExactly("a", "\u3000", " b", "\u0085");
        assertThat(chunks("a\uFEFFb")).containsExactly("a", "\uFEFF", "b");
        // supplementary letters are letters; emoji are symbols
        assertThat(chunks("𝔘𝔫𝔦 😀😀")).containsExactly("𝔘𝔫𝔦", " 😀😀");
    }

    private static List<String> chunks(String text) {
        List<String> out = new ArrayList<>();
        PreTokenizer.GPT2.split(text, out::add);
        return out;
    }

    static Stream<Arguments> badInputs() {
        byte[] ok = "{}".getBytes(StandardCharsets.UTF_8);
        return Stream.of(
                Arguments.of("train null text", npe(() -> BpeTokenizer.train(null, 300)), "text"),
                Arguments.of("train size 255", iae(() -> BpeTokenizer.train("abc", 255)), "vocabularySize"),
                Arguments.of("train size negative", iae(() -> BpeTokenizer.train("abc", -1)), "vocabularySize"),
                Arguments.of("train size absurd", iae(() -> BpeTokenizer.train("abc", Integer.MAX_VALUE)),
                        "vocabularySize"),
                Arguments.of("train text too small", iae(() -> BpeTokenizer.train("abc", 259)), "vocabularySize"),
                Arguments.of("train lone surrogate", iae(() -> BpeTokenizer.train("a\uD800b", 256)), "text"),
                Arguments.of("encode null", npe(() -> SMALL.encode(null)), "text"),
                Arguments.of("encode lone high surrogate", iae(() -> SMALL.encode("ab\uD83D")), "text"),
                Arguments.of("encode lone low surrogate", iae(() -> SMALL.encode("\uDE00ab")), "text"),
                Arguments.of("decode null", npe(() -> SMALL.decode(null)), "tokens"),
                Arguments.of("decode negative id", iae(() -> SMALL.decode(new int[] {1, -1})), "tokens[1]"),
                Arguments.of("decode id = size", iae(() -> SMALL.decode(new int[] {270})), "tokens[0]"),
                Arguments.of("token negative", iae(() -> SMALL.token(-1)), "id"),
                Arguments.of("token = size", iae(() -> SMALL.token(270)), "id"),
                Arguments.of("tokenId null", npe(() -> SMALL.tokenId(null)), "token"),
                Arguments.of("save null", npe(() -> SMALL.save(null)), "dir"),
                Arguments.of("load null encoder path", npe(() -> BpeTokenizer.load(null, Path.of("x"))),
                        "encoderJson"),
                Arguments.of("load null merges path", npe(() -> BpeTokenizer.load(Path.of("x"), (Path) null)),
                        "mergesTxt"),
                Arguments.of("load null encoder stream",
                        npe(() -> BpeTokenizer.load((InputStream) null, new ByteArrayInputStream(ok))), "encoderJson"),
                Arguments.of("load null merges stream",
                        npe(() -> BpeTokenizer.load(new ByteArrayInputStream(ok), (InputStream) null)), "mergesTxt"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badInputs")
    void badInputs_failWithMessageNamingTheParameter(String label, Failure failure, String parameter) {
        assertThatThrownBy(failure.call).isExactlyInstanceOf(failure.type).hasMessageContaining(parameter);
    }

    @Test
    void decode_outOfRange_messageNamesRuleAndValue() {
        assertThatIllegalArgumentException().isThrownBy(() -> SMALL.decode(new int[] {3, 5000}))
                .withMessage("tokens[1] must be a token id in [0, 270), got 5000");
        assertThatNullPointerException().isThrownBy(() -> SMALL.encode(null)).withMessageContaining("text");
    }

    record Failure(Class<? extends Throwable> type, ThrowingCallable call) {
    }

    static Failure npe(ThrowingCallable call) {
        return new Failure(NullPointerException.class, call);
    }

    static Failure iae(ThrowingCallable call) {
        return new Failure(IllegalArgumentException.class, call);
    }
}
