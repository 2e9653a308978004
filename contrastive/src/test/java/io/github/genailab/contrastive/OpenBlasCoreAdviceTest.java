package io.github.genailab.contrastive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;
import static org.assertj.core.api.InstanceOfAssertFactories.STRING;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Issue 19: a user whose OpenBLAS runs SSE kernels on an AVX2 CPU is told once, with the exact remedy.
 *
 * <p>Each CPU row pairs a {@code /proc/cpuinfo} excerpt with the core OpenBLAS 0.3.19 chooses for it, read
 * off {@code get_coretype()} in {@code driver/others/dynamic.c} at tag {@code v0.3.19} (line numbers of
 * that file; {@code exmodel} is the model's high nibble, {@code exfamily} the family minus 15). The first
 * two excerpts are whole {@code flags} lines (this build machine's EPYC; a Xeon Silver 4510); the others
 * keep the vendor, family, model and the SIMD flags Linux lists for that CPU, which is all the advice reads.
 */
class OpenBlasCoreAdviceTest {

    private static final String EPYC_THIS_MACHINE = cpu("AuthenticAMD", 25, 1, "AMD EPYC", "fpu vme de pse tsc "
            + "msr pae mce cx8 apic sep mtrr pge mca cmov pat pse36 clflush mmx fxsr sse sse2 ht syscall nx mmxext "
            + "fxsr_opt pdpe1gb rdtscp lm constant_tsc rep_good nopl xtopology nonstop_tsc cpuid extd_apicid "
            + "tsc_known_freq pni pclmulqdq ssse3 fma cx16 pcid sse4_1 sse4_2 x2apic movbe popcnt "
            + "tsc_deadline_timer aes xsave avx f16c rdrand hypervisor lahf_lm cmp_legacy cr8_legacy abm sse4a "
            + "misalignsse 3dnowprefetch osvw topoext cpuid_fault vmmcall fsgsbase tsc_adjust bmi1 avx2 smep bmi2 "
            + "erms invpcid rdseed adx smap clflushopt clwb sha_ni xsaveopt xsavec xgetbv1 xsaves clzero "
            + "xsaveerptr arat umip vaes vpclmulqdq rdpid fsrm");

    private static final String SAPPHIRE_RAPIDS = cpu("GenuineIntel", 6, 143, "INTEL(R) XEON(R) SILVER 4510",
            "fpu vme de pse tsc msr pae mce cx8 apic sep mtrr pge mca cmov pat pse36 clflush mmx fxsr sse sse2 ss "
            + "ht syscall nx pdpe1gb rdtscp lm constant_tsc arch_perfmon rep_good nopl xtopology cpuid "
            + "tsc_known_freq pni pclmulqdq vmx ssse3 fma cx16 pdcm pcid sse4_1 sse4_2 x2apic movbe popcnt "
            + "tsc_deadline_timer aes xsave avx f16c rdrand hypervisor lahf_lm abm 3dnowprefetch cpuid_fault ssbd "
            + "ibrs ibpb stibp ibrs_enhanced tpr_shadow flexpriority ept vpid ept_ad fsgsbase tsc_adjust bmi1 avx2 "
            + "smep bmi2 erms invpcid avx512f avx512dq rdseed adx smap avx512ifma clflushopt clwb avx512cd sha_ni "
            + "avx512bw avx512vl xsaveopt xsavec xgetbv1 xsaves avx_vnni avx512_bf16 wbnoinvd arat vnmi "
            + "avx512vbmi umip pku ospke waitpkg avx512_vbmi2 gfni vaes vpclmulqdq avx512_vnni avx512_bitalg "
            + "avx512_vpopcntdq la57 rdpid bus_lock_detect cldemote movdiri movdir64b fsrm md_clear serialize "
            + "tsxldtrk avx512_fp16 arch_capabilities");

    private static final String AVX2 = "fpu sse sse2 ssse3 fma sse4_1 sse4_2 xsave avx f16c bmi1 avx2 bmi2";
    private static final String AVX512 = AVX2 + " avx512f avx512dq avx512cd avx512bw avx512vl";

    private static final String EMERALD_RAPIDS = cpu("GenuineIntel", 6, 207, "INTEL(R) XEON(R) PLATINUM 8592+",
            AVX512 + " avx512_bf16 amx_bf16 amx_tile amx_int8");

    @TempDir
    Path dir;

    static Stream<Arguments> cpus() {
        return Stream.of(
                // AMD exfamily 10: lines 855-857 -> Zen (verified: OPENBLAS_VERBOSE=2 prints "Core: Zen" here).
                Arguments.of("EPYC, this machine (25/1)", EPYC_THIS_MACHINE, "Zen", null),
                // Intel 6, exmodel 8, model 15: lines 691-693, avx512_bf16 -> Cooperlake.
                Arguments.of("Sapphire Rapids (6/143)", SAPPHIRE_RAPIDS, "Cooperlake", null),
                // exmodel 5, model 5: lines 564-570, no avx512_bf16 -> SkylakeX.
                Arguments.of("Skylake-SP (6/85)", cpu("GenuineIntel", 6, 85, "Xeon Gold 6148", AVX512),
                        "SkylakeX", null),
                // exmodel 3, model 15: lines 484-486 -> Haswell.
                Arguments.of("Haswell-EP (6/63)", cpu("GenuineIntel", 6, 63, "Xeon E5-2680 v3", AVX2),
                        "Haswell", null),
                // exmodel 6, model 10: lines 627-632, no avx512_bf16 -> SkylakeX.
                Arguments.of("Ice Lake-SP (6/106)", cpu("GenuineIntel", 6, 106, "Xeon Platinum 8380",
                        AVX512 + " avx512vbmi avx512_vnni"), "SkylakeX", null),
                // exmodel 9, model 7: lines 710-713 -> Haswell (Alder Lake exposes no AVX-512).
                Arguments.of("Alder Lake (6/151)", cpu("GenuineIntel", 6, 151, "Core i9-12900K",
                        AVX2 + " avx_vnni"), "Haswell", null),
                // AMD exfamily 10: lines 855-857 -> Zen, although Zen 4 has AVX-512 (0.3.19's own choice).
                Arguments.of("Zen 4 (25/17)", cpu("AuthenticAMD", 25, 17, "AMD EPYC 9654",
                        AVX512 + " avx512_bf16"), "Zen", null),
                // exmodel 0, model 15: line 440 -> Core2; no AVX at all, so nothing better to offer.
                Arguments.of("Core 2 (6/15)", cpu("GenuineIntel", 6, 15, "Core 2 Duo E6600",
                        "fpu sse sse2 pni ssse3"), "Core2", null),
                // exmodel 11 has no case in switch (exmodel), lines 434-761: falls through to case 0xf,
                // lines 762-764, model 7 > 2 -> Prescott.
                Arguments.of("Raptor Lake (6/183)", cpu("GenuineIntel", 6, 183, "Core i9-13900K",
                        AVX2 + " avx_vnni"), "Prescott", "Haswell"),
                // exmodel 12: the same fall-through, model 15 -> Prescott.
                Arguments.of("Emerald Rapids (6/207)", EMERALD_RAPIDS, "Prescott", "SkylakeX"),
                // AMD exfamily 11 matches none of 0, 2, 5-10: the final else, lines 862-863 -> Barcelona.
                Arguments.of("Zen 5 (26/17)", cpu("AuthenticAMD", 26, 17, "AMD EPYC 9755",
                        AVX512 + " avx512_bf16"), "Barcelona", "SkylakeX"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cpus")
    void adviseOnlyWhenTheKernelsAreOlderThanTheCpu(String name, String cpuinfo, String core, String remedy)
            throws IOException {
        Optional<String> advice = advice(cpuinfo, null, () -> Optional.of(core));
        if (remedy == null) {
            assertThat(advice).isEmpty();
        } else {
            assertThat(advice).get(STRING)
                    .contains(core + " kernels")
                    .contains("OPENBLAS_CORETYPE=" + remedy + " before the JVM starts")
                    .contains("a -D system property does not work");
        }
    }

    @Test
    void aCoreChosenByTheUserIsLeftAlone() throws IOException {
        assertThat(advice(EMERALD_RAPIDS, "Prescott", () -> Optional.of("Prescott"))).isEmpty();
        assertThat(advice(EMERALD_RAPIDS, "", () -> Optional.of("Prescott"))).isEmpty();
    }

    @Test
    void theAdviceIsGivenOnce() throws IOException {
        List<String> said = new ArrayList<>();
        OpenBlasCoreAdvice advice = new OpenBlasCoreAdvice(write(EMERALD_RAPIDS), null,
                () -> Optional.of("Prescott"), said::add);
        advice.consider();
        advice.consider();
        assertThat(said).hasSize(1);
        assertThat(said.get(0)).contains("OPENBLAS_CORETYPE=SkylakeX");
    }

    @Test
    void eightThreadsGiveTheAdviceOnce() throws Exception {
        List<String> said = Collections.synchronizedList(new ArrayList<>());
        OpenBlasCoreAdvice advice = new OpenBlasCoreAdvice(write(EMERALD_RAPIDS), null,
                () -> Optional.of("Prescott"), said::add);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<?>> runs = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                runs.add(pool.submit(() -> {
                    start.await();
                    advice.consider();
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> run : runs) {
                run.get();
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(said).hasSize(1);
    }

    static Stream<Arguments> unknownCores() {
        return Stream.of(
                Arguments.of("no DYNAMIC_ARCH symbols", (Supplier<Optional<String>>) Optional::empty),
                Arguments.of("a core newer than 0.3.19",
                        (Supplier<Optional<String>>) () -> Optional.of("SapphireRapids")),
                Arguments.of("natives missing", (Supplier<Optional<String>>) () -> {
                    throw new UnsatisfiedLinkError("no jnijavacpp");
                }),
                Arguments.of("lookup fails", (Supplier<Optional<String>>) () -> {
                    throw new IllegalStateException("dlsym");
                }));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("unknownCores")
    void anUnknownCoreGivesNoAdviceAndNoFailure(String name, Supplier<Optional<String>> core) throws IOException {
        assertThat(advice(EMERALD_RAPIDS, null, core)).isEmpty();
    }

    static Stream<Arguments> malformedCpuinfo() {
        return Stream.of(
                Arguments.of("empty", new byte[0]),
                Arguments.of("no flags line", "processor\t: 0\nvendor_id\t: GenuineIntel\n"
                        .getBytes(StandardCharsets.US_ASCII)),
                Arguments.of("flags without a colon", "flags avx2 avx512vl\n".getBytes(StandardCharsets.US_ASCII)),
                Arguments.of("only vmx flags", "vmx flags\t: avx2 ept\n".getBytes(StandardCharsets.US_ASCII)),
                Arguments.of("empty flags", "flags\t\t:\n".getBytes(StandardCharsets.US_ASCII)),
                Arguments.of("binary", new byte[] {(byte) 0xff, (byte) 0xfe, 0, 1, (byte) 0x80, '\n', (byte) 0xc3}),
                Arguments.of("arm64, Features instead of flags", "processor\t: 0\nFeatures\t: fp asimd evtstrm\n"
                        .getBytes(StandardCharsets.US_ASCII)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformedCpuinfo")
    void malformedCpuinfoGivesNoAdviceAndNoFailure(String name, byte[] content) throws IOException {
        Path file = dir.resolve("cpuinfo");
        Files.write(file, content);
        assertThat(new OpenBlasCoreAdvice(file, null, () -> Optional.of("Prescott"), message -> { })
                .advice()).isEmpty();
    }

    @Test
    void unreadableCpuinfoGivesNoAdviceAndNoFailure() {
        for (Path file : List.of(dir.resolve("missing"), dir)) {
            assertThat(new OpenBlasCoreAdvice(file, null, () -> Optional.of("Prescott"), message -> { })
                    .advice()).as(file.toString()).isEmpty();
        }
    }

    @Test
    void flagsAreTheWordsOfTheFirstFlagsLine() throws IOException {
        assertThat(OpenBlasCoreAdvice.flags(write(SAPPHIRE_RAPIDS + SAPPHIRE_RAPIDS)))
                .contains("avx2", "avx512vl", "avx512_bf16").doesNotContain("", "flags", ":");
        assertThat(OpenBlasCoreAdvice.flags(write("flags\t: sse  avx2\t avx2\n")))
                .containsExactlyInAnyOrder("sse", "avx2");
    }

    @Test
    void nullArgumentsAreRejected() {
        Path file = dir.resolve("cpuinfo");
        Supplier<Optional<String>> core = Optional::empty;
        assertThatNullPointerException().isThrownBy(() -> new OpenBlasCoreAdvice(null, null, core, m -> { }))
                .withMessage("cpuinfo");
        assertThatNullPointerException().isThrownBy(() -> new OpenBlasCoreAdvice(file, null, null, m -> { }))
                .withMessage("core");
        assertThatNullPointerException().isThrownBy(() -> new OpenBlasCoreAdvice(file, null, core, null))
                .withMessage("sink");
    }

    @Test
    void theLoadedLibraryNamesOneOfItsCores() {
        String arch = System.getProperty("os.arch");
        assumeTrue(System.getProperty("os.name").equals("Linux") && (arch.equals("amd64") || arch.equals("x86_64")));
        NdBuffers.arena(Precision.FLOAT32, 4).close();
        assertThat(OpenBlasCoreAdvice.loadedCore()).get().isIn(OpenBlasCoreAdvice.CORES);
    }

    private Optional<String> advice(String cpuinfo, String forced, Supplier<Optional<String>> core)
            throws IOException {
        return new OpenBlasCoreAdvice(write(cpuinfo), forced, core, message -> { }).advice();
    }

    private Path write(String cpuinfo) throws IOException {
        return Files.writeString(Files.createTempFile(dir, "cpuinfo", ""), cpuinfo, StandardCharsets.US_ASCII);
    }

    private static String cpu(String vendor, int family, int model, String modelName, String flags) {
        return "processor\t: 0\nvendor_id\t: " + vendor + "\ncpu family\t: " + family + "\nmodel\t\t: " + model
                + "\nmodel name\t: " + modelName + "\nflags\t\t: " + flags + "\n\n";
    }
}
