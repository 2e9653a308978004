package io.github.genailab.fuzz;

import io.github.genailab.core.math.Rngs;
import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Parameter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.random.RandomGenerator;

/**
 * Calls every public entry point of some classes with generated arguments — nulls, empty and ragged arrays,
 * NaN, infinities, extreme and negative sizes, unpaired surrogates — and reports every outcome that breaks
 * the library's contract: anything thrown but an {@link IllegalArgumentException} or {@link NullPointerException}
 * (or an {@link IllegalStateException} / {@link java.io.UncheckedIOException}) with a message, a call that
 * does not return within the time limit, and NaN returned for arguments that are all finite.
 *
 * <p>Entry points: public constructors and public static methods of each class, and the public instance
 * methods of the sample instances given for a type. Arguments: for each parameter a pool of values of its
 * type (samples given for the type, then generated ones, then null); every value of every parameter is tried
 * with the others at their first value, then seeded random combinations. Shared by every module's fuzz test.
 */
public final class Fuzzer {

    /** What a run found. */
    public record Report(int entryPoints, long calls, List<String> defects) {
        @Override
        public String toString() {
            return entryPoints + " entry points, " + calls + " calls, " + defects.size() + " defects"
                    + (defects.isEmpty() ? "" : ":\n  " + String.join("\n  ", defects));
        }
    }

    private final Map<Class<?>, List<Object>> samples = new LinkedHashMap<>();
    private final long timeoutMillis;
    private final int randomCalls;

    private Fuzzer(long timeoutMillis, int randomCalls) {
        this.timeoutMillis = timeoutMillis;
        this.randomCalls = randomCalls;
    }

    /**
     * A fuzzer with a time limit per call and a number of random combinations per entry point; set
     * {@code -Dgenailab.fuzz.long=true} for a run 20 times longer.
     *
     * @param timeoutMillis the time a call may take
     * @param randomCalls random combinations per entry point
     * @return the fuzzer
     */
    public static Fuzzer create(long timeoutMillis, int randomCalls) {
        int factor = Boolean.getBoolean("genailab.fuzz.long") ? 20 : 1;
        return new Fuzzer(timeoutMillis, randomCalls * factor);
    }

    /**
     * Adds valid values of a type: used as arguments and, for instances, as receivers of instance methods.
     *
     * @param type the type
     * @param values the values
     * @return this fuzzer
     */
    public Fuzzer sample(Class<?> type, Object... values) {
        samples.computeIfAbsent(type, t -> new ArrayList<>()).addAll(Arrays.asList(values));
        return this;
    }

    /**
     * Runs every entry point of the classes.
     *
     * @param seed the seed of the random combinations
     * @param classes the classes
     * @return what was found
     */
    public Report run(long seed, Class<?>... classes) {
        SplittableRandom rng = new SplittableRandom(seed);
        List<String> defects = new ArrayList<>();
        long calls = 0;
        int entryPoints = 0;
        ExecutorService worker = newWorker();
        try {
            for (Class<?> type : classes) {
                for (Executable entry : entryPoints(type)) {
                    entryPoints++;
                    Set<String> seen = new LinkedHashSet<>();
                    for (Object[] args : argumentSets(entry, rng)) {
                        for (Object receiver : receivers(entry)) {
                            calls++;
                            String defect = call(worker, entry, receiver, args);
                            if (defect != null && seen.add(defect) && seen.size() <= 3) {
                                defects.add(type.getSimpleName() + "." + name(entry) + describe(args) + ": " + defect);
                            }
                            if (defect != null && defect.startsWith("timeout")) {
                                // the timed-out call may never return: abandon its daemon thread
                                worker.shutdownNow();
                                worker = newWorker();
                            }
                        }
                    }
                }
            }
        } finally {
            worker.shutdownNow();
        }
        return new Report(entryPoints, calls, defects);
    }

    private static ExecutorService newWorker() {
        return Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "fuzz");
            t.setDaemon(true);
            return t;
        });
    }

    private static List<Executable> entryPoints(Class<?> type) {
        List<Executable> out = new ArrayList<>();
        if (!Modifier.isAbstract(type.getModifiers())) {
            for (Constructor<?> c : type.getConstructors()) {
                out.add(c);
            }
        }
        for (Method m : type.getMethods()) {
            if (m.getDeclaringClass() == type && !m.isSynthetic() && !m.getName().equals("main")
                    && !(m.getName().equals("equals") || m.getName().equals("hashCode"))) {
                out.add(m);
            }
        }
        out.sort((a, b) -> (name(a) + Arrays.toString(a.getParameterTypes())).compareTo(name(b)
                + Arrays.toString(b.getParameterTypes())));
        return out;
    }

    private List<Object> receivers(Executable entry) {
        if (entry instanceof Method m && !Modifier.isStatic(m.getModifiers())) {
            return samples.getOrDefault(m.getDeclaringClass(), List.of());
        }
        return java.util.Collections.singletonList(null);
    }

    private List<Object[]> argumentSets(Executable entry, SplittableRandom rng) {
        Parameter[] parameters = entry.getParameters();
        List<List<Object>> pools = new ArrayList<>();
        for (Parameter p : parameters) {
            pools.add(pool(p.getType()));
        }
        List<Object[]> sets = new ArrayList<>();
        Object[] base = new Object[parameters.length];
        for (int i = 0; i < base.length; i++) {
            base[i] = pools.get(i).get(0);
        }
        sets.add(base.clone());
        for (int i = 0; i < parameters.length; i++) {
            for (Object value : pools.get(i)) {
                Object[] args = base.clone();
                args[i] = value;
                sets.add(args);
            }
        }
        for (int r = 0; r < randomCalls && parameters.length > 0; r++) {
            Object[] args = new Object[parameters.length];
            for (int i = 0; i < args.length; i++) {
                List<Object> pool = pools.get(i);
                args[i] = pool.get(rng.nextInt(pool.size()));
            }
            sets.add(args);
        }
        return sets;
    }

    private List<Object> pool(Class<?> type) {
        List<Object> pool = new ArrayList<>(samples.getOrDefault(type, List.of()));
        pool.addAll(generated(type));
        if (!type.isPrimitive()) {
            pool.add(null);
        }
        return pool;
    }

    private static List<Object> generated(Class<?> type) {
        if (type == int.class || type == Integer.class) {
            return List.of(3, 0, 1, -1, 2, 64, Integer.MAX_VALUE, Integer.MIN_VALUE, 1 << 16);
        }
        if (type == long.class || type == Long.class) {
            return List.of(3L, 0L, -1L, Long.MAX_VALUE, Long.MIN_VALUE);
        }
        if (type == double.class || type == Double.class) {
            return List.of(0.5, 0.0, -0.0, 1.0, -1.0, 2.0, Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY,
                    1e300, -1e300, Double.MIN_VALUE);
        }
        if (type == float.class || type == Float.class) {
            return List.of(0.5f, 0f, -1f, Float.NaN, Float.POSITIVE_INFINITY, Float.MAX_VALUE);
        }
        if (type == boolean.class || type == Boolean.class) {
            return List.of(true, false);
        }
        if (type == String.class) {
            return List.of("hello world", "", "\uD800", "a\u0000b", "ff-additive_prf-1-False");
        }
        if (type == int[].class) {
            return List.of(new int[] {1, 2, 3, 1}, new int[0], new int[] {-1}, new int[] {Integer.MAX_VALUE});
        }
        if (type == double[].class) {
            return List.of(new double[] {-0.5, -1.5, -0.25, -2}, new double[0], new double[] {Double.NaN},
                    new double[] {Double.NEGATIVE_INFINITY, 1}, new double[] {1e300, -1e300});
        }
        if (type == float[].class) {
            return List.of(new float[] {0.5f, -1f, 2f}, new float[0], new float[] {Float.NaN});
        }
        if (type == boolean[].class) {
            return List.of(new boolean[] {true, false, true, false}, new boolean[0], new boolean[] {true});
        }
        if (type == double[][].class) {
            return List.of(new double[][] {{1, 0}, {0, 1}, {0.5, 0.5}}, new double[0][], new double[][] {{}},
                    new double[][] {{1, 2}, {3}}, new double[][] {null}, new double[][] {{Double.NaN, 1}});
        }
        if (type == float[][].class) {
            return List.of(new float[][] {{1, 0}, {0, 1}, {0.5f, 0.5f}}, new float[0][], new float[][] {{1, 2}, {3}},
                    new float[][] {null});
        }
        if (type == List.class) {
            return List.of(List.of(), Arrays.asList((Object) null));
        }
        if (type == RandomGenerator.class || type == RandomGenerator.SplittableGenerator.class) {
            return List.of(Rngs.seeded(1));
        }
        if (type.isEnum()) {
            return List.of(type.getEnumConstants());
        }
        return List.of();
    }

    private String call(ExecutorService worker, Executable entry, Object receiver, Object[] args) {
        Future<Object> future = worker.submit(() -> invoke(entry, receiver, args));
        Object result;
        try {
            result = future.get(timeoutMillis, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            future.cancel(true);
            return "timeout after " + timeoutMillis + " ms";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        } catch (ExecutionException e) {
            Throwable t = e.getCause() instanceof InvocationTargetException ite ? ite.getCause() : e.getCause();
            return judge(t);
        }
        if (allFinite(args) && hasNaN(result)) {
            return "NaN returned for finite arguments";
        }
        return null;
    }

    private static Object invoke(Executable entry, Object receiver, Object[] args) throws Exception {
        if (entry instanceof Constructor<?> c) {
            return c.newInstance(args.clone());
        }
        return ((Method) entry).invoke(receiver, args.clone());
    }

    private static String judge(Throwable t) {
        boolean contractual = t instanceof IllegalArgumentException || t instanceof NullPointerException
                || t instanceof IllegalStateException || t instanceof java.io.UncheckedIOException;
        String message = t.getMessage();
        if (!contractual) {
            return t.getClass().getSimpleName() + ": " + message;
        }
        if (message == null || message.isBlank()) {
            return t.getClass().getSimpleName() + " without a message";
        }
        if (message.startsWith("Cannot ") && t instanceof NullPointerException) {
            return "the JVM's own NullPointerException: " + message;
        }
        return null;
    }

    private static boolean allFinite(Object[] args) {
        for (Object a : args) {
            if (a instanceof Double d && !Double.isFinite(d) || a instanceof Float f && !Float.isFinite(f)) {
                return false;
            }
            if (a instanceof double[] v && !Arrays.stream(v).allMatch(Double::isFinite)) {
                return false;
            }
            if (a instanceof double[][] m) {
                for (double[] row : m) {
                    if (row != null && !Arrays.stream(row).allMatch(Double::isFinite)) {
                        return false;
                    }
                }
            }
            if (a instanceof float[] v) {
                for (float x : v) {
                    if (!Float.isFinite(x)) {
                        return false;
                    }
                }
            }
        }
        return true;
    }

    private static boolean hasNaN(Object result) {
        if (result instanceof Double d) {
            return d.isNaN();
        }
        if (result instanceof double[] v) {
            return Arrays.stream(v).anyMatch(Double::isNaN);
        }
        return false;
    }

    private static String name(Executable e) {
        return e instanceof Constructor<?> ? "<new>" : e.getName();
    }

    private static String describe(Object[] args) {
        StringBuilder s = new StringBuilder("(");
        for (int i = 0; i < args.length; i++) {
            Object a = args[i];
            String text = a == null ? "null" : a.getClass().isArray() ? Arrays.deepToString(new Object[] {a}) : String.valueOf(a);
            if (text.length() > 40) {
                text = text.substring(0, 37) + "...";
            }
            s.append(i == 0 ? "" : ", ").append(text);
        }
        return s.append(')').toString();
    }
}
