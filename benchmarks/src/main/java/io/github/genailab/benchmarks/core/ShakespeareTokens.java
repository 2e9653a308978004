package io.github.genailab.benchmarks.core;

import io.github.genailab.core.text.BpeTokenizer;
import io.github.genailab.core.text.Corpora;
import java.util.ArrayList;
import java.util.List;

/** The bundled tiny Shakespeare corpus as token documents, one per passage. */
final class ShakespeareTokens {

    private ShakespeareTokens() {
    }

    /**
     * Every passage of {@link Corpora#tinyShakespearePassages()} encoded with the shipped 4096-token BPE
     * (about 330k tokens).
     */
    static List<int[]> documents() {
        BpeTokenizer tokenizer = Corpora.shakespeareTokenizer();
        List<int[]> docs = new ArrayList<>();
        for (String passage : Corpora.tinyShakespearePassages()) {
            docs.add(tokenizer.encode(passage));
        }
        return docs;
    }
}
