package org.freedomcampaigns.benchmark;

/**
 * Timed runs on a shared machine: a run during which other processes took more than {@link #DISTURBED} cores is
 * repeated (default mode: at most twice, after waiting for a quieter moment) and the least disturbed attempt kept,
 * chosen by the others' CPU rather than by its result, so that repeating cannot pick a lucky figure.
 */
final class QuietRuns {
    /** Other processes' cores above which a run counts as disturbed (the report quotes it). */
    static final double DISTURBED = 0.35;

    /** The attempt kept, and the other processes' mean cores while it ran. */
    record Kept(Load.Run run, double others) {
    }

    private final Session session;

    QuietRuns(Session session) {
        this.session = session;
    }

    /** {@code after} runs after each attempt, untimed. */
    Kept run(int clients, int perClient, Load.Op op, Runnable after) {
        Load.Run best = null;
        double bestOthers = Double.MAX_VALUE;
        int attempts = session.plan.quick() ? 1 : 3;
        for (int attempt = 0; attempt < attempts; attempt++) {
            if (attempt > 0) {
                CpuMonitor.awaitQuiet(0.25, 90);
            }
            CpuMonitor.Sample from = CpuMonitor.sample();
            Load.Run run = Load.run(clients, perClient, op);
            double others = CpuMonitor.othersCores(from, CpuMonitor.sample());
            after.run();
            if (best == null || others < bestOthers) {
                best = run;
                bestOthers = others;
            }
            if (Double.isNaN(others) || others <= DISTURBED) {
                break;
            }
            if (attempt + 1 < attempts) {
                session.log(String.format("other processes used %.2f cores during this run; repeating it", others));
            }
        }
        return new Kept(best, bestOthers);
    }
}
