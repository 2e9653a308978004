package io.github.genailab.benchmarks.llm;

import org.openjdk.jmh.annotations.Fork;

/**
 * {@link CausalLmBenchmark} on a default JVM (no {@code --add-modules jdk.incubator.vector}): the
 * portable matrix-product kernel.
 */
@Fork(value = 1, jvmArgsAppend = {"-Xms3g", "-Xmx3g"})
public class CausalLmPortableBenchmark extends CausalLmBenchmark {
}
