package org.freedomcampaigns.benchmark;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/** Runs a fixed number of operations on a fixed number of threads and records each one's latency. */
final class Load {
    private Load() {
    }

    @FunctionalInterface
    interface Op {
        /** One operation of client {@code client}, its {@code i}-th. */
        void run(int client, int i) throws Exception;
    }

    /** The outcome of a run: wall time, latencies of the successful operations, failures. */
    record Run(int operations, long wallNanos, long[] latencies, int errors, String firstError) {
        double perSecond() {
            return (operations - errors) / (wallNanos / 1e9);
        }

        double meanMillis() {
            return Arrays.stream(latencies).average().orElse(Double.NaN) / 1e6;
        }

        double percentileMillis(double q) {
            return Load.percentile(latencies, q) / 1e6;
        }
    }

    static Run run(int clients, int perClient, Op op) {
        long[][] latencies = new long[clients][perClient];
        int[] done = new int[clients];
        AtomicInteger errors = new AtomicInteger();
        AtomicReference<String> firstError = new AtomicReference<>();
        CountDownLatch ready = new CountDownLatch(clients);
        CountDownLatch go = new CountDownLatch(1);
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            int client = c;
            Thread thread = new Thread(() -> {
                ready.countDown();
                try {
                    go.await();
                } catch (InterruptedException e) {
                    return;
                }
                for (int i = 0; i < perClient; i++) {
                    long start = System.nanoTime();
                    try {
                        op.run(client, i);
                        latencies[client][done[client]++] = System.nanoTime() - start;
                    } catch (Exception | AssertionError e) {
                        errors.incrementAndGet();
                        firstError.compareAndSet(null, e.toString());
                    }
                }
            }, "bench-client-" + c);
            thread.start();
            threads.add(thread);
        }
        try {
            ready.await();
            long start = System.nanoTime();
            go.countDown();
            for (Thread thread : threads) {
                thread.join();
            }
            long wall = System.nanoTime() - start;
            long[] all = new long[Arrays.stream(done).sum()];
            int k = 0;
            for (int c = 0; c < clients; c++) {
                System.arraycopy(latencies[c], 0, all, k, done[c]);
                k += done[c];
            }
            Arrays.sort(all);
            return new Run(clients * perClient, wall, all, errors.get(), firstError.get());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The q-quantile (0..1) of sorted values, nearest rank. */
    static double percentile(long[] sorted, double q) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int rank = (int) Math.ceil(q * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank))];
    }
}
