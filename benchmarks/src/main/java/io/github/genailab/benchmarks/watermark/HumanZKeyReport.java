package io.github.genailab.benchmarks.watermark;

import io.github.genailab.core.math.Rngs;
import io.github.genailab.watermark.Detection;
import io.github.genailab.watermark.WatermarkDetector;
import io.github.genailab.watermark.WatermarkLogitsProcessor;
import io.github.genailab.watermark.WatermarkScheme;
import io.github.genailab.watermark.eval.ShakespeareDemoOptions;
import io.github.genailab.watermark.eval.ShakespeareDemo;
import io.github.genailab.core.ProgressListener;
import java.util.List;
import java.util.Locale;

/**
 * The z-scores of human text under several hash keys, too slow for a unit test: the held-out
 * Shakespeare texts of {@link ShakespeareDemo} (4096-token tokenizer, default options) scored by the
 * reference's {@code selfhash}, {@code lefthash} and {@code minhash} PRFs (gamma 0.25) with each key,
 * with and without {@code ignore_repeated_ngrams}. Under H0 every text's z would be N(0, 1); one table
 * row per PRF, key and setting gives the mean, the standard deviation and the standard error of the mean.
 *
 * <pre>
 *   java -cp benchmarks/target/benchmarks.jar io.github.genailab.benchmarks.watermark.HumanZKeyReport KEY...
 *   e.g. ... HumanZKeyReport 15485863 1 2 42 12345 987654321 7777777 31337
 * </pre>
 */
public final class HumanZKeyReport {

    private static final String[] PRFS = {"anchored_minhash_prf-4-True", "additive_prf-1-False", "minhash_prf-4-False"};

    private HumanZKeyReport() {
    }

    /**
     * Runs the report.
     *
     * @param args one or more hash keys
     */
    public static void main(String[] args) {
        WatermarkScheme generation = WatermarkScheme.reference("lefthash", 4096, 0.25, 2.0);
        List<int[]> human = ShakespeareDemo.prepare(WatermarkLogitsProcessor.of(generation), ShakespeareDemoOptions.defaults(), Rngs.seeded(42),
                ProgressListener.none()).human();
        System.out.println("| PRF | key | ignore repeated n-grams | texts | mean z | sd of z | se of the mean |");
        System.out.println("|---|---|---|---|---|---|---|");
        for (String prf : PRFS) {
            for (String key : args) {
                WatermarkScheme scheme = WatermarkScheme.reference("ff-" + prf + "-" + key, 4096, 0.25, 2.0);
                for (boolean dedupe : new boolean[] {false, true}) {
                    WatermarkDetector detector = WatermarkDetector.of(scheme).withIgnoreRepeatedNgrams(dedupe);
                    double sum = 0;
                    double sumOfSquares = 0;
                    int n = 0;
                    for (int[] text : human) {
                        Detection d = detector.detect(text);
                        if (!Double.isNaN(d.zScore())) {
                            sum += d.zScore();
                            sumOfSquares += d.zScore() * d.zScore();
                            n++;
                        }
                    }
                    double mean = sum / n;
                    double sd = Math.sqrt(sumOfSquares / n - mean * mean);
                    System.out.println(String.format(Locale.ROOT, "| %s | %s | %s | %d | %+.3f | %.3f | %.3f |", prf, key,
                            dedupe, n, mean, sd, sd / Math.sqrt(n)));
                }
            }
        }
    }
}
