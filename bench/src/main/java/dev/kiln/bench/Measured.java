package dev.kiln.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.Arrays;

/**
 * Wall-clock and CPU time of repeated runs, and the JVM's heap peak since the last reset: what every end-to-end
 * benchmark main reports. CPU time is the whole process's, so it counts every thread a run uses.
 */
final class Measured {
    private final double[] wall;
    private final double[] cpu;
    private int runs;

    Measured(int repeats) {
        this.wall = new double[repeats];
        this.cpu = new double[repeats];
    }

    /** Runs {@code body} once, timed. */
    <T> T time(java.util.concurrent.Callable<T> body) throws Exception {
        long w = System.nanoTime();
        long c = processCpu();
        T out = body.call();
        wall[runs] = (System.nanoTime() - w) / 1e9;
        cpu[runs++] = (processCpu() - c) / 1e9;
        return out;
    }

    double bestWall() {
        return sorted(wall)[0];
    }

    double medianWall() {
        return sorted(wall)[runs / 2];
    }

    double bestCpu() {
        return sorted(cpu)[0];
    }

    private double[] sorted(double[] values) {
        double[] out = Arrays.copyOf(values, runs);
        Arrays.sort(out);
        return out;
    }

    static long processCpu() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    static void resetHeapPeak() {
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                pool.resetPeakUsage();
            }
        }
    }

    /** The sum of the heap pools' peaks since the last reset (live data and garbage not yet collected). */
    static long heapPeak() {
        long sum = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                sum += pool.getPeakUsage().getUsed();
            }
        }
        return sum;
    }
}
