package org.freedomcampaigns.benchmark;

import java.util.Set;

/**
 * How much work each row does.
 *
 * @param quick            the short smoke run
 * @param warmup           commands (gateway and again HTTP) before anything is timed
 * @param append1          commands of the one-client runs (and raw inserts of the one-thread baselines)
 * @param append8PerClient commands per client of the 8-client runs
 * @param casesPerClient   each client of rows 1 and 4 writes round-robin to its own cases
 * @param lagPerClient     requests per client of row 4 (8 clients)
 * @param priors           row 2: prior events of the cases compared with a fresh one
 * @param loadN            row 2: commands timed on each case, at most
 * @param loadBudgetSeconds row 2: each series (warm, cold, HTTP) stops after this long (at least 5 per case)
 * @param rebuildTarget    row 3: events in the store before the rebuild
 * @param rebuildCases     row 3: cases the prefill spreads its events over
 * @param rawManyBatches   batches of 100 of the insertMany baseline
 * @param rows             the rows to run (1 to 5; row 5 needs row 3), all by default
 */
record Plan(boolean quick, int warmup, int append1, int append8PerClient, int casesPerClient, int lagPerClient,
            int[] priors, int loadN, int loadBudgetSeconds, int rebuildTarget, int rebuildCases, int rawManyBatches,
            Set<Integer> rows) {

    static final Set<Integer> ALL_ROWS = Set.of(1, 2, 3, 4, 5);

    static Plan defaultRun() {
        return new Plan(false, 400, 1_000, 250, 25, 150, new int[] {10, 1_000, 10_000}, 200, 45, 100_000, 1_000, 20,
                        ALL_ROWS);
    }

    static Plan quickRun() {
        return new Plan(true, 60, 100, 15, 10, 10, new int[] {10, 1_000}, 20, 5, 10_000, 100, 5, ALL_ROWS);
    }

    Plan onlyRows(Set<Integer> only) {
        return new Plan(quick, warmup, append1, append8PerClient, casesPerClient, lagPerClient, priors, loadN,
                        loadBudgetSeconds, rebuildTarget, rebuildCases, rawManyBatches, Set.copyOf(only));
    }

    boolean runs(int row) {
        return rows.contains(row);
    }

    /** Row 2's longest history: its goals and observations compare this case with a fresh one. */
    int largestPrior() {
        return priors[priors.length - 1];
    }
}
