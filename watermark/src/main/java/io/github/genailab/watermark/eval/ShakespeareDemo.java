package io.github.genailab.watermark.eval;

import io.github.genailab.core.ProgressListener;
import io.github.genailab.core.lm.Decoder;
import io.github.genailab.core.lm.NGramModel;
import io.github.genailab.core.math.Checks;
import io.github.genailab.core.text.BpeTokenizer;
import io.github.genailab.core.text.Corpora;
import io.github.genailab.watermark.WatermarkLogitsProcessor;
import io.github.genailab.watermark.WatermarkScheme;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * The human-versus-watermarked demonstration on the bundled corpus, offline and in seconds: a Kneser–Ney n-gram
 * model trained on tiny Shakespeare stands in for the LLM, the held-out tail of the corpus is the human text.
 *
 * <pre>
 *   passages = Corpora.tinyShakespearePassages();  tokens: Corpora.shakespeareTokenizer() (V = 4096)
 *   train    = first (1 - heldOutFraction) of the passages, one document each
 *   held out = the remaining passages joined by blank lines, cut into chunks of promptTokens + tokensPerText
 *   human[i] = chunk i after its prompt;   prompts = the first `texts` chunks' prompts
 *   watermarked[i] / unwatermarked[i] = tokensPerText tokens generated after prompt i, with / without the processor
 * </pre>
 * As in the paper's setup (C4 prompts, the human completion as baseline), human and generated texts have the same
 * length and the prompt is not scored. Cost: about a second to tokenise and train, then one model call per
 * generated token. Deterministic for a given seed.
 *
 * <p>Paper: Kirchenbauer et al., "A Watermark for Large Language Models", ICML 2023, Sec. 6 (experimental setup).
 *
 * @since 0.1.0
 */
public final class ShakespeareDemo {

    private ShakespeareDemo() {
    }

    /**
     * Trains the model, cuts the human texts and generates the continuations.
     *
     * @param processor the watermark processor (its scheme's vocabulary size must be 4096, the Shakespeare
     *     tokenizer's)
     * @param options sizes, model order and decoding
     * @param rng the source of sampling randomness
     * @param listener progress reports ({@link ProgressListener#none()} for none)
     * @return the texts
     * @throws NullPointerException if an argument is null
     * @throws IllegalArgumentException if the scheme's vocabulary size is not 4096, or the held-out text is too
     *     short for {@code options.texts()} chunks
     */
    public static ShakespeareDemoResult prepare(WatermarkLogitsProcessor processor, ShakespeareDemoOptions options, RandomGenerator rng,
            ProgressListener listener) {
        Checks.notNull(processor, "processor");
        WatermarkScheme scheme = processor.scheme();
        Checks.notNull(options, "options");
        Checks.notNull(rng, "rng");
        Checks.notNull(listener, "listener");
        if (scheme.vocabularySize() != Corpora.SHAKESPEARE_VOCABULARY_SIZE) {
            throw Checks.fail("scheme.vocabularySize()", "equal the Shakespeare tokenizer's "
                    + Corpora.SHAKESPEARE_VOCABULARY_SIZE, scheme.vocabularySize());
        }
        BpeTokenizer tokenizer = Corpora.shakespeareTokenizer();
        List<String> passages = Corpora.tinyShakespearePassages();
        int split = (int) Math.round(passages.size() * (1 - options.heldOutFraction()));
        List<int[]> training = new ArrayList<>(split);
        long trainingTokens = 0;
        for (int i = 0; i < split; i++) {
            int[] ids = tokenizer.encode(passages.get(i));
            training.add(ids);
            trainingTokens += ids.length;
        }
        listener.progress("training", 1, 1);
        NGramModel model = NGramModel.train(training, tokenizer.vocabularySize(), options.ngramOrder());
        int[] heldOut = tokenizer.encode(String.join("\n\n", passages.subList(split, passages.size())));
        int chunk = options.promptTokens() + options.tokensPerText();
        int chunks = heldOut.length / chunk;
        if (chunks < options.texts()) {
            throw Checks.fail("options.texts()", "be <= the " + chunks + " held-out chunks of " + chunk + " tokens",
                    options.texts());
        }
        List<int[]> prompts = new ArrayList<>();
        List<int[]> human = new ArrayList<>();
        for (int c = 0; c < chunks; c++) {
            int from = c * chunk;
            if (c < options.texts()) {
                prompts.add(Arrays.copyOfRange(heldOut, from, from + options.promptTokens()));
            }
            human.add(Arrays.copyOfRange(heldOut, from + options.promptTokens(), from + chunk));
        }
        List<int[]> watermarked = new ArrayList<>();
        List<int[]> plain = new ArrayList<>();
        for (int i = 0; i < prompts.size(); i++) {
            watermarked.add(Decoder.generate(model, prompts.get(i), options.tokensPerText(), options.decoding(),
                    List.of(processor), rng));
            plain.add(Decoder.generate(model, prompts.get(i), options.tokensPerText(), options.decoding(), List.of(),
                    rng));
            listener.progress("generating", i + 1, prompts.size());
        }
        return new ShakespeareDemoResult(scheme, options, tokenizer, model, trainingTokens, prompts, human, watermarked, plain);
    }
}
