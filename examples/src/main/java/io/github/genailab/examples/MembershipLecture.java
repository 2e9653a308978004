package io.github.genailab.examples;

import io.github.genailab.core.lm.LanguageModel;
import io.github.genailab.core.lm.NGramModel;
import io.github.genailab.core.math.Rngs;
import io.github.genailab.core.stats.RocCurve;
import io.github.genailab.core.text.BpeTokenizer;
import io.github.genailab.core.text.Corpora;
import io.github.genailab.membership.Baselines;
import io.github.genailab.membership.MinKProb;
import io.github.genailab.membership.TokenStatistics;
import java.io.IOException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import java.util.random.RandomGenerator;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Pretraining-data detection (Shi et al. 2024, Min-K% Prob; Zhang et al. 2024, Min-K%++): which Shakespeare
 * passages did a bigram model see in training? Members and non-members are a random split of one pool; a
 * control model that saw neither shows what chance looks like.
 *
 * <pre>
 * mvn -q -DskipTests -Ptour package -Dexample=io.github.genailab.examples.MembershipLecture
 * </pre>
 */
public final class MembershipLecture {

    private static final int TARGET_ORDER = 2;
    private static final double K = 0.2;
    private static final double[] KS = {0.05, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.8, 1.0};
    private static final int MIN_TOKENS = 24;
    private static final int MAX_TOKENS = 64;

    private MembershipLecture() {
    }

    /**
     * Runs the lecture from the command line.
     *
     * @param args {@code [--seed N] [--out DIR] [--quick]}
     * @throws IOException if a figure cannot be written
     */
    public static void main(String[] args) throws IOException {
        Lecture.launch(args, "membership", MembershipLecture::run);
    }

    /** One candidate text: its tokens (at most 64), its text, whether the model trained on it, its statistics. */
    private record Candidate(int[] tokens, String text, boolean member, TokenStatistics target,
            TokenStatistics control) {
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
        RandomGenerator rng = Rngs.seeded(args.seed());
        BpeTokenizer tokenizer = Corpora.shakespeareTokenizer();
        List<int[]> pool = new ArrayList<>();
        for (int[] document : Shakespeare.encode(tokenizer, Corpora.tinyShakespearePassages())) {
            if (document.length >= MIN_TOKENS) {
                pool.add(Arrays.copyOf(document, Math.min(document.length, MAX_TOKENS)));
            }
        }
        shuffle(pool, rng);
        int n = args.size(300, 40);
        List<int[]> members = pool.subList(0, n);
        List<int[]> nonMembers = pool.subList(n, 2 * n);
        List<int[]> filler = pool.subList(2 * n, pool.size());
        List<int[]> training = new ArrayList<>(members);
        training.addAll(filler);
        NGramModel target = NGramModel.train(training, tokenizer.vocabularySize(), TARGET_ORDER);
        NGramModel control = NGramModel.train(filler, tokenizer.vocabularySize(), TARGET_ORDER);
        out.printf(Locale.ROOT, "%d member and %d non-member passages (%d-%d tokens) drawn at random from one pool;%n"
                + "target bigram model trained on the members plus %d other passages, control bigram on those others only%n",
                n, n, MIN_TOKENS, MAX_TOKENS, filler.size());

        List<Candidate> candidates = new ArrayList<>();
        try (ProgressBar bar = new ProgressBar(out, "scoring every token under both models", 2L * n)) {
            for (int i = 0; i < 2 * n; i++) {
                int[] tokens = i < n ? members.get(i) : nonMembers.get(i - n);
                candidates.add(new Candidate(tokens, tokenizer.decode(tokens), i < n,
                        TokenStatistics.of(target, tokens), TokenStatistics.of(control, tokens)));
                bar.step();
            }
        }
        boolean[] member = new boolean[candidates.size()];
        for (int i = 0; i < member.length; i++) {
            member[i] = candidates.get(i).member();
        }

        Map<String, RocCurve> curves = new LinkedHashMap<>();
        curves.put("Min-K% (k = 20%)", roc(candidates, member, c -> c.target().minK(K)));
        curves.put("Min-K%++ (k = 20%)", roc(candidates, member, c -> c.target().minKPlusPlus(K)));
        curves.put("loss", roc(candidates, member, c -> -c.target().loss()));
        curves.put("zlib ratio", roc(candidates, member, c -> Baselines.zlibScore(c.target().logProbs(), c.text())));
        out.println("method                AUC     TPR at FPR <= 5%   control model AUC");
        for (Map.Entry<String, RocCurve> entry : curves.entrySet()) {
            out.printf(Locale.ROOT, "%-20s %6.3f   %16.3f   %17.3f%n", entry.getKey(), entry.getValue().auc(),
                    entry.getValue().tprAtFprAtMost(0.05), controlAuc(entry.getKey(), candidates, member));
        }
        out.println("Min-K% ROC: " + curves.get("Min-K% (k = 20%)"));

        double[][] aucByK = new double[2][KS.length];
        for (int j = 0; j < KS.length; j++) {
            double k = KS[j];
            aucByK[0][j] = roc(candidates, member, c -> c.target().minK(k)).auc();
            aucByK[1][j] = roc(candidates, member, c -> c.target().minKPlusPlus(k)).auc();
        }
        out.println("AUC by k: " + formatByK(aucByK));
        out.println("Min-K% (k = 20%) AUC by model order: " + aucByOrder(training, candidates, member,
                tokenizer.vocabularySize()));
        out.println("(an n-gram model trained in-process is a maximal-memorisation, white-box setting: it validates "
                + "the pipeline, not the attack's power on pretrained LLMs)");

        figures.save(rocChart(curves), "roc-curves", "ROC curves of the four membership scores on the target model");
        figures.save(aucChart(aucByK), "auc-vs-k", "AUC of Min-K% and Min-K%++ as the fraction k of tokens kept grows");
        if (args.model().isPresent()) {
            onCheckpoint(args, out, candidates, member);
        }
    }

    /**
     * The same texts scored by a checkpoint ({@code --model DIR}): Min-K% and Min-K%++ with mu and sigma from
     * each full logits row of one batched forward pass. The member labels belong to the n-gram's training split,
     * which the checkpoint never saw, so its AUC shows what the scores do without a membership signal.
     */
    private static void onCheckpoint(LectureArgs args, PrintStream out, List<Candidate> candidates, boolean[] member) {
        try (LectureModel lecture = LectureModel.open(args, TARGET_ORDER, List.of())) {
            LanguageModel lm = lecture.model();
            int half = Math.min(candidates.size() / 2, args.size(100, 20));
            int m = 2 * half;
            double[] minK = new double[m];
            double[] minKPlusPlus = new double[m];
            boolean[] labels = new boolean[m];
            try (ProgressBar bar = new ProgressBar(out, "scoring the texts with " + lecture.description(), m)) {
                for (int i = 0; i < m; i++) {
                    // the first half of the candidates are members, the second half non-members
                    int c = i < half ? i : candidates.size() / 2 + i - half;
                    labels[i] = member[c];
                    int[] tokens = lecture.tokenizer().encode(candidates.get(c).text());
                    tokens = Arrays.copyOf(tokens, Math.min(tokens.length, MAX_TOKENS));
                    float[][] rows = lm.forward(Arrays.copyOf(tokens, tokens.length - 1));
                    TokenStatistics statistics = TokenStatistics.fromLogits(rows, Arrays.copyOfRange(tokens, 1, tokens.length));
                    minK[i] = statistics.minK(K);
                    minKPlusPlus[i] = statistics.minKPlusPlus(K);
                    bar.step();
                }
            }
            if (half > 0) {
                out.printf(Locale.ROOT, "on %s: Min-K%% AUC %.3f, Min-K%%++ AUC %.3f over %d texts (labels are the "
                        + "n-gram's split, unseen by the checkpoint: about 0.5 is the honest answer)%n",
                        lecture.description(), RocCurve.of(minK, labels).auc(), RocCurve.of(minKPlusPlus, labels).auc(), m);
            }
        }
    }

    private static RocCurve roc(List<Candidate> candidates, boolean[] member, ToDoubleFunction<Candidate> score) {
        return RocCurve.of(candidates.stream().mapToDouble(score).toArray(), member);
    }

    private static double controlAuc(String method, List<Candidate> candidates, boolean[] member) {
        ToDoubleFunction<Candidate> score = switch (method) {
            case "Min-K% (k = 20%)" -> c -> c.control().minK(K);
            case "Min-K%++ (k = 20%)" -> c -> c.control().minKPlusPlus(K);
            case "loss" -> c -> -c.control().loss();
            default -> c -> Baselines.zlibScore(c.control().logProbs(), c.text());
        };
        return roc(candidates, member, score).auc();
    }

    /** Dose-response: the more context the model conditions on, the more it memorises. */
    private static String aucByOrder(List<int[]> training, List<Candidate> candidates, boolean[] member,
            int vocabularySize) {
        StringBuilder text = new StringBuilder();
        for (int order = 1; order <= 4; order++) {
            NGramModel model = NGramModel.train(training, vocabularySize, order);
            double auc = roc(candidates, member, c -> MinKProb.score(model.tokenLogProbs(c.tokens()), K)).auc();
            text.append(String.format(Locale.ROOT, "%s%d: %.3f", order == 1 ? "" : ", ", order, auc));
        }
        return text.toString();
    }

    private static String formatByK(double[][] aucByK) {
        StringBuilder text = new StringBuilder();
        for (int j = 0; j < KS.length; j++) {
            text.append(String.format(Locale.ROOT, "%sk=%.2f: %.3f/%.3f", j == 0 ? "" : ", ", KS[j], aucByK[0][j],
                    aucByK[1][j]));
        }
        return text + " (Min-K% / Min-K%++)";
    }

    private static void shuffle(List<int[]> list, RandomGenerator rng) {
        for (int i = list.size() - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int[] swap = list.get(i);
            list.set(i, list.get(j));
            list.set(j, swap);
        }
    }

    private static XYChart rocChart(Map<String, RocCurve> curves) {
        XYChart chart = Charts.xy("Members vs non-members: ROC curves (bigram target model)", "false positive rate",
                "true positive rate");
        for (Map.Entry<String, RocCurve> entry : curves.entrySet()) {
            RocCurve curve = entry.getValue();
            Charts.line(chart, String.format(Locale.ROOT, "%s, AUC %.3f", entry.getKey(), curve.auc()), curve.fpr(),
                    curve.tpr());
        }
        Charts.line(chart, "chance", new double[] {0, 1}, new double[] {0, 1}).setLineColor(java.awt.Color.GRAY);
        chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideSE);
        chart.getStyler().setXAxisMin(0.0).setXAxisMax(1.0).setYAxisMin(0.0).setYAxisMax(1.0);
        return chart;
    }

    private static XYChart aucChart(double[][] aucByK) {
        XYChart chart = Charts.xy("AUC vs k (share of lowest-scoring tokens averaged)", "k", "AUC");
        Charts.line(chart, "Min-K%", KS, aucByK[0]).setMarker(SeriesMarkers.CIRCLE);
        Charts.line(chart, "Min-K%++", KS, aucByK[1]).setMarker(SeriesMarkers.CIRCLE);
        chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideSE);
        return chart;
    }
}
