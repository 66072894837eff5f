package com.texterchat.benchmarks;

import java.lang.management.ManagementFactory;
import java.util.Collection;
import java.util.List;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.profile.InternalProfiler;
import org.openjdk.jmh.results.AggregationPolicy;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.ScalarResult;

/**
 * Adds {@code cpu.time.norm}: the CPU time the benchmark JVM used per operation (all its threads: client, in-process
 * server, JIT and GC). Unlike wall time, it hardly changes when other processes load the machine, so it shows the
 * SDK's extra work even on a busy 2-core box. Enable with {@code -prof com.texterchat.benchmarks.CpuTimeProfiler}.
 */
public final class CpuTimeProfiler implements InternalProfiler {

    private final com.sun.management.OperatingSystemMXBean os =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    private long cpuAtStart;

    @Override
    public String getDescription() {
        return "Process CPU time per operation";
    }

    @Override
    public void beforeIteration(BenchmarkParams benchmarkParams, IterationParams iterationParams) {
        cpuAtStart = os.getProcessCpuTime();
    }

    @Override
    public Collection<? extends Result<?>> afterIteration(BenchmarkParams benchmarkParams, IterationParams iterationParams,
            IterationResult result) {
        long cpuNanos = os.getProcessCpuTime() - cpuAtStart;
        long operations = result.getMetadata().getAllOps();
        if (operations <= 0) {
            return List.of();
        }
        return List.of(new ScalarResult("cpu.time.norm", cpuNanos / 1000.0 / operations, "us/op",
                AggregationPolicy.AVG));
    }
}
