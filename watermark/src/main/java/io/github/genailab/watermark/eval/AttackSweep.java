package io.github.genailab.watermark.eval;

import io.github.genailab.core.ProgressListener;
import io.github.genailab.core.math.Checks;
import io.github.genailab.watermark.WatermarkDetector;
import io.github.genailab.watermark.attack.Attack;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.random.RandomGenerator;

/**
 * Attacks the watermarked texts at a series of rates and runs a {@link DetectionExperiment} at each: the
 * robustness curve of a scheme (mean z, TPR at the threshold and at a fixed FPR, AUC as the attack grows).
 *
 * <p>Human texts are not attacked: they give the null distribution the thresholds are read from. Each rate
 * draws its edits from {@code rng} in order, so a seed reproduces the whole sweep. Cost: one attack and one
 * detection per watermarked text and rate, plus one detection per human text and rate.
 *
 * <p>Paper: Kirchenbauer et al., "A Watermark for Large Language Models", ICML 2023, Sec. 7 (Fig. 7, attack
 * strength versus detection).
 *
 * @since 0.1.0
 */
public final class AttackSweep {

    private AttackSweep() {
    }

    /**
     * Runs the sweep.
     *
     * @param detector the detector
     * @param human texts written without the watermark
     * @param watermarked texts generated with the watermark
     * @param attack the attack; its rate is replaced by each of {@code rates}
     * @param rates the attack strengths, each in [0, 1], at least one
     * @param rng the source of the attacks' randomness
     * @param listener progress reports ({@link ProgressListener#none()} for none)
     * @return one point per rate
     * @throws NullPointerException if an argument is null
     * @throws IllegalArgumentException if {@code rates} is empty or holds a value outside [0, 1], or the texts are
     *     invalid as for {@link DetectionExperiment#run}
     */
    public static AttackSweepResult run(WatermarkDetector detector, List<int[]> human, List<int[]> watermarked,
            Attack attack, double[] rates, RandomGenerator rng, ProgressListener listener) {
        Checks.notNull(detector, "detector");
        Checks.notNull(human, "human");
        Checks.notNull(watermarked, "watermarked");
        Checks.notNull(attack, "attack");
        Checks.nonEmpty(rates, "rates");
        for (int i = 0; i < rates.length; i++) {
            Checks.inClosedInterval(rates[i], 0, 1, "rates[" + i + "]");
        }
        Checks.notNull(rng, "rng");
        Checks.notNull(listener, "listener");
        List<SweepPoint> points = new ArrayList<>();
        for (double rate : rates) {
            Attack atRate = attack.withRate(rate);
            List<int[]> attacked = new ArrayList<>(watermarked.size());
            for (int[] text : watermarked) {
                attacked.add(atRate.apply(Checks.notNull(text, "watermarked text"), rng));
            }
            String stage = String.format(Locale.ROOT, "%s rate %.2f", attack.getClass().getSimpleName(), rate);
            DetectionExperimentResult result = DetectionExperiment.run(detector, human, attacked,
                    DetectionExperiment.DEFAULT_TARGET_FPR, (s, done, total) -> listener.progress(stage, done, total));
            points.add(new SweepPoint(rate, result));
        }
        return new AttackSweepResult(attack.withRate(rates[0]), points);
    }
}
