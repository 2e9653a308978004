package io.github.genailab.core.text;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.genailab.core.text.TokenizerJsonFiles.Golden;
import io.github.genailab.core.text.TokenizerJsonFiles.Pieces;

import java.nio.charset.StandardCharsets;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** BpeTokenizer.fromTokenizerJson must give the Rust tokenizers library's ids exactly. */
class BpeTokenizerJsonTest {

    static List<Golden> golden() {
        return TokenizerJsonFiles.golden();
    }

    @Test
    void golden_coversEveryFileWithDozensOfTexts() {
        for (String name : TokenizerJsonFiles.NAMES) {
            assertThat(golden()).filteredOn(g -> g.file().equals(name)).hasSizeGreaterThanOrEqualTo(50);
        }
        assertThat(golden()).hasSize(486);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("golden")
    void encode_matchesTheRustLibrary(Golden golden) {
        BpeTokenizer t = TokenizerJsonFiles.tokenizer(golden.file());
        assertThat(t.encode(golden.text())).containsExactly(golden.ids());
    }

    static List<Pieces> pretokens() {
        return TokenizerJsonFiles.pretokens();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("pretokens")
    void preTokenizer_splitsLikeTheRustLibrary(Pieces golden) {
        List<String> pieces = new ArrayList<>();
        TokenizerJsonFiles.tokenizer(golden.file()).rules().preTokenizer().split(golden.text(),
                piece -> pieces.add(ByteLevel.toTokenString(piece.getBytes(StandardCharsets.UTF_8))));
        assertThat(pieces).isEqualTo(golden.pieces());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("golden")
    void decode_matchesTheRustLibrary(Golden golden) {
        assertThat(TokenizerJsonFiles.tokenizer(golden.file()).decode(golden.ids())).isEqualTo(golden.decoded());
    }

    /** The files whose encoding loses nothing (the others add prefix spaces or strip whitespace). */
    static List<Golden> lossless() {
        List<String> lossy = List.of(TokenizerJsonFiles.PREFIX_SPACE, TokenizerJsonFiles.REGEX_FLAVOUR,
                TokenizerJsonFiles.ADDED_FLAGS);
        return golden().stream().filter(g -> !lossy.contains(g.file())).toList();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("lossless")
    void decode_ofEncode_givesTheText_nfcForQwen(Golden golden) {
        BpeTokenizer t = TokenizerJsonFiles.tokenizer(golden.file());
        String expected = golden.file().equals(TokenizerJsonFiles.QWEN2)
                ? Normalizer.normalize(golden.text(), Normalizer.Form.NFC) : golden.text();
        assertThat(t.decode(t.encode(golden.text()))).isEqualTo(expected);
    }
}
