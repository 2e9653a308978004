package io.github.genailab.membership;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Issue 19: a user without the Vector API flag is told once, for a large input only, how to enable it. */
class PortableKernelAdviceTest {

    @Test
    void theAdviceIsGivenOnceForALargeInputOnThePortableKernel() {
        List<String> said = new ArrayList<>();
        PortableKernelAdvice advice = new PortableKernelAdvice(said::add);
        advice.consider(new FloatLogitRows(), PortableKernelAdvice.MIN_CELLS - 1);
        assertThat(said).isEmpty();
        advice.consider(new FloatLogitRows(), 1024L * 50_257);
        advice.consider(new FloatLogitRows(), 1024L * 50_257);
        assertThat(said).containsExactly(PortableKernelAdvice.MESSAGE);
        assertThat(said.get(0)).contains("--add-modules jdk.incubator.vector");
    }

    @Test
    void theVectorKernelNeedsNoAdvice() {
        List<String> said = new ArrayList<>();
        new PortableKernelAdvice(said::add).consider(FloatRowKernel.create(), 1024L * 50_257);
        // Surefire runs with the Vector API module, so create() returns the Vector API kernel.
        assertThat(FloatRowKernel.vectorApiAvailable()).isTrue();
        assertThat(said).isEmpty();
    }
}
