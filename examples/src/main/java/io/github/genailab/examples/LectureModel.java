package io.github.genailab.examples;

import io.github.genailab.core.lm.LanguageModel;
import io.github.genailab.core.lm.NGramModel;
import io.github.genailab.core.text.BpeTokenizer;
import io.github.genailab.core.text.Corpora;
import io.github.genailab.llm.CausalLm;
import java.nio.file.Path;
import java.util.List;

/**
 * The language model a lecture runs on, with the tokenizer that goes with it: a checkpoint from
 * {@code --model DIR} (loaded by {@link CausalLm}, its tokenizer by
 * {@link BpeTokenizer#fromModelDirectory(Path)}), or else an n-gram model trained in-process on the bundled
 * Shakespeare with its 4096-token tokenizer. Nothing is downloaded: a checkpoint must already be on disk
 * (see the llm module's README for how to put one there).
 *
 * @param model the model
 * @param tokenizer its tokenizer
 * @param description one line for the report, e.g. {@code "trigram model"} or {@code "gpt2 checkpoint ..."}
 * @param checkpoint the loaded checkpoint to close, or null for the n-gram model
 */
record LectureModel(LanguageModel model, BpeTokenizer tokenizer, String description, CausalLm checkpoint)
        implements AutoCloseable {

    /**
     * The checkpoint of {@code args.model()}, or an n-gram model of {@code order} trained on the first
     * {@code trainingShare} of the Shakespeare passages.
     *
     * @param args the lecture's flags
     * @param order the n-gram order of the fallback
     * @param training the passages (encoded with the Shakespeare tokenizer) the fallback trains on
     * @return the model and its tokenizer
     */
    static LectureModel open(LectureArgs args, int order, List<int[]> training) {
        if (args.model().isPresent()) {
            Path dir = args.model().get();
            BpeTokenizer tokenizer = BpeTokenizer.fromModelDirectory(dir);
            CausalLm lm = CausalLm.load(dir);
            if (tokenizer.vocabularySize() > lm.vocabularySize()) {
                lm.close();
                throw new IllegalArgumentException("--model " + dir + ": the tokenizer has "
                        + tokenizer.vocabularySize() + " tokens, more than the model's vocabulary of "
                        + lm.vocabularySize());
            }
            return new LectureModel(lm, tokenizer, lm.config().architecture().modelType() + " checkpoint " + dir, lm);
        }
        BpeTokenizer tokenizer = Corpora.shakespeareTokenizer();
        String[] names = {"", "unigram", "bigram", "trigram", "4-gram", "5-gram"};
        return new LectureModel(NGramModel.train(training, tokenizer.vocabularySize(), order), tokenizer,
                names[order] + " model trained on Shakespeare", null);
    }

    /** Whether the lecture runs on a checkpoint rather than the n-gram model. */
    boolean isCheckpoint() {
        return checkpoint != null;
    }

    @Override
    public void close() {
        if (checkpoint != null) {
            checkpoint.close();
        }
    }
}
