package io.github.genailab.examples;

import io.github.genailab.core.lm.Decoder;
import io.github.genailab.core.lm.DecodingOptions;
import io.github.genailab.core.lm.NGramModel;
import io.github.genailab.core.math.LogMath;
import io.github.genailab.core.math.Rngs;
import io.github.genailab.core.text.BpeTokenizer;
import io.github.genailab.core.text.Corpora;
import io.github.genailab.core.text.Tokenizer;
import java.io.IOException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.random.RandomGenerator;
import org.knowm.xchart.CategoryChart;

/**
 * First stop of the tour: the bundled Shakespeare corpus, its byte-level BPE tokenizer, interpolated
 * Kneser–Ney n-gram models of order 1–4 (held-out perplexity), and text generated greedily and by
 * sampling.
 *
 * <pre>
 * mvn -q -DskipTests -Ptour package -Dexample=io.github.genailab.examples.CoreLecture
 * </pre>
 */
public final class CoreLecture {

    private static final String PROMPT = "ROMEO:\n";
    private static final int TOP = 10;

    private CoreLecture() {
    }

    /**
     * Runs the lecture from the command line.
     *
     * @param args {@code [--seed N] [--out DIR] [--quick]}
     * @throws IOException if a figure cannot be written
     */
    public static void main(String[] args) throws IOException {
        Lecture.launch(args, "core", CoreLecture::run);
    }

    /**
     * Runs the lecture.
     *
     * @param args the parsed flags
     * @param out where the report goes
     * @throws IOException if a figure cannot be written
     */
    public static void run(LectureArgs args, PrintStream out) throws IOException {
        Figures figures = Figures.in(args.out(), out);
        String corpus = Corpora.tinyShakespeare();
        List<String> passages = Corpora.tinyShakespearePassages();
        out.printf(Locale.ROOT, "corpus: tiny Shakespeare, %,d characters in %,d passages%n",
                corpus.length(), passages.size());

        long start = System.nanoTime();
        BpeTokenizer small = BpeTokenizer.train(corpus.substring(0, args.size(20_000, 5_000)), 300);
        out.printf(Locale.ROOT, "trained a 300-token BPE on %,d characters in %.1f s; bundled tokenizer has %,d tokens%n",
                args.size(20_000, 5_000), seconds(start), Corpora.shakespeareTokenizer().vocabularySize());
        Tokenizer tokenizer = Corpora.shakespeareTokenizer();
        String line = "O Romeo, Romeo! wherefore art thou Romeo?";
        out.println("  300-token BPE : " + split(small, line));
        out.println("  4096-token BPE: " + split(tokenizer, line));

        List<int[]> documents = Shakespeare.encode(tokenizer, passages.subList(0, args.size(passages.size(), 400)));
        int split = documents.size() * 9 / 10;
        List<int[]> train = documents.subList(0, split);
        List<int[]> heldOut = documents.subList(split, documents.size());
        out.printf(Locale.ROOT, "%,d training and %,d held-out passages (%.2f characters per token)%n",
                train.size(), heldOut.size(), charactersPerToken(passages, documents));

        int maxOrder = 4;
        double[] trainPerplexity = new double[maxOrder];
        double[] heldOutPerplexity = new double[maxOrder];
        NGramModel trigram = null;
        try (ProgressBar bar = new ProgressBar(out, "training n-gram models of order 1-4", maxOrder)) {
            for (int order = 1; order <= maxOrder; order++) {
                NGramModel model = NGramModel.train(train, tokenizer.vocabularySize(), order);
                trainPerplexity[order - 1] = Shakespeare.perplexity(model, train);
                heldOutPerplexity[order - 1] = Shakespeare.perplexity(model, heldOut);
                if (order == 3) {
                    trigram = model;
                }
                bar.step();
            }
        }
        out.println("order  train perplexity  held-out perplexity");
        for (int order = 1; order <= maxOrder; order++) {
            out.printf(Locale.ROOT, "%5d  %16.1f  %19.1f%n", order, trainPerplexity[order - 1],
                    heldOutPerplexity[order - 1]);
        }

        RandomGenerator rng = Rngs.seeded(args.seed());
        int[] prompt = tokenizer.encode(PROMPT);
        int length = args.size(60, 20);
        out.println("trigram, greedy (the arg-max soon loops):");
        out.println(indent(tokenizer.decode(Decoder.generate(trigram, prompt, length,
                DecodingOptions.greedyDecoding(), List.of(), rng))));
        DecodingOptions sampling = DecodingOptions.sampling(0.8).withTopP(0.95);
        out.println("trigram, sampling (temperature 0.8, top-p 0.95):");
        out.println(indent(tokenizer.decode(Decoder.generate(trigram, prompt, length, sampling, List.of(), rng))));

        figures.save(perplexityChart(trainPerplexity, heldOutPerplexity), "perplexity-vs-order",
                "train and held-out perplexity of the n-gram model by order");
        figures.save(nextTokenChart(tokenizer, trigram, prompt), "next-token-distribution",
                "the trigram model's 10 most likely tokens after the prompt, at temperatures 0.5, 1 and 2");
    }

    private static String split(Tokenizer tokenizer, String text) {
        List<String> pieces = Shakespeare.pieces(tokenizer, tokenizer.encode(text));
        return pieces.size() + " tokens |" + String.join("|", pieces) + "|";
    }

    private static double charactersPerToken(List<String> passages, List<int[]> documents) {
        long characters = 0;
        long tokens = 0;
        for (int i = 0; i < documents.size(); i++) {
            characters += passages.get(i).length();
            tokens += documents.get(i).length;
        }
        return (double) characters / tokens;
    }

    private static CategoryChart perplexityChart(double[] train, double[] heldOut) {
        CategoryChart chart = Charts.bars("Kneser-Ney n-gram perplexity on tiny Shakespeare", "order",
                "perplexity (lower is better)");
        List<String> orders = List.of("1", "2", "3", "4");
        chart.addSeries("train", orders, Charts.boxed(train));
        chart.addSeries("held out", orders, Charts.boxed(heldOut));
        return chart;
    }

    private static CategoryChart nextTokenChart(Tokenizer tokenizer, NGramModel model, int[] prompt) {
        double[] logits = model.nextTokenLogits(prompt);
        double[] p = LogMath.softmax(logits);
        Integer[] order = new Integer[p.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Double.compare(p[b], p[a]));
        List<String> labels = new ArrayList<>();
        for (int r = 0; r < TOP; r++) {
            labels.add("'" + tokenizer.decode(new int[] {order[r]}).replace("\n", "\\n") + "'");
        }
        CategoryChart chart = Charts.bars("Next token after \"ROMEO:\\n\" (trigram)", "token", "probability");
        for (double temperature : new double[] {0.5, 1.0, 2.0}) {
            double[] scaled = new double[logits.length];
            for (int i = 0; i < logits.length; i++) {
                scaled[i] = logits[i] / temperature;
            }
            double[] q = LogMath.softmax(scaled);
            List<Double> top = new ArrayList<>();
            for (int r = 0; r < TOP; r++) {
                top.add(q[order[r]]);
            }
            chart.addSeries("T = " + temperature, labels, top);
        }
        return chart;
    }

    private static String indent(String text) {
        return "    " + text.strip().replace("\n", "\n    ");
    }

    private static double seconds(long start) {
        return (System.nanoTime() - start) / 1e9;
    }
}
