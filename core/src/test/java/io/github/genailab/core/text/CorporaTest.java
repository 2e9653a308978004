package io.github.genailab.core.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CorporaTest {

    @Test
    void tinyShakespeare_isTheBundledCorpus() {
        String text = Corpora.tinyShakespeare();
        assertThat(text).hasSize(1_115_394).startsWith("First Citizen:\nBefore we proceed any further, hear me speak.");
        assertThat(text.chars().allMatch(c -> c < 128)).isTrue();
        assertThat(Corpora.tinyShakespeare()).isSameAs(text);
    }

    @Test
    void passages_areTheSpeechesBetweenBlankLines() {
        List<String> passages = Corpora.tinyShakespearePassages();
        assertThat(passages).hasSize(7222);
        assertThat(passages.get(0)).isEqualTo("First Citizen:\nBefore we proceed any further, hear me speak.");
        assertThat(passages.get(1)).isEqualTo("All:\nSpeak, speak.");
        assertThat(passages).allSatisfy(p -> {
            assertThat(p).isNotBlank().doesNotStartWith("\n").doesNotEndWith("\n").doesNotContain("\n\n");
        });
        // the corpus has no whitespace-only lines; two places have two blank lines in a row
        assertThat(String.join("\n\n", passages))
                .isEqualTo(Corpora.tinyShakespeare().strip().replaceAll("\n{3,}", "\n\n"));
        assertThatThrownBy(() -> passages.add("x")).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void passages_dropBlankRunsOfAnyLength() {
        assertThat(Corpora.passages("\n\na\nb\n \n\t\n\nc\n")).containsExactly("a\nb", "c");
        assertThat(Corpora.passages("")).isEmpty();
        assertThat(Corpora.passages("\n \n")).isEmpty();
    }

    @Test
    void shakespeareTokenizer_hasTheDocumentedSize() {
        BpeTokenizer t = Corpora.shakespeareTokenizer();
        assertThat(t.vocabularySize()).isEqualTo(Corpora.SHAKESPEARE_VOCABULARY_SIZE);
        assertThat(t.mergeCount()).isEqualTo(4096 - 256);
        assertThat(Corpora.shakespeareTokenizer()).isSameAs(t);
        String text = Corpora.tinyShakespeare();
        assertThat(t.decode(t.encode(text))).isEqualTo(text);
    }

    @Test
    void shakespeareTokenizer_isExactlyWhatTrainingOnTheCorpusGives(@TempDir Path dir) throws IOException {
        BpeTokenizer.train(Corpora.tinyShakespeare(), Corpora.SHAKESPEARE_VOCABULARY_SIZE).save(dir);
        for (String file : List.of(BpeTokenizer.ENCODER_FILE, BpeTokenizer.MERGES_FILE)) {
            try (InputStream shipped = Corpora.class.getResourceAsStream("shakespeare-bpe-4096/" + file)) {
                assertThat(shipped).as(file).isNotNull();
                assertThat(Files.readAllBytes(dir.resolve(file))).as(file).isEqualTo(shipped.readAllBytes());
            }
        }
    }
}
