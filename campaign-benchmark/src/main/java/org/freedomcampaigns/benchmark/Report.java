package org.freedomcampaigns.benchmark;

import static org.freedomcampaigns.benchmark.Markdown.f0;
import static org.freedomcampaigns.benchmark.Markdown.f1;
import static org.freedomcampaigns.benchmark.Markdown.f2;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * Renders the results as Markdown: machine, command and the setups' CPU accounting, the goals, one section per row
 * (each row writes its own), the observations that combine rows, how it runs, and the notes.
 */
final class Report {
    /** The steps whose other-process CPU the setups table shows, in the order the workload runs them. */
    private static final List<String> STEPS = List.of(AppendRow.STEP, LagRow.STEP, LoadRow.WARM_STEP,
                                                      RebuildRow.STEP, LoadRow.COLD_STEP);

    private final Plan plan;
    private final Results r;
    private final Machine machine;
    private final String date;
    private final double minutes;
    private final Markdown md = new Markdown();

    Report(Plan plan, Results results, Machine machine, String date, double minutes) {
        this.plan = plan;
        this.r = results;
        this.machine = machine;
        this.date = date;
        this.minutes = minutes;
    }

    String render() {
        header();
        GoalTable goals = new GoalTable();
        LoadRow.goals(goals, plan, r);
        RebuildRow.goals(goals, r);
        AppendRow.goals(goals, r);
        goals.write(md, plan);
        AppendRow.section(md, plan, r);
        LoadRow.section(md, plan, r);
        RebuildRow.section(md, plan, r);
        LagRow.section(md, plan, r);
        HeapRow.section(md, plan, r);
        observations();
        method();
        notes();
        return md.text();
    }

    private void header() {
        md.line("# Storage benchmarks");
        md.line("");
        md.line("Written by `campaign-benchmark` (a plain `main`, not JMH); re-run it rather than editing this file.");
        md.line("");
        md.line("| | |");
        md.line("|---|---|");
        md.line("| date | " + date + " |");
        md.line("| machine | nproc " + machine.nproc() + ", memory " + machine.memory() + ", " + machine.cpu()
                        + " |");
        md.line("| Java | " + machine.java() + "; max heap " + machine.maxHeap()
                        + (machine.jvmArgs().isEmpty() ? " (JVM defaults, no -Xmx)"
                : "; JVM args `" + machine.jvmArgs() + "`") + " |");
        md.line("| OS | " + machine.os() + " |");
        md.line("| command | `" + machine.command() + "` (run from the repository root) |");
        md.line("| mode | " + (plan.quick() ? "`--quick` (smoke run: small counts, not for conclusions)" : "default")
                        + String.format(Locale.ROOT, "; wall time %.1f min", minutes) + " |");
        md.line("");
        md.line("Setups (each a fresh data directory; the whole service runs in-process, HTTP on loopback):");
        md.line("");
        for (Setup setup : r.ran()) {
            md.line("- **" + setup.id + "**: " + setup.title + ".");
        }
        md.line("");
        md.line("The machine may be shared: the CPU time other processes used while each setup ran is measured "
                        + "(`/proc/stat` minus this JVM) and shown here; figures taken while others used a good share "
                        + "of the " + machine.nproc() + " cores are low by that much.");
        md.line("");
        md.line("| setup | minutes | other processes' CPU, mean (cores) | of which in: " + String.join(" / ", STEPS)
                        + " | service warnings/errors logged |");
        md.line("|---|---|---|---|---|");
        for (Setup setup : r.ran()) {
            List<String> perStep = new ArrayList<>();
            for (String step : STEPS) {
                perStep.add(f2(r.num(setup, "cpu.step." + step)));
            }
            md.line("| " + setup.id + " | " + f1(r.num(setup, "setup.minutes")) + " | "
                            + f2(r.num(setup, "cpu.others")) + " | " + String.join(" / ", perStep) + " | "
                            + f0(r.num(setup, "log.warnings")) + " |");
        }
        md.line("");
        md.line(AppendRow.disturbance(r));
        md.line("");
    }

    private void observations() {
        md.line("## Observations (computed from the figures above)");
        md.line("");
        Stream.of(AppendRow.processorsObservation(r), AppendRow.durabilityObservation(r),
                  LoadRow.coldObservation(plan, r), LoadRow.httpObservation(plan, r),
                  AppendRow.httpVsGatewayObservation(r))
              .filter(Objects::nonNull).forEach(md::line);
        md.line("");
    }

    private void method() {
        md.line("## How it runs");
        md.line("");
        md.line("- One JVM. For each setup the Spring Boot service `CampaignTrackerApplication` is started in-process "
                        + "with `SpringApplicationBuilder` (`--server.port=0`, "
                        + "`--campaign.storage.embedded.backend=…`, a temporary "
                        + "`--campaign.storage.embedded.data-dir`), exercised, and closed. Start-up took "
                        + startups() + ".");
        md.line("- HTTP clients use `java.net.http.HttpClient` (HTTP/1.1, kept-alive connections) on loopback and "
                        + "sign in with HTTP Basic as an admin configured with a bcrypt hash (the service remembers a "
                        + "verified password for 10 minutes, so the hash is checked once); gateway clients call "
                        + "`CommandGateway.sendAndWait` on the service's own bean.");
        md.line("- *ours, H2, commit off* is the same service with its `StoreCommitter` bean replaced by a no-op "
                        + "(a `BeanPostProcessor` added by the benchmark): the engine still group-commits, but the H2 "
                        + "store is not committed before the answer (H2 then writes about once a second by itself).");
        md.line("- *peer* is the same service with an `@Primary` `EventStorageEngine` bean added by the benchmark: "
                        + "Axon's `JdbcEventStorageEngine` (Axon's table layout from `AbstractEventTableFactory` with "
                        + "H2's identity syntax — H2 2.x rejects `HsqlEventTableFactory`'s `(START WITH 0, INCREMENT "
                        + "BY 1)`; batch size 1,000; H2 connection pool, auto-commit, `NoTransactionManager`) on "
                        + "`jdbc:h2:file:…/peer;WRITE_DELAY=0`. Everything else is unchanged: aggregates with the "
                        + "same cache and snapshot settings, the four tracking processors and read models and the "
                        + "token store on the embedded server (H2 backend). So its rows compare the event store "
                        + "alone.");
        md.line("- Rates count successful commands only; failures, if any, are listed below.");
        md.line("");
    }

    private String startups() {
        List<String> parts = new ArrayList<>();
        for (Setup s : r.ran()) {
            Double seconds = r.num(s, "startup.s");
            if (seconds != null) {
                parts.add(s.id + " " + f1(seconds) + " s");
            }
        }
        return parts.isEmpty() ? "—" : String.join(", ", parts);
    }

    private void notes() {
        md.line("## Notes from the run");
        md.line("");
        boolean any = false;
        for (Setup s : r.ran()) {
            for (String note : r.notes(s)) {
                md.line("- " + s.id + ": " + note);
                any = true;
            }
        }
        if (!any) {
            md.line("- No command failed; every read model caught up; every rebuild restored all cases.");
        }
        md.line("");
    }
}
