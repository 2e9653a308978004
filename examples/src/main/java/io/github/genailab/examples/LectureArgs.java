package io.github.genailab.examples;

import io.github.genailab.core.math.Checks;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * The command-line flags every lecture program shares.
 *
 * <pre>
 * --seed N     seed of every random choice (default 42); same seed, same report and figures
 * --out DIR    where the PNG figures go (default target/figures/&lt;topic&gt;, relative to the
 *              working directory, i.e. examples/target/figures/&lt;topic&gt; when run through Maven)
 * --quick      tiny sizes: a few seconds per lecture, used by the smoke test
 * --model DIR  a Hugging Face model directory on local disk (GPT-2, Llama, Qwen2): the watermark and
 *              membership lectures run on that checkpoint instead of the n-gram model
 * </pre>
 *
 * @param seed seed of the lecture's random generator
 * @param out directory the figures are written to
 * @param quick whether to run with tiny sizes
 * @param model the model directory, or empty for the bundled n-gram model
 */
public record LectureArgs(long seed, Path out, boolean quick, Optional<Path> model) {

    /** Seed used when {@code --seed} is not given. */
    public static final long DEFAULT_SEED = 42;

    /** Parent of the default figure directories, relative to the working directory. */
    public static final Path FIGURES = Path.of("target", "figures");

    /**
     * Validates the components.
     *
     * @param seed seed of the lecture's random generator
     * @param out directory the figures are written to
     * @param quick whether to run with tiny sizes
     * @throws NullPointerException if {@code out} is null
     */
    public LectureArgs {
        Objects.requireNonNull(out, "out");
        Objects.requireNonNull(model, "model");
    }

    /**
     * Parses the flags of one lecture.
     *
     * @param args the command-line arguments
     * @param topic the lecture's topic, naming the default figure directory {@code target/figures/<topic>}
     * @return the parsed flags
     * @throws IllegalArgumentException if a flag is unknown, lacks its value, or the seed is not an integer
     * @throws NullPointerException if an argument is null
     */
    public static LectureArgs parse(String[] args, String topic) {
        Checks.notNull(topic, "topic");
        return parse(args, FIGURES.resolve(topic));
    }

    /**
     * Parses the flags with an explicit default figure directory.
     *
     * @param args the command-line arguments
     * @param defaultOut the figure directory when {@code --out} is absent
     * @return the parsed flags
     * @throws IllegalArgumentException if a flag is unknown, lacks its value, or the seed is not an integer
     * @throws NullPointerException if an argument is null
     */
    public static LectureArgs parse(String[] args, Path defaultOut) {
        Checks.notNull(args, "args");
        Checks.notNull(defaultOut, "defaultOut");
        long seed = DEFAULT_SEED;
        Path out = defaultOut;
        boolean quick = false;
        Optional<Path> model = Optional.empty();
        for (int i = 0; i < args.length; i++) {
            String flag = Checks.notNull(args[i], "args[" + i + "]");
            switch (flag) {
                case "--quick" -> quick = true;
                case "--seed" -> seed = parseSeed(valueOf(args, ++i, flag));
                case "--out" -> out = Path.of(valueOf(args, ++i, flag));
                case "--model" -> model = Optional.of(Path.of(valueOf(args, ++i, flag)));
                default -> throw Checks.fail("args[" + i + "]", "be one of --seed N, --out DIR, --quick, --model DIR",
                        flag);
            }
        }
        return new LectureArgs(seed, out, quick, model);
    }

    /**
     * The flags of another lecture run with the same seed and quick setting, writing into
     * {@code out/topic}; the tour uses it to give each lecture its own figure directory.
     *
     * @param topic the sub-directory name
     * @return flags for that lecture
     * @throws NullPointerException if {@code topic} is null
     */
    public LectureArgs forTopic(String topic) {
        Checks.notNull(topic, "topic");
        return new LectureArgs(seed, out.resolve(topic), quick, model);
    }

    /**
     * Picks between the full size and the quick size of a parameter.
     *
     * @param full the size used in a normal run
     * @param small the size used with {@code --quick}
     * @return {@code small} if quick, else {@code full}
     */
    public int size(int full, int small) {
        return quick ? small : full;
    }

    private static String valueOf(String[] args, int i, String flag) {
        if (i >= args.length) {
            throw Checks.fail(flag, "be followed by a value", "nothing");
        }
        return Checks.notNull(args[i], "args[" + i + "]");
    }

    private static long parseSeed(String text) {
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw Checks.fail("--seed", "be an integer", text);
        }
    }
}
