package io.github.genailab.membership.experiment;

import io.github.genailab.core.ProgressListener;
import io.github.genailab.core.lm.NGramModel;
import io.github.genailab.core.math.Checks;
import io.github.genailab.core.text.Corpora;
import io.github.genailab.core.text.Tokenizer;
import io.github.genailab.membership.MembershipLabel;
import io.github.genailab.membership.MembershipSample;
import io.github.genailab.membership.MinKProb;
import io.github.genailab.membership.TokenStatistics;
import io.github.genailab.membership.eval.MembershipAttack;
import io.github.genailab.membership.eval.AttackResult;
import io.github.genailab.membership.eval.MembershipEvaluation;
import io.github.genailab.membership.eval.MembershipReport;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * The end-to-end membership-inference experiment on a corpus, with in-process n-gram language
 * models: Min-K%, Min-K%++ and the baselines against members and non-members of the same
 * distribution, with controls that must sit at chance.
 *
 * <p><b>Design.</b>
 * <ol>
 *   <li>Shuffle the passages with the given generator; the first half is the <em>member</em> side
 *       (training data), the next quarter the <em>non-member</em> side, the last quarter the
 *       <em>control</em> side. A random split from one pool, never a date split: members and
 *       non-members come from the same distribution.</li>
 *   <li>Score {@code textsPerClass} members (the first {@code tokensPerText} tokens of member-side
 *       passages that are at least that long) and as many non-members from the non-member side, all
 *       of the same length.</li>
 *   <li>Train an interpolated Kneser-Ney model of each order 1..maxOrder on the whole member side;
 *       evaluate LOSS, zlib, lowercase, reference (the reference model is trained on the control
 *       side), Min-K% and Min-K%++ at every k.</li>
 *   <li>Controls: Min-K% 20% under a model trained on the control side only (it has seen neither
 *       members nor non-members); the highest-order target's Min-K% 20% with shuffled labels; the
 *       compressed length of the text with no model at all (a "blind" baseline that would expose a
 *       biased split). All three should give AUC near 0.5 (standard error about 0.024 at 300 per
 *       class).</li>
 *   <li>Repetition: unigram models trained on the member side plus r - 1 extra copies of each
 *       scored member; AUC rises with r (at orders 2 and above a model this small already memorises
 *       every member once seen).</li>
 * </ol>
 *
 * <p><b>What this shows and what it does not.</b> A tiny n-gram model trained in-process on the
 * member set is a maximal-memorisation, white-box setting: from order 2 on it is close to a lookup
 * table of its training text, so near-perfect AUCs are expected. The experiment validates the
 * pipeline (scores, signs, k rounding, ROC metrics, controls) and shows the qualitative effects of
 * the papers (Min-K% beating LOSS when few tokens carry the signal, AUC rising with model capacity
 * and with duplication). It is <em>not</em> evidence that membership inference works on pretrained
 * LLMs: on the Pile-based MIMIR benchmark (M. Duan et al., "Do Membership Inference Attacks Work on
 * Large Language Models?", COLM 2024) most attacks are barely better than chance when members and
 * non-members come from the same distribution, and WikiMIA-style temporal splits are beaten by
 * model-free baselines (Das, Zhang and Tramèr, "Blind Baselines Beat Membership Inference Attacks
 * for Foundation Models", 2024).
 *
 * <p><b>Cost.</b> Training is O(tokens x order); LOSS and Min-K% cost O(order log) per token;
 * Min-K%++ needs a full next-token distribution per token (O(V)), computed once per distinct
 * context. The defaults (300 per class, 32 tokens, orders 1-4) run in a few seconds on the bundled
 * corpus.
 *
 * <p>Same generator state, same result: the generator drives the split and the label shuffle only.
 *
 * <p>Reference: W. Shi et al., "Detecting Pretraining Data from Large Language Models", ICLR 2024
 * (arXiv:2310.16789).
 *
 * @since 0.1.0
 */
public final class NGramMembershipExperiment {

    /** The attack used by the controls, the repetition curve and the one-line summaries. */
    static final MembershipAttack HEADLINE = MembershipAttack.minK(0.2);

    /** The order of the repetition experiment. */
    static final int REPETITION_ORDER = 1;

    private NGramMembershipExperiment() {
    }

    /**
     * Runs the experiment on the bundled tiny Shakespeare corpus (its passages and its 4,096-token
     * BPE tokenizer).
     *
     * @param options the options
     * @param rng the generator for the split and the label shuffle, e.g. {@code Rngs.seeded(42)}
     * @param progress receives one report per step
     * @return the result
     * @throws NullPointerException if an argument is null
     */
    public static MembershipExperimentResult runOnShakespeare(MembershipExperimentOptions options, RandomGenerator rng,
                                                    ProgressListener progress) {
        return run(Corpora.tinyShakespearePassages(), Corpora.shakespeareTokenizer(), options, rng, progress);
    }

    /**
     * Runs the experiment on any list of passages.
     *
     * @param passages the corpus, split into passages (documents)
     * @param tokenizer the tokenizer (its vocabulary size is the models')
     * @param options the options
     * @param rng the generator for the split and the label shuffle
     * @param progress receives one report per step
     * @return the result
     * @throws NullPointerException if an argument or a passage is null
     * @throws IllegalArgumentException if the corpus does not provide {@code textsPerClass} passages of
     *     at least {@code tokensPerText} tokens on both the member and the non-member side
     */
    public static MembershipExperimentResult run(List<String> passages, Tokenizer tokenizer, MembershipExperimentOptions options,
                                       RandomGenerator rng, ProgressListener progress) {
        Checks.notNull(passages, "passages");
        Checks.notNull(tokenizer, "tokenizer");
        Checks.notNull(options, "options");
        Checks.notNull(rng, "rng");
        Checks.notNull(progress, "progress");
        Steps steps = new Steps(progress, 3 + 2 * options.maxOrder() + options.repetitions().size());
        Split split = Split.of(passages, tokenizer, options, rng);
        steps.done(String.format(Locale.ROOT, "split %d passages and tokenized them", passages.size()));

        int vocabularySize = tokenizer.vocabularySize();
        NGramModel control = NGramModel.train(split.controlSide, vocabularySize, options.maxOrder());
        steps.done("trained the control model on disjoint text");
        List<TokenStatistics> reference = new ArrayList<>();
        for (int[] text : split.texts) {
            reference.add(TokenStatistics.of(control.tokenLogProbs(text)));
        }

        List<MembershipAttack> attacks = attacks(options);
        List<OrderReport> orders = new ArrayList<>();
        List<MembershipSample> highest = null;
        for (int order = 1; order <= options.maxOrder(); order++) {
            NGramModel model = NGramModel.train(split.memberSide, vocabularySize, order);
            steps.done("trained the order-" + order + " model on the member side");
            List<MembershipSample> samples = samples(model, split, reference, options.minKPlusPlus());
            orders.add(new OrderReport(order, MembershipEvaluation.evaluate(samples, attacks)));
            steps.done("scored members and non-members with the order-" + order + " model");
            highest = samples;
        }

        boolean[] member = split.member;
        double[] controlScores = new double[member.length];
        for (int i = 0; i < member.length; i++) {
            controlScores[i] = MinKProb.score(control.tokenLogProbs(split.texts.get(i)), HEADLINE.k().getAsDouble());
        }
        AttackResult disjoint = AttackResult.of(HEADLINE.name() + ", model trained on disjoint text", controlScores,
                member);
        AttackResult shuffled = AttackResult.of(HEADLINE.name() + ", labels shuffled", scores(HEADLINE, highest),
                shuffle(member, rng));
        AttackResult blind = AttackResult.of(MembershipAttack.compressedLength().name(), scores(MembershipAttack.compressedLength(), highest),
                member);
        steps.done("ran the three controls");

        List<RepetitionResult> repetition = new ArrayList<>();
        for (int copies : options.repetitions()) {
            repetition.add(repetitionPoint(split, vocabularySize, copies));
            steps.done("repetition: members x" + copies);
        }
        return new MembershipExperimentResult(options, orders, disjoint, shuffled, blind, repetition);
    }

    private static List<MembershipAttack> attacks(MembershipExperimentOptions options) {
        List<MembershipAttack> attacks = new ArrayList<>(MembershipAttack.standard(options.ks()));
        if (!options.minKPlusPlus()) {
            attacks.removeIf(a -> a.kind() == MembershipAttack.Kind.MIN_K_PLUS_PLUS);
        }
        if (!attacks.contains(HEADLINE)) {
            attacks.add(HEADLINE);
        }
        return attacks;
    }

    private static List<MembershipSample> samples(NGramModel model, Split split, List<TokenStatistics> reference,
                                                  boolean withDistribution) {
        DistributionCache cache = withDistribution ? new DistributionCache(model) : null;
        List<MembershipSample> out = new ArrayList<>();
        for (int i = 0; i < split.texts.size(); i++) {
            int[] text = split.texts.get(i);
            double[] logProbs = model.tokenLogProbs(text);
            TokenStatistics tokens = cache == null ? TokenStatistics.of(logProbs) : cache.statistics(text, logProbs);
            TokenStatistics lowercase = TokenStatistics.of(model.tokenLogProbs(split.lowercase.get(i)));
            out.add(new MembershipSample(split.ids.get(i), MembershipLabel.of(split.member[i]), split.strings.get(i), tokens,
                    lowercase, reference.get(i)));
        }
        return out;
    }

    private static RepetitionResult repetitionPoint(Split split, int vocabularySize, int copies) {
        List<int[]> training = new ArrayList<>(split.memberSide);
        for (int c = 1; c < copies; c++) {
            for (int i = 0; i < split.texts.size(); i++) {
                if (split.member[i]) {
                    training.add(split.texts.get(i));
                }
            }
        }
        NGramModel model = NGramModel.train(training, vocabularySize, REPETITION_ORDER);
        List<MembershipSample> samples = new ArrayList<>();
        for (int i = 0; i < split.texts.size(); i++) {
            samples.add(MembershipSample.of(split.ids.get(i), MembershipLabel.of(split.member[i]), null,
                    TokenStatistics.of(model.tokenLogProbs(split.texts.get(i)))));
        }
        MembershipReport report = MembershipEvaluation.evaluate(samples, List.of(HEADLINE, MembershipAttack.loss()));
        return new RepetitionResult(REPETITION_ORDER, copies, report.get(HEADLINE.name()), report.get(MembershipAttack.loss().name()));
    }

    private static double[] scores(MembershipAttack attack, List<MembershipSample> samples) {
        double[] out = new double[samples.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = attack.score(samples.get(i));
        }
        return out;
    }

    private static boolean[] shuffle(boolean[] labels, RandomGenerator rng) {
        boolean[] out = labels.clone();
        for (int i = out.length - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            boolean t = out[i];
            out[i] = out[j];
            out[j] = t;
        }
        return out;
    }

    /** Counts steps and forwards them to the listener. */
    private static final class Steps {
        private final ProgressListener progress;
        private final int total;
        private int completed;

        Steps(ProgressListener progress, int total) {
            this.progress = progress;
            this.total = total;
        }

        void done(String step) {
            progress.progress(step, ++completed, total);
        }
    }

    /**
     * mu and sigma of each scored position, from the model's full next-token distribution, computed
     * once per distinct context (an order-n model's distribution depends only on the last n - 1
     * tokens, so a unigram model needs a single row).
     */
    private static final class DistributionCache {
        private final NGramModel model;
        private final Map<Context, double[]> rows = new HashMap<>();

        DistributionCache(NGramModel model) {
            this.model = model;
        }

        TokenStatistics statistics(int[] text, double[] logProbs) {
            double[] mu = new double[logProbs.length];
            double[] sigma = new double[logProbs.length];
            for (int i = 1; i < text.length; i++) {
                int from = Math.max(0, i - (model.order() - 1));
                int position = i;
                double[] moments = rows.computeIfAbsent(new Context(Arrays.copyOfRange(text, from, i)), c -> {
                    TokenStatistics row = TokenStatistics.fromLogits(new double[][] {model.nextTokenLogits(text, position)},
                            new int[] {text[position]});
                    return new double[] {row.mu()[0], row.sigma()[0]};
                });
                mu[i - 1] = moments[0];
                sigma[i - 1] = moments[1];
            }
            return new TokenStatistics(logProbs, mu, sigma);
        }
    }

    /** The tokens an n-gram model reads before a position (shorter near the start: start padding). */
    private record Context(int[] tokens) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Context c && Arrays.equals(tokens, c.tokens);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(tokens);
        }

        @Override
        public String toString() {
            return Arrays.toString(tokens);
        }
    }

    /** The random split and the scored texts. */
    private static final class Split {
        final List<int[]> memberSide = new ArrayList<>();
        final List<int[]> controlSide = new ArrayList<>();
        final List<int[]> texts = new ArrayList<>();
        final List<int[]> lowercase = new ArrayList<>();
        final List<String> strings = new ArrayList<>();
        final List<String> ids = new ArrayList<>();
        final List<Boolean> labels = new ArrayList<>();
        boolean[] member;

        static Split of(List<String> passages, Tokenizer tokenizer, MembershipExperimentOptions options, RandomGenerator rng) {
            int[] order = new int[passages.size()];
            for (int i = 0; i < order.length; i++) {
                order[i] = i;
            }
            for (int i = order.length - 1; i > 0; i--) {
                int j = rng.nextInt(i + 1);
                int t = order[i];
                order[i] = order[j];
                order[j] = t;
            }
            Split split = new Split();
            int half = order.length / 2;
            int threeQuarters = half + (order.length - half) / 2;
            int n = options.textsPerClass();
            int length = options.tokensPerText();
            int members = 0;
            int nonMembers = 0;
            for (int r = 0; r < order.length; r++) {
                int p = order[r];
                boolean memberSide = r < half;
                boolean nonMemberSide = !memberSide && r < threeQuarters;
                if (nonMemberSide && nonMembers == n) {
                    continue;
                }
                int[] ids = tokenizer.encode(Checks.notNull(passages.get(p), "passages[" + p + "]"));
                if (memberSide) {
                    split.memberSide.add(ids);
                } else if (!nonMemberSide) {
                    split.controlSide.add(ids);
                }
                boolean wanted = memberSide ? members < n : nonMemberSide;
                if (wanted && ids.length >= length) {
                    split.add(p, Arrays.copyOf(ids, length), tokenizer, memberSide);
                    if (memberSide) {
                        members++;
                    } else {
                        nonMembers++;
                    }
                }
            }
            if (members < n || nonMembers < n) {
                throw Checks.fail("passages", String.format(Locale.ROOT,
                        "give %d passages of at least %d tokens on the member and the non-member side", n, length),
                        members + " and " + nonMembers);
            }
            split.member = new boolean[split.labels.size()];
            for (int i = 0; i < split.member.length; i++) {
                split.member[i] = split.labels.get(i);
            }
            return split;
        }

        private void add(int passage, int[] text, Tokenizer tokenizer, boolean isMember) {
            String string = tokenizer.decode(text);
            int[] lower = tokenizer.encode(string.toLowerCase(Locale.ROOT));
            if (lower.length < 2) {
                throw Checks.fail("passages[" + passage + "]", "lowercase to at least 2 tokens", lower.length);
            }
            texts.add(text);
            labels.add(isMember);
            lowercase.add(lower);
            strings.add(string);
            ids.add("passage " + passage);
        }
    }
}
