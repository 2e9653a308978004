package io.github.genailab.membership.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.genailab.membership.LabeledText;
import io.github.genailab.membership.MembershipLabel;
import io.github.genailab.membership.MembershipSample;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class LogProbReadersTest {

    static List<MembershipSample> jsonl(String text) throws IOException {
        return TokenLogProbsReader.read(new StringReader(text), "scores.jsonl");
    }

    @Test
    void readsPerTokenLogProbsWithOptionalMuSigmaAndBaselineExtras(@TempDir Path dir) throws IOException {
        String text = """
                {"id": "wiki-17", "label": 1, "text": "Hello world", "token_logprobs": [null, -2.5, -0.25],
                 "mu": [null, -1.5, -1.0], "sigma": [null, 0.5, 2.0], "lowercase_token_logprobs": [null, -3.0],
                 "ref_token_logprobs": [-4.0, -1.0], "model": "ignored"}

                {"label": false, "token_logprobs": [-1.0, null, -0.5]}
                {"id": 7, "token_logprobs": [-0.0]}
                """.replace(",\n ", ", ");
        Path file = dir.resolve("scores.jsonl");
        Files.writeString(file, text, StandardCharsets.UTF_8);
        List<MembershipSample> samples = TokenLogProbsReader.read(file);
        assertThat(samples).hasSize(3);
        MembershipSample first = samples.get(0);
        assertThat(first.id()).isEqualTo("wiki-17");
        assertThat(first.label()).isEqualTo(MembershipLabel.MEMBER);
        assertThat(first.text()).isEqualTo("Hello world");
        assertThat(first.tokens().logProbs()).containsExactly(-2.5, -0.25);
        assertThat(first.tokens().mu()).containsExactly(-1.5, -1.0);
        assertThat(first.tokens().sigma()).containsExactly(0.5, 2.0);
        assertThat(first.lowercase().logProbs()).containsExactly(-3.0);
        assertThat(first.reference().logProbs()).containsExactly(-4.0, -1.0);
        assertThat(first.toString()).isEqualTo(
                "MembershipSample[wiki-17, MEMBER, 2 tokens, loss 1.3750, mu/sigma, text, +lowercase, +reference]");
        assertThat(samples.get(1).id()).isEqualTo("line 3");
        assertThat(samples.get(1).label()).isEqualTo(MembershipLabel.NON_MEMBER);
        assertThat(samples.get(1).tokens().logProbs()).containsExactly(-1.0, -0.5);
        assertThat(samples.get(1).tokens().hasDistribution()).isFalse();
        assertThat(samples.get(2).id()).isEqualTo("7");
        assertThat(samples.get(2).label()).isEqualTo(MembershipLabel.UNKNOWN);
    }

    @Test
    void readsOpenAiEchoResponsesDroppingTheUnscoredFirstToken() throws IOException {
        String response = """
                {
                  "id": "cmpl-1",
                  "object": "text_completion",
                  "choices": [
                    {"index": 0, "text": "The cat sat", "logprobs": {
                      "tokens": ["The", " cat", " sat"], "token_logprobs": [null, -5.25, -1.5],
                      "top_logprobs": [null, {" cat": -5.25}, {" sat": -1.5}], "text_offset": [0, 3, 7]}},
                    {"index": 1, "text": "A dog", "logprobs": {"tokens": ["A", " dog"], "token_logprobs": [null, -7.0]}}
                  ]
                }
                """;
        List<MembershipSample> samples = OpenAiEchoReader.read(new StringReader(response), "echo.json");
        assertThat(samples).extracting(MembershipSample::id).containsExactly("cmpl-1#0", "cmpl-1#1");
        assertThat(samples.get(0).tokens().logProbs()).containsExactly(-5.25, -1.5);
        assertThat(samples.get(0).text()).isEqualTo("The cat sat");
        assertThat(samples.get(1).tokens().logProbs()).containsExactly(-7.0);
        assertThat(samples.get(0).label()).isEqualTo(MembershipLabel.UNKNOWN);

        String twoLines = "{\"choices\": [{\"logprobs\": {\"token_logprobs\": [null, -1.0]}}]}\n"
                + "{\"choices\": [{\"logprobs\": {\"token_logprobs\": [null, -2.0]}}]}\n";
        List<MembershipSample> jsonl = OpenAiEchoReader.read(new StringReader(twoLines), "echo.jsonl");
        assertThat(jsonl).extracting(MembershipSample::id).containsExactly("line 1#0", "line 2#0");
        assertThat(jsonl.get(1).withLabel(MembershipLabel.MEMBER).label()).isEqualTo(MembershipLabel.MEMBER);
    }

    @Test
    void readsVllmPromptLogprobsChoosingThePromptToken() throws IOException {
        String offline = "{\"request_id\": \"r1\", \"prompt\": \"a b c\", \"prompt_token_ids\": [5, 9, 2],"
                + " \"prompt_logprobs\": [null, {\"9\": {\"logprob\": -3.5, \"rank\": 4, \"decoded_token\": \" b\"},"
                + " \"1\": {\"logprob\": -0.5, \"rank\": 1}}, {\"2\": -0.75}]}";
        String server = "{\"id\": \"cmpl-2\", \"choices\": [{\"prompt_logprobs\": [null, {\"4\": {\"logprob\": -1.25}}]}]}";
        List<MembershipSample> samples = VllmPromptLogprobsReader.read(
                new StringReader(offline + "\n" + server + "\n"), "vllm.jsonl");
        assertThat(samples).hasSize(2);
        assertThat(samples.get(0).id()).isEqualTo("r1");
        assertThat(samples.get(0).text()).isEqualTo("a b c");
        assertThat(samples.get(0).tokens().logProbs()).containsExactly(-3.5, -0.75);
        assertThat(samples.get(1).id()).isEqualTo("cmpl-2#0");
        assertThat(samples.get(1).tokens().logProbs()).containsExactly(-1.25);
    }

    @Test
    void readsWikiMiaRows() throws IOException {
        List<LabeledText> rows = WikiMiaReader.read(new StringReader(
                "{\"input\": \"The 2016 Summer Olympics\", \"label\": 1}\n{\"input\": \"A 2023 event\", \"label\": 0}\n"),
                "WikiMIA_length32.jsonl");
        assertThat(rows).containsExactly(new LabeledText("The 2016 Summer Olympics", true),
                new LabeledText("A 2023 event", false));
        assertThat(rows.get(0).toString()).isEqualTo("LabeledText[member, 24 chars: \"The 2016 Summer Olympics\"]");
    }

    static Stream<Arguments> malformed() {
        return Stream.of(
                Arguments.of("jsonl", "{\"token_logprobs\": [-1]}\n{\"token_logprobs\": [-1, \"abc\"]}",
                        "scores.jsonl line 2: token_logprobs[1] must be a number <= 0 or null, got \"abc\""),
                Arguments.of("jsonl", "{\"token_logprobs\": [-1, 0.5]}",
                        "scores.jsonl line 1: token_logprobs[1] must be a number <= 0 or null, got 0.5"),
                Arguments.of("jsonl", "\n\n{\"token_logprobs\": [-1,]}",
                        "scores.jsonl: invalid JSON at line 3, column 24: unexpected ']}', expected a value"),
                Arguments.of("jsonl", "{\"token_logprobs\": [NaN]}", "scores.jsonl: invalid JSON at line 1, column 21: NaN"),
                Arguments.of("jsonl", "{\"text\": \"x\"}",
                        "scores.jsonl line 1: token_logprobs must be present, got nothing (field missing)"),
                Arguments.of("jsonl", "{\"token_logprobs\": [null, null]}",
                        "scores.jsonl line 1: token_logprobs must hold at least one log-probability, got an array of 2"),
                Arguments.of("jsonl", "{\"token_logprobs\": {\"a\": 1}}",
                        "scores.jsonl line 1: token_logprobs must be an array, got an object with 1 fields"),
                Arguments.of("jsonl", "[1, 2]", "scores.jsonl line 1: the line must be a JSON object, got an array of 2"),
                Arguments.of("jsonl", "{\"token_logprobs\": [-1], \"label\": 2}",
                        "scores.jsonl line 1: label must be 1, 0, true or false, got 2"),
                Arguments.of("jsonl", "{\"token_logprobs\": [-1], \"mu\": [-1]}",
                        "scores.jsonl line 1: sigma must be present when mu is, got nothing (field missing)"),
                Arguments.of("jsonl", "{\"token_logprobs\": [null, -1], \"mu\": [-1], \"sigma\": [1]}",
                        "scores.jsonl line 1: mu must have the length of token_logprobs (2), got an array of 1"),
                Arguments.of("jsonl", "{\"token_logprobs\": [null, -1], \"mu\": [null, -1], \"sigma\": [null, -2]}",
                        "scores.jsonl line 1: sigma[1] must be a number >= 0 where token_logprobs is a number, got -2"),
                Arguments.of("jsonl", "{\"token_logprobs\": [-1], \"id\": [1]}",
                        "scores.jsonl line 1: id must be a string or a number, got an array of 1"),
                Arguments.of("echo", "{\"choices\": [{\"logprobs\": null}]}",
                        "scores.jsonl line 1: choices[0].logprobs must not be null, got null"),
                Arguments.of("echo", "{\"choices\": [{\"logprobs\": {\"content\": []}}]}",
                        "scores.jsonl line 1: choices[0].logprobs must hold token_logprobs (legacy Completions with echo=true"),
                Arguments.of("echo", "{\n  \"choices\": [{\"logprobs\": {\"token_logprobs\": [null, true]}}]\n}",
                        "scores.jsonl: choices[0].logprobs.token_logprobs[1] must be a number <= 0 or null, got true"),
                Arguments.of("echo", "{\n  \"choices\": [\n  }\n}", "scores.jsonl: invalid JSON at line 3, column 3"),
                Arguments.of("echo", "{\"choices\": [{\"logprobs\": {\"tokens\": [\"a\"], \"token_logprobs\": [null, -1]}}]}",
                        "scores.jsonl line 1: choices[0].logprobs.tokens must have the length of token_logprobs (2), got an array of 1"),
                Arguments.of("vllm", "{\"prompt_logprobs\": [null, {\"3\": -1, \"4\": -2}]}",
                        "scores.jsonl line 1: prompt_logprobs[1] must hold exactly one token when prompt_token_ids is absent"),
                Arguments.of("vllm", "{\"prompt_token_ids\": [1, 7], \"prompt_logprobs\": [null, {\"3\": -1}]}",
                        "scores.jsonl line 1: prompt_logprobs[1] must contain the prompt token 7, got an object with 1 fields"),
                Arguments.of("vllm", "{\"prompt_token_ids\": [1], \"prompt_logprobs\": [null, {\"3\": -1}]}",
                        "scores.jsonl line 1: prompt_token_ids must have the length of prompt_logprobs (2)"),
                Arguments.of("vllm", "{\"prompt_logprobs\": [null, {\"3\": {\"rank\": 1}}]}",
                        "scores.jsonl line 1: prompt_logprobs[1].logprob must be a number <= 0 or null, got null"),
                Arguments.of("vllm", "{\"outputs\": []}", "scores.jsonl line 1: prompt_logprobs must be present"),
                Arguments.of("wikimia", "{\"input\": \"x\", \"label\": 1}\n{\"label\": 1}",
                        "scores.jsonl line 2: input must be present, got nothing (field missing)"),
                Arguments.of("wikimia", "{\"input\": \"x\"}", "scores.jsonl line 1: label must be 0 or 1, got nothing (field missing)"),
                Arguments.of("wikimia", "{\"input\": 3, \"label\": 0}", "scores.jsonl line 1: input must be a string, got 3"));
    }

    @ParameterizedTest(name = "{0}: {2}")
    @MethodSource("malformed")
    void rejectsMalformedInputNamingTheLineAndField(String format, String text, String message) {
        StringReader reader = new StringReader(text);
        assertThatThrownBy(() -> {
            switch (format) {
                case "jsonl" -> TokenLogProbsReader.read(reader, "scores.jsonl");
                case "echo" -> OpenAiEchoReader.read(reader, "scores.jsonl");
                case "vllm" -> VllmPromptLogprobsReader.read(reader, "scores.jsonl");
                default -> WikiMiaReader.read(reader, "scores.jsonl");
            }
        }).isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith(message);
    }

    @Test
    void rejectsNullArguments() {
        assertThatThrownBy(() -> TokenLogProbsReader.read((Path) null)).isInstanceOf(NullPointerException.class)
                .hasMessageContaining("path");
        assertThatThrownBy(() -> WikiMiaReader.read(null, "x")).isInstanceOf(NullPointerException.class)
                .hasMessageContaining("reader");
        assertThatThrownBy(() -> OpenAiEchoReader.read(new StringReader(""), null))
                .isInstanceOf(NullPointerException.class).hasMessageContaining("sourceName");
        assertThatThrownBy(() -> VllmPromptLogprobsReader.read((Path) null))
                .isInstanceOf(NullPointerException.class).hasMessageContaining("path");
    }
}
