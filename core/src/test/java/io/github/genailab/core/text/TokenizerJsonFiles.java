package io.github.genailab.core.text;

import io.github.genailab.core.internal.Json;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.zip.GZIPInputStream;

/**
 * The tokenizer.json test files written by tools/tokenizer-goldens/generate.js, and their golden ids
 * (from the Rust tokenizers library), loaded once for all test classes.
 */
final class TokenizerJsonFiles {

    static final String GPT2 = "gpt2";
    static final String LLAMA3 = "llama3-style";
    static final String QWEN2 = "qwen2-style";
    static final String MERGE_ORDER = "merge-order";
    static final String PREFIX_SPACE = "prefix-space";
    static final String REGEX_FLAVOUR = "regex-flavour";
    static final String ADDED_FLAGS = "added-flags";
    static final List<String> NAMES = List.of(GPT2, LLAMA3, QWEN2, MERGE_ORDER, PREFIX_SPACE, REGEX_FLAVOUR,
            "digits-individual", "digits-contiguous", ADDED_FLAGS);

    private static final Map<String, BpeTokenizer> TOKENIZERS = new ConcurrentHashMap<>();

    record Golden(String file, String name, String text, int[] ids, String decoded) {
        @Override
        public String toString() {
            return file + "/" + name;
        }
    }

    private TokenizerJsonFiles() {
    }

    /** The file's text (the GPT-2 file is stored gzipped: it is 2 MB). */
    static String text(String name) {
        String resource = name.equals(GPT2) ? "gpt2/tokenizer.json.gz" : "tokenizer-json/" + name + "/tokenizer.json";
        try (InputStream in = TokenizerJsonFiles.class.getResourceAsStream(resource)) {
            byte[] bytes = name.equals(GPT2) ? new GZIPInputStream(in).readAllBytes() : in.readAllBytes();
            return new String(bytes, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A path to the file (the GPT-2 file unzipped into a temporary directory). */
    static Path path(String name) {
        try {
            if (!name.equals(GPT2)) {
                return Path.of(TokenizerJsonFiles.class.getResource("tokenizer-json/" + name + "/tokenizer.json").toURI());
            }
            return Holder.GPT2_PATH;
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static BpeTokenizer tokenizer(String name) {
        return TOKENIZERS.computeIfAbsent(name, n -> BpeTokenizer.fromTokenizerJson(path(n)));
    }

    static List<Golden> golden() {
        List<Golden> cases = new ArrayList<>();
        for (String[] columns : rows("golden.tsv")) {
            int[] ids = columns[3].isEmpty() ? new int[0]
                    : Arrays.stream(columns[3].split(" ")).mapToInt(Integer::parseInt).toArray();
            cases.add(new Golden(columns[0], columns[1], utf8(columns[2]), ids, utf8(columns[5])));
        }
        return cases;
    }

    /** The Rust library's pre-tokenisation of the texts, as byte-level pieces. */
    static List<Pieces> pretokens() {
        List<Pieces> cases = new ArrayList<>();
        for (String[] columns : rows("pretokens.tsv")) {
            List<String> pieces = new ArrayList<>();
            for (Object piece : (List<?>) Json.parse(columns[3])) {
                pieces.add((String) piece);
            }
            cases.add(new Pieces(columns[0], columns[1], utf8(columns[2]), pieces));
        }
        return cases;
    }

    record Pieces(String file, String name, String text, List<String> pieces) {
        @Override
        public String toString() {
            return file + "/" + name;
        }
    }

    private static String utf8(String hex) {
        return new String(HexFormat.of().parseHex(hex), StandardCharsets.UTF_8);
    }

    private static List<String[]> rows(String resource) {
        List<String[]> rows = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(
                TokenizerJsonFiles.class.getResourceAsStream("tokenizer-json/" + resource), StandardCharsets.UTF_8))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                if (!line.startsWith("#")) {
                    rows.add(line.split("\t", -1));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return rows;
    }

    private static final class Holder {
        static final Path GPT2_PATH = unzip();

        private static Path unzip() {
            try {
                Path dir = Files.createTempDirectory("genailab-gpt2-tokenizer");
                Path file = dir.resolve("tokenizer.json");
                Files.writeString(file, text(GPT2), StandardCharsets.UTF_8);
                file.toFile().deleteOnExit();
                dir.toFile().deleteOnExit();
                return file;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
