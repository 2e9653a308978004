package io.github.genailab.llm;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

/** The tiny checkpoints written by tools/llm-goldens/make_goldens.py, and their golden logits. */
final class TestCheckpoints {

    /** Every test checkpoint: F32 / F16 / BF16, sharded, tied and untied heads, H > G. */
    static final List<String> ALL = List.of("gpt2-f32", "gpt2-f16", "llama-bf16-sharded", "llama-f32-tied",
            "qwen2-f16", "qwen2-bf16-tied");

    private TestCheckpoints() {
    }

    static Stream<String> names() {
        return ALL.stream();
    }

    static Path directory(String name) {
        try {
            return Path.of(TestCheckpoints.class.getResource("checkpoints/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The token ids and float64 logits of golden.txt. */
    record Golden(int[] tokens, double[][] logits) {
    }

    static Golden golden(String name) {
        List<String> lines;
        try {
            lines = Files.readAllLines(directory(name).resolve("golden.txt"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> data = lines.stream().filter(l -> !l.startsWith("#")).toList();
        int[] tokens = Arrays.stream(data.get(0).substring("tokens ".length()).split(" "))
                .mapToInt(Integer::parseInt).toArray();
        String[] dims = data.get(1).split(" ");
        int rows = Integer.parseInt(dims[1]);
        double[][] logits = new double[rows][];
        for (int i = 0; i < rows; i++) {
            logits[i] = Arrays.stream(data.get(2 + i).split(" ")).mapToDouble(Double::parseDouble).toArray();
        }
        return new Golden(tokens, logits);
    }

    /** Copies a test checkpoint into {@code target} so that a test can break it. */
    static Path copy(String name, Path target) {
        try (Stream<Path> files = Files.list(directory(name))) {
            for (Path f : files.toList()) {
                Files.copy(f, target.resolve(f.getFileName().toString()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return target;
    }
}
