package org.freedomcampaigns.benchmark;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * One setup's run as the rows share it: where figures and notes go, its log, and the cases opened so far (row 3
 * checks that its rebuild restored every one of them, whichever row opened them).
 */
final class Session {
    /** How long the read models may take to catch up before a row gives up on them. */
    static final Duration CATCH_UP = Duration.ofMinutes(10);

    final Setup setup;
    final Plan plan;
    final Results results;
    /** The service's log file; a restarted service (row 2, cold) logs to the same one. */
    final Path logFile;
    private int casesOpened;

    Session(Setup setup, Plan plan, Results results, Path logFile) {
        this.setup = setup;
        this.plan = plan;
        this.results = results;
        this.logFile = logFile;
    }

    void put(String key, Object value) {
        results.put(setup, key, value);
    }

    void note(String text) {
        results.note(setup, text);
    }

    void log(String text) {
        System.err.printf("[bench %7.1fs] %-12s %s%n", (System.nanoTime() - Benchmark.START) / 1e9, setup.id, text);
    }

    /** Notes the failures of a run, if any: rates count successful operations only, so they must be reported. */
    void check(Load.Run run, String what) {
        if (run.errors() > 0) {
            note(what + ": " + run.errors() + " of " + run.operations() + " failed, e.g. " + run.firstError());
        }
    }

    /** Opens {@code count} cases through the gateway with 8 threads. */
    List<String> openCases(App app, String campaign, int count) {
        List<String> ids = Stream.generate(() -> UUID.randomUUID().toString()).limit(count).toList();
        int clients = Math.min(8, count);
        int perClient = (count + clients - 1) / clients;
        Load.Run run = Load.run(clients, perClient, (c, i) -> {
            int k = c * perClient + i;
            if (k < count) {
                app.gateway.sendAndWait(Commands.openCase(campaign, ids.get(k)));
            }
        });
        check(run, "opening cases");
        opened(count);
        return ids;
    }

    /** Counts cases a row opened itself rather than through {@link #openCases}. */
    void opened(int count) {
        casesOpened += count;
    }

    int casesOpened() {
        return casesOpened;
    }
}
