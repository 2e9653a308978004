package io.github.genailab.watermark.eval;

import io.github.genailab.core.math.Checks;
import io.github.genailab.watermark.attack.Attack;
import java.util.List;
import java.util.Locale;

/**
 * Detection under an attack of growing strength: one {@link SweepPoint} per rate, in the order given.
 *
 * @param attack the attack (at the first rate of the sweep)
 * @param points one point per rate
 *
 * @since 0.1.0
 */
public record AttackSweepResult(Attack attack, List<SweepPoint> points) {

    /**
     * Copies the points in.
     *
     * @param attack the attack (at the first rate of the sweep)
     * @param points one point per rate
     * @throws NullPointerException if an argument is null
     */
    public AttackSweepResult {
        Checks.notNull(attack, "attack");
        points = Checks.noNullElements(points, "points");
    }

    /**
     * Returns a small table, one line per rate, for printing.
     *
     * @return a multi-line string with a header
     */
    public String table() {
        StringBuilder out = new StringBuilder(String.format(Locale.ROOT, "%-6s %8s %8s %10s %8s%n", "rate", "mean z",
                "TPR", "TPR@FPR", "AUC"));
        for (SweepPoint p : points) {
            DetectionExperimentResult r = p.result();
            out.append(String.format(Locale.ROOT, "%-6.2f %8.2f %8.3f %10.3f %8.4f%n", p.rate(), r.meanWatermarkedZ(),
                    r.truePositiveRate(), r.tprAtTargetFpr(), r.auc()));
        }
        return out.toString();
    }

    /**
     * One line: the attack and the mean z at each rate.
     *
     * @return e.g. {@code "AttackSweepResult[Substitution, mean z by rate: 0.00->9.91, 0.10->7.62, 0.30->3.87]"}
     */
    @Override
    public String toString() {
        StringBuilder out = new StringBuilder("AttackSweepResult[" + attack.getClass().getSimpleName() + ", mean z by rate:");
        for (int i = 0; i < points.size(); i++) {
            SweepPoint p = points.get(i);
            out.append(i == 0 ? " " : ", ").append(String.format(Locale.ROOT, "%.2f->%.2f", p.rate(),
                    p.result().meanWatermarkedZ()));
        }
        return out.append(']').toString();
    }
}
