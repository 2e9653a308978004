package io.github.genailab.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.genailab.core.text.Corpora;
import io.github.genailab.llm.RandomCheckpoint;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Runs every lecture's {@code main} with {@code --quick} and checks its report and figures. */
class LecturesSmokeTest {

    @FunctionalInterface
    interface Main {
        void main(String[] args) throws IOException;
    }

    static Stream<Arguments> lectures() {
        return Stream.of(
                Arguments.of("core", (Main) CoreLecture::main,
                        List.of("perplexity-vs-order", "next-token-distribution"),
                        List.of("corpus: tiny Shakespeare, 1,115,394 characters", "(?m)^\\s+3\\s+\\d+\\.\\d\\s+\\d+\\.\\d$",
                                "trigram, greedy", "trigram, sampling")),
                Arguments.of("watermark", (Main) WatermarkLecture::main,
                        List.of("green-red-tokens", "z-vs-tokens", "detection-vs-attack"),
                        List.of("(?m)^human\\s+-?\\d+\\.\\d\\d", "(?m)^model, watermark\\s+\\d+\\.\\d\\d .*4/4$",
                                "Detection\\[WATERMARKED z=", "(?m)^\\s+60%\\s+\\d+%\\s+\\d+%$")),
                Arguments.of("watermark-zoo", (Main) WatermarkZooLecture::main,
                        List.of("tpr-under-attack", "tpr-vs-length"),
                        List.of("WatermarkComparisonResult\\[11 rows, 4 texts x 60 tokens, 20 human texts",
                                "(?m)^kgw\\s+1\\.000\\s+0\\.\\d{3}", "(?m)^exp-edit\\s+\\d\\.\\d{3}",
                                "(?m)^unigram(\\s+\\d\\.\\d{3}){6}\\s+1\\.000$", "chi2\\(E_key q\\)")),
                Arguments.of("contrastive", (Main) ContrastiveLecture::main,
                        List.of("similarity-before-after", "loss-curve", "zero-shot-accuracy"),
                        List.of("TinyClipResult\\[3 epochs", "zero-shot accuracy on \\d+ held-out digits: untrained "
                                + "\\d+\\.\\d%, one prompt \\d+\\.\\d%, 5-prompt ensemble \\d+\\.\\d%")),
                Arguments.of("membership", (Main) MembershipLecture::main,
                        List.of("roc-curves", "auc-vs-k"),
                        List.of("(?m)^Min-K% \\(k = 20%\\)\\s+[01]\\.\\d{3}", "(?m)^zlib ratio\\s+[01]\\.\\d{3}",
                                "AUC by model order: 1: [01]\\.\\d{3}, 2: ")),
                Arguments.of("collapse", (Main) CollapseLecture::main,
                        List.of("fitted-densities", "variance-and-w2", "gmm-generations", "surviving-categories"),
                        List.of("GaussianEnsemble\\[50 runs", "median variance at generation 100: \\d\\.\\d{3}",
                                "MixtureTrajectory\\[", "generation  200: GaussianMixture\\[K=2, d=2",
                                "categories lost in generation 1 \\(theory \\d+\\.\\d\\)")),
                Arguments.of("diffusion", (Main) DiffusionLecture::main,
                        List.of("forward-process", "training-curves", "reverse-chain", "ddpm-vs-ddim", "digits-generated",
                                "watermark-samples", "watermark-survival"),
                        List.of("DdpmResult\\[10 epochs on 400 rows", "energy distance to the training data \\(200 samples\\): "
                                + "DDPM 1000 steps \\d+\\.\\d{4}, DDIM 50 steps \\(eta = 0\\) \\d+\\.\\d{4}",
                                "guidance scale 3: ClassAccuracy\\[overall", "after embedding:  WatermarkVerification\\[",
                                "after   2 clean epochs: WatermarkVerification\\[")),
                Arguments.of("lm-collapse", (Main) LanguageModelCollapseLecture::main,
                        List.of("perplexity-by-generation", "sequence-perplexity-histograms", "surviving-ngrams"),
                        List.of("LanguageModelCollapseEnsemble\\[2 runs, replace, DecodingOptions\\[sampling",
                                "LanguageModelCollapseEnsemble\\[1 run, accumulate, DecodingOptions\\[beamSearch, beams=5\\]",
                                "(?m)^\\s+2\\s+\\d+\\.\\d ± \\d+\\.\\d", "generation 2 text \\(beam 5, replace\\): \"")),
                Arguments.of("spark", (Main) SparkCorpusDetection::main, List.of(),
                        List.of("Spark 4\\.\\d+\\.\\d+ on local\\[\\*\\]", "(?m)^watermarked\\s+20\\s+\\d+\\s+\\d+",
                                "(?m)^not watermarked\\s+20\\s+0\\s+20\\s")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("lectures")
    void quickRunPrintsTheKeyNumbersAndWritesValidPngs(String topic, Main main, List<String> figures,
            List<String> reportPatterns, @TempDir Path dir) throws IOException {
        String report = runCapturingStdout(main, "--quick", "--seed", "7", "--out", dir.toString());

        for (String pattern : reportPatterns) {
            assertThat(report).containsPattern(pattern);
        }
        for (String figure : figures) {
            Path file = dir.resolve(figure + ".png");
            assertThat(report).contains(file.toString());
            BufferedImage image = ImageIO.read(file.toFile());
            assertThat(image).as(file.toString()).isNotNull();
            assertThat(image.getWidth()).isGreaterThan(300);
            assertThat(image.getHeight()).isGreaterThan(200);
        }
        try (Stream<Path> written = Files.list(dir)) {
            assertThat(written).hasSize(figures.size());
        }
    }

    /**
     * The lectures that take a language model run on a checkpoint with {@code --model DIR}: an untrained
     * GPT-2-shaped checkpoint over the Shakespeare tokenizer's 4,096 ids, written here (nothing is downloaded).
     */
    @ParameterizedTest(name = "{0} --model")
    @MethodSource("lecturesOnACheckpoint")
    void lecturesRunOnACheckpointDirectory(String topic, Main main, List<String> reportPatterns, @TempDir Path dir)
            throws IOException {
        Path model = Files.createDirectory(dir.resolve("tiny-gpt2"));
        RandomCheckpoint.tinyGpt2(Corpora.SHAKESPEARE_VOCABULARY_SIZE).write(model, 1);
        Corpora.shakespeareTokenizer().save(model);
        Path out = Files.createDirectory(dir.resolve("figures"));

        String report = runCapturingStdout(main, "--quick", "--seed", "7", "--out", out.toString(), "--model",
                model.toString());

        assertThat(report).contains("model " + model);
        for (String pattern : reportPatterns) {
            assertThat(report).containsPattern(pattern);
        }
    }

    static Stream<Arguments> lecturesOnACheckpoint() {
        return Stream.of(
                Arguments.of("watermark", (Main) WatermarkLecture::main,
                        List.of("gpt2 checkpoint", "(?m)^model, watermark\\s+\\d+\\.\\d\\d .*4/4$",
                                "Detection\\[WATERMARKED z=")),
                Arguments.of("lm-collapse", (Main) LanguageModelCollapseLecture::main,
                        List.of("judge: gpt2 checkpoint", "judge=CausalLm")),
                Arguments.of("watermark-zoo", (Main) WatermarkZooLecture::main,
                        List.of("10 families on gpt2 checkpoint", "(?m)^synthid\\s+\\d\\.\\d{3}")),
                Arguments.of("membership", (Main) MembershipLecture::main,
                        List.of("on gpt2 checkpoint .*: Min-K% AUC [01]\\.\\d{3}, Min-K%\\+\\+ AUC [01]\\.\\d{3} over 40 texts")));
    }

    private static String runCapturingStdout(Main main, String... args) throws IOException {
        PrintStream original = System.out;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        System.setOut(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        try {
            main.main(args);
        } finally {
            System.setOut(original);
        }
        String report = bytes.toString(StandardCharsets.UTF_8);
        original.print(report);
        return report;
    }
}
