package io.github.genailab.contrastive;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.bytedeco.javacpp.Loader;
import org.bytedeco.javacpp.Pointer;
import org.bytedeco.javacpp.PointerPointer;

/**
 * Says once per JVM when OpenBLAS, ND4J's GEMM, runs kernels without AVX2 on a CPU that has AVX2, and how
 * to fix it.
 *
 * <p>The OpenBLAS that ND4J 1.0.0-M2.1 loads (org.bytedeco openblas 0.3.19, built with
 * {@code DYNAMIC_ARCH}) picks its kernels when the library loads, in {@code get_coretype()} of
 * {@code driver/others/dynamic.c} at tag {@code v0.3.19}: a table of CPUID vendor, family and model. An
 * Intel family-6 model whose extended model is above 10 (Raptor Lake 6/183, Emerald Rapids 6/207 and
 * later) matches no case of its {@code switch (exmodel)} and falls through to {@code case 0xf}, the
 * Pentium 4 "Prescott" kernels; an AMD family above 25 (Zen 5, family 26) lands in the final
 * {@code else}, the "Barcelona" kernels. Both are SSE kernels, several times slower than the AVX2 ones
 * on the dense CLIP path, and OpenBLAS says nothing unless {@code OPENBLAS_VERBOSE=2}.
 *
 * <p>Rather than predict that choice, this class asks the loaded library: a {@code DYNAMIC_ARCH} build
 * exports the pointer {@code gotoblas} to the kernel table in use and one table {@code gotoblas_<CORE>}
 * per core, so the core is the name whose table address equals the pointer's value, looked up with
 * JavaCPP's {@code Loader.addressof} ({@code dlsym}) and read, never calling into OpenBLAS. (ND4J loads the
 * library twice, as {@code libopenblas.so.0} and as the {@code libopenblas_nolapack.so.0} its
 * {@code CpuBlas} calls, which is the one the lookup finds; both run the same selection in the same
 * process and choose the same core.) The CPU's abilities
 * come from the {@code flags} line of {@code /proc/cpuinfo}, where Linux lists {@code avx2} and
 * {@code avx512vl} only if the OS also saves their registers, the two conditions OpenBLAS's
 * {@code support_avx2()} and {@code support_avx512()} test. The advice names the best core 0.3.19's
 * {@code force_coretype()} accepts for those flags: {@code SkylakeX} with AVX-512VL, else
 * {@code Haswell} (its loop stops before {@code Cooperlake}).
 *
 * <p>Nothing is said if {@code OPENBLAS_CORETYPE} is set (the user chose), if the core is unknown (a build
 * without {@code DYNAMIC_ARCH}, a newer OpenBLAS, another BLAS), if it already uses AVX2 (Haswell, Zen,
 * SkylakeX, Cooperlake: Zen on an AVX-512 Zen 4 is 0.3.19's deliberate choice), off Linux x86-64, or if
 * {@code /proc/cpuinfo} cannot be read or has no {@code flags} line; no failure escapes. The one piece of
 * mutable static state is the once-flag of {@link #JVM}; the message goes to the platform logger
 * {@value #LOGGER} at WARNING level.
 */
final class OpenBlasCoreAdvice {

    /** Name of the platform logger that receives the advice. */
    static final String LOGGER = "io.github.genailab.contrastive";

    /** The environment variable OpenBLAS reads, once, when it loads. */
    static final String CORETYPE = "OPENBLAS_CORETYPE";

    /** The x86 cores of OpenBLAS 0.3.19, spelled as its {@code corename[]} table in dynamic.c. */
    static final List<String> CORES = List.of("Katmai", "Coppermine", "Northwood", "Prescott", "Banias", "Atom",
            "Core2", "Penryn", "Dunnington", "Nehalem", "Athlon", "Opteron", "Opteron_SSE3", "Barcelona", "Nano",
            "Sandybridge", "Bobcat", "Bulldozer", "Piledriver", "Haswell", "Steamroller", "Excavator", "Zen",
            "SkylakeX", "Cooperlake");

    /** The cores of {@link #CORES} whose kernels use AVX2. */
    private static final Set<String> AVX2_CORES = Set.of("Haswell", "Zen", "SkylakeX", "Cooperlake");

    /** The advice of this JVM: the real library, {@code /proc/cpuinfo} and environment, the platform logger. */
    static final OpenBlasCoreAdvice JVM = new OpenBlasCoreAdvice(Path.of("/proc/cpuinfo"),
            System.getenv(CORETYPE), OpenBlasCoreAdvice::loadedCore,
            message -> System.getLogger(LOGGER).log(System.Logger.Level.WARNING, message));

    private final AtomicBoolean considered = new AtomicBoolean();
    private final Path cpuinfo;
    private final String forcedCore;
    private final Supplier<Optional<String>> core;
    private final Consumer<String> sink;

    /**
     * @param cpuinfo where to read the CPU's flags
     * @param forcedCore the value of {@value #CORETYPE}, or {@code null} if it is not set
     * @param core the core OpenBLAS chose, empty if unknown
     * @param sink receives the advice
     */
    OpenBlasCoreAdvice(Path cpuinfo, String forcedCore, Supplier<Optional<String>> core, Consumer<String> sink) {
        this.cpuinfo = Objects.requireNonNull(cpuinfo, "cpuinfo");
        this.forcedCore = forcedCore;
        this.core = Objects.requireNonNull(core, "core");
        this.sink = Objects.requireNonNull(sink, "sink");
    }

    /** Gives the advice, if there is one, the first time it is called; later calls cost one volatile read. */
    void consider() {
        if (!considered.get() && considered.compareAndSet(false, true)) {
            advice().ifPresent(sink);
        }
    }

    /** The advice for this library, CPU and environment, or empty if there is nothing to say. */
    Optional<String> advice() {
        if (forcedCore != null) {
            return Optional.empty();
        }
        Optional<String> chosen;
        try {
            chosen = core.get();
        } catch (RuntimeException | LinkageError e) {
            return Optional.empty();
        }
        if (chosen.isEmpty() || !CORES.contains(chosen.get()) || AVX2_CORES.contains(chosen.get())) {
            return Optional.empty();
        }
        Set<String> flags = flags(cpuinfo);
        if (!flags.contains("avx2")) {
            return Optional.empty();
        }
        boolean avx512 = flags.contains("avx512vl");
        String remedy = avx512 ? "SkylakeX" : "Haswell";
        return Optional.of("genailab-contrastive: OpenBLAS (ND4J's matrix library) runs its " + chosen.get()
                + " kernels, which do not use AVX2, on this CPU with " + (avx512 ? "AVX-512" : "AVX2")
                + " (the OpenBLAS that ND4J bundles does not know this CPU model), so the dense CLIP and SigLIP"
                + " losses run several times slower. Set the environment variable " + CORETYPE + "=" + remedy
                + " before the JVM starts (export " + CORETYPE + "=" + remedy + "); a -D system property does"
                + " not work: OpenBLAS reads the environment once, when ND4J loads it. See the"
                + " genailab-contrastive README, section Compatibility.");
    }

    /** The words of the first {@code flags} line of a {@code /proc/cpuinfo} text; empty if unreadable. */
    static Set<String> flags(Path cpuinfo) {
        try (Stream<String> lines = Files.lines(cpuinfo, StandardCharsets.ISO_8859_1)) {
            return lines.map(line -> line.split(":", 2))
                    .filter(field -> field.length == 2 && field[0].strip().equals("flags"))
                    .findFirst()
                    .map(field -> Arrays.stream(field[1].strip().split("\\s+")).collect(Collectors.toSet()))
                    .orElse(Set.of());
        } catch (IOException | UncheckedIOException | SecurityException e) {
            return Set.of();
        }
    }

    /**
     * The core the loaded OpenBLAS runs, as named in {@link #CORES}: the {@code gotoblas_<CORE>} table the
     * exported pointer {@code gotoblas} points to. Empty off Linux x86-64, before ND4J loaded OpenBLAS, or
     * for a build without those symbols.
     */
    static Optional<String> loadedCore() {
        String arch = System.getProperty("os.arch", "");
        if (!System.getProperty("os.name", "").equals("Linux") || !(arch.equals("amd64") || arch.equals("x86_64"))) {
            return Optional.empty();
        }
        Pointer current = Loader.addressof("gotoblas");
        Pointer table = current == null ? null : new PointerPointer<Pointer>(current).get(0);
        if (table == null || table.isNull()) {
            return Optional.empty();
        }
        long address = table.address();
        return CORES.stream().filter(name -> {
            Pointer candidate = Loader.addressof("gotoblas_" + name.toUpperCase(Locale.ROOT));
            return candidate != null && candidate.address() == address;
        }).findFirst();
    }
}
