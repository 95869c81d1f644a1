package org.freedomcampaigns.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * How much CPU other processes use while the benchmark runs (Linux {@code /proc}): the machine's busy time minus
 * this JVM's, in cores. The machine may be shared (builds, tests); this says how far a figure can be trusted.
 */
final class CpuMonitor {
    private static final double TICKS_PER_SECOND = 100.0; // USER_HZ on Linux

    /** A reading: the machine's busy ticks, this process's ticks, and when. */
    record Sample(long machineBusy, long self, long nanos) {
    }

    private CpuMonitor() {
    }

    static Sample sample() {
        return new Sample(machineBusy(), self(), System.nanoTime());
    }

    /** Cores used on average by other processes between two readings, or NaN where /proc is not readable. */
    static double othersCores(Sample from, Sample to) {
        if (from.machineBusy() < 0 || to.machineBusy() < 0 || from.self() < 0 || to.self() < 0) {
            return Double.NaN;
        }
        double seconds = (to.nanos() - from.nanos()) / 1e9;
        double others = (to.machineBusy() - from.machineBusy()) - (to.self() - from.self());
        return Math.max(0, others / TICKS_PER_SECOND / seconds);
    }

    /**
     * Waits until other processes use less than {@code threshold} cores over a few seconds, at most
     * {@code maxWaitSeconds}; returns the last reading of their use.
     */
    static double awaitQuiet(double threshold, long maxWaitSeconds) {
        long deadline = System.nanoTime() + maxWaitSeconds * 1_000_000_000L;
        while (true) {
            Sample from = sample();
            App.sleep(3_000);
            double others = othersCores(from, sample());
            if (Double.isNaN(others) || others < threshold || System.nanoTime() > deadline) {
                return others;
            }
            System.err.printf("[bench] other processes use %.2f cores; waiting for a quieter machine%n", others);
        }
    }

    private static long machineBusy() {
        try {
            String[] f = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            // cpu user nice system idle iowait irq softirq steal ...
            long busy = 0;
            for (int i : new int[] {1, 2, 3, 6, 7, 8}) {
                busy += Long.parseLong(f[i]);
            }
            return busy;
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    private static long self() {
        try {
            String stat = Files.readString(Path.of("/proc/self/stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).trim().split("\\s+");
            // fields after the command: state(3) ... utime is field 14, stime 15 (1-based over the whole line)
            return Long.parseLong(f[11]) + Long.parseLong(f[12]);
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }
}
