package org.freedomcampaigns.benchmark;

import static org.freedomcampaigns.benchmark.Markdown.diff;
import static org.freedomcampaigns.benchmark.Markdown.f0;
import static org.freedomcampaigns.benchmark.Setup.H2;
import static org.freedomcampaigns.benchmark.Setup.MEMORY;
import static org.freedomcampaigns.benchmark.Setup.PEER;

/**
 * Row 5, the heap in use once row 3 has loaded its events, against a baseline taken before the setup's service
 * started; its section of the report.
 */
final class HeapRow {
    static final String STEP = "row 5 heap";

    private final Session session;

    HeapRow(Session session) {
        this.session = session;
    }

    /** Before the service starts, so that the report can show what the setup's service adds. */
    void baseline() {
        session.put("heap.baselineMB", Heap.usedAfterGcMb());
    }

    void run() {
        double used = Heap.usedAfterGcMb();
        session.put("heap.usedMB", used);
        session.put("heap.top", Heap.topClasses(6));
        session.log(String.format("heap in use after GC: %.0f MB (baseline before start %.0f MB)", used,
                                  session.results.num(session.setup, "heap.baselineMB")));
    }

    static void section(Markdown md, Plan plan, Results r) {
        md.line("## 5. Heap in use after loading the events");
        md.line("");
        md.line("After the rebuild of row 3 (" + String.format("%,d", plan.rebuildTarget()) + "+ events stored and "
                        + "applied to the read models), `System.gc()` four times, then `totalMemory − freeMemory`. "
                        + "The baseline is the same measure just before that setup's service started (previous "
                        + "setups' services closed). The largest classes come from a class histogram. With the "
                        + "memory backend the whole store (events, read models, tokens) lives in this heap; with H2 "
                        + "only its page cache does.");
        md.line("");
        md.line("| | ours, memory | ours, H2 | peer, JDBC H2 |");
        md.line("|---|---|---|---|");
        md.setupRow("heap in use after GC (MB)", r, "heap.usedMB", Markdown::f0);
        md.setupRow("baseline before the service started (MB)", r, "heap.baselineMB", Markdown::f0);
        md.line("| increase (MB) | " + f0(diff(r.num(MEMORY, "heap.usedMB"), r.num(MEMORY, "heap.baselineMB")))
                        + " | " + f0(diff(r.num(H2, "heap.usedMB"), r.num(H2, "heap.baselineMB"))) + " | "
                        + f0(diff(r.num(PEER, "heap.usedMB"), r.num(PEER, "heap.baselineMB"))) + " |");
        md.line("| largest classes | " + Markdown.str(r, MEMORY, "heap.top") + " | " + Markdown.str(r, H2, "heap.top")
                        + " | " + Markdown.str(r, PEER, "heap.top") + " |");
        md.line("");
    }
}
