package io.github.genailab.core.text;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** GPT-2's tokenizer files in the test resources, loaded once for all test classes. */
final class Gpt2Files {

    private Gpt2Files() {
    }

    static InputStream resource(String name) {
        return Gpt2Files.class.getResourceAsStream("gpt2/" + name);
    }

    static BpeTokenizer tokenizer() {
        return Holder.GPT2;
    }

    private static final class Holder {
        static final BpeTokenizer GPT2 = load();

        private static BpeTokenizer load() {
            try (InputStream encoder = resource(BpeTokenizer.ENCODER_FILE);
                 InputStream merges = resource(BpeTokenizer.MERGES_FILE)) {
                return BpeTokenizer.load(encoder, merges);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
