package org.freedomcampaigns.benchmark;

import static org.freedomcampaigns.benchmark.Setup.H2;
import static org.freedomcampaigns.benchmark.Setup.H2_NON_DURABLE;
import static org.freedomcampaigns.benchmark.Setup.MEMORY;
import static org.freedomcampaigns.benchmark.Setup.PEER;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Renders the results as Markdown: machine, command, goals, then one table per row of the issue. */
final class Report {
    private final Plan plan;
    private final Results r;
    private final Machine machine;
    private final String date;
    private final double minutes;
    private final StringBuilder out = new StringBuilder();

    Report(Plan plan, Results results, Machine machine, String date, double minutes) {
        this.plan = plan;
        this.r = results;
        this.machine = machine;
        this.date = date;
        this.minutes = minutes;
    }

    String render() {
        line("# Storage benchmarks");
        line("");
        line("Written by `campaign-benchmark` (a plain `main`, not JMH); re-run it rather than editing this file.");
        line("");
        line("| | |");
        line("|---|---|");
        line("| date | " + date + " |");
        line("| machine | nproc " + machine.nproc() + ", memory " + machine.memory() + ", " + machine.cpu() + " |");
        line("| Java | " + machine.java() + "; max heap " + machine.maxHeap()
                     + (machine.jvmArgs().isEmpty() ? " (JVM defaults, no -Xmx)" : "; JVM args `" + machine.jvmArgs()
                + "`") + " |");
        line("| OS | " + machine.os() + " |");
        line("| command | `" + machine.command() + "` (run from the repository root) |");
        line("| mode | " + (plan.quick() ? "`--quick` (smoke run: small counts, not for conclusions)" : "default")
                     + String.format(Locale.ROOT, "; wall time %.1f min", minutes) + " |");
        line("");
        line("Setups (each a fresh data directory; the whole service runs in-process, HTTP on loopback):");
        line("");
        for (Setup setup : r.ran()) {
            line("- **" + setup.id + "**: " + setup.title + ".");
        }
        line("");
        line("The machine may be shared: the CPU time other processes used while each setup ran is measured "
                     + "(`/proc/stat` minus this JVM) and shown here; figures taken while others used a good share of "
                     + "the " + machine.nproc() + " cores are low by that much.");
        line("");
        List<String> steps = List.of("row 1 appends", "row 4 lag", "row 2 loads (warm cache)", "row 3 rebuild",
                                     "row 2 loads (cold cache)");
        line("| setup | minutes | other processes' CPU, mean (cores) | of which in: " + String.join(" / ", steps)
                     + " | service warnings/errors logged |");
        line("|---|---|---|---|---|");
        for (Setup setup : r.ran()) {
            List<String> perStep = new ArrayList<>();
            for (String step : steps) {
                perStep.add(f2(num(setup, "cpu.step." + step)));
            }
            line("| " + setup.id + " | " + f1(num(setup, "setup.minutes")) + " | " + f2(num(setup, "cpu.others"))
                         + " | " + String.join(" / ", perStep) + " | " + f0(num(setup, "log.warnings")) + " |");
        }
        line("");
        line("Each timed run of row 1 during which other processes took more than 0.35 cores was repeated (default "
                     + "mode, at most twice, after waiting for a quieter moment) and the least disturbed attempt "
                     + "kept; the others' CPU during the kept runs of row 1 (1 / 8 clients): "
                     + String.join("; ", row1Others()) + ".");
        line("");
        goals();
        appends();
        loads();
        rebuild();
        lag();
        heap();
        observations();
        method();
        notes();
        return out.toString();
    }

    // ---------------------------------------------------------------------------------------------- goals

    private void goals() {
        line("## Goals");
        line("");
        line("| goal | target | measured | verdict |");
        line("|---|---|---|---|");
        int largest = plan.priors()[plan.priors().length - 1];
        String prior = String.format("%,d", largest);
        for (String mode : List.of("warm", "cold")) {
            List<String> parts = new ArrayList<>();
            List<Boolean> ok = new ArrayList<>();
            for (Setup s : List.of(MEMORY, H2)) {
                Double ratio = div(num(s, "load." + mode + "." + largest + ".mean"),
                                   num(s, "load." + mode + ".fresh.mean"));
                if (ratio != null) {
                    Double p50 = div(num(s, "load." + mode + "." + largest + ".p50"),
                                     num(s, "load." + mode + ".fresh.p50"));
                    parts.add(s.id + " " + x(ratio) + " (p50 " + x(p50) + ")");
                    ok.add(ratio <= 1.5);
                }
            }
            Double peer = div(num(PEER, "load." + mode + "." + largest + ".mean"), num(PEER, "load." + mode
                    + ".fresh.mean"));
            if (peer != null) {
                parts.add("(peer " + x(peer) + ")");
            }
            goal("flat loads, " + mode + " aggregate cache: a fact on a case with " + prior
                         + " prior events vs a fresh case (gateway, mean ms per command; verdict on the mean)",
                 "≤ 1.5×", parts, ok);
        }
        {
            List<String> parts = new ArrayList<>();
            List<Boolean> ok = new ArrayList<>();
            for (Setup s : List.of(MEMORY, H2)) {
                Double ratio = div(num(s, "rebuild.rate"), num(s, "scan.rate"));
                if (ratio != null) {
                    parts.add(s.id + " " + pct(ratio));
                    ok.add(ratio >= 0.25);
                }
            }
            Double peer = div(num(PEER, "rebuild.rate"), num(PEER, "scan.rate"));
            if (peer != null) {
                parts.add("(peer " + pct(peer) + " of its own JDBC scan)");
            }
            goal("rebuild of all read models vs raw driver scan of the stored events", "≥ 25%", parts, ok);
            List<String> one = new ArrayList<>();
            List<Boolean> oneOk = new ArrayList<>();
            for (Setup s : List.of(MEMORY, H2)) {
                Double ratio = div(num(s, "rebuildOne.rate"), num(s, "scan.rate"));
                if (ratio != null) {
                    one.add(s.id + " " + pct(ratio));
                    oneOk.add(ratio >= 0.25);
                }
            }
            Double peerOne = div(num(PEER, "rebuildOne.rate"), num(PEER, "scan.rate"));
            if (peerOne != null) {
                one.add("(peer " + pct(peerOne) + ")");
            }
            goal("(same, one read model alone: the case summaries)", "≥ 25%", one, oneOk);
        }
        {
            List<String> parts = new ArrayList<>();
            List<Boolean> ok = new ArrayList<>();
            for (Setup s : List.of(MEMORY, H2)) {
                Double bytes = num(s, "token.bytes");
                if (bytes != null) {
                    parts.add(s.id + " " + f0(bytes) + " B (while a replay is marked: up to "
                                      + f0(num(s, "token.replay.max")) + " B)");
                    ok.add(bytes < 200);
                }
            }
            Double peer = num(PEER, "token.bytes");
            if (peer != null) {
                parts.add("(peer " + f0(peer) + " B)");
            }
            goal("tracking token stored per processor (largest of the four)", "< 200 bytes", parts, ok);
        }
        for (String path : List.of("gw", "http", "gwPaused")) {
            String name = path.equals("gw") ? "CommandGateway" : path.equals("http") ? "HTTP"
                    : "CommandGateway with the read models paused (write path alone)";
            Double durable = num(H2, path + ".8");
            Double nonDurable = num(H2_NON_DURABLE, path + ".8");
            Double raw = num(H2, "raw.8");
            List<String> parts = new ArrayList<>();
            List<Boolean> ok = new ArrayList<>();
            if (durable != null && nonDurable != null) {
                parts.add(f0(durable) + "/s durable vs " + f0(nonDurable) + "/s with the store commit off = "
                                  + x(durable / nonDurable));
                ok.add(durable / nonDurable >= 0.5);
            }
            if (durable != null && raw != null && !path.equals("http")) {
                parts.add("vs raw non-durable insertOne, 8 threads, " + f0(raw) + "/s = " + x(durable / raw));
                ok.add(durable / raw >= 0.5);
            }
            goal("durable appends, 8 clients, " + name + " (H2) vs the non-durable rate", "≥ 0.5×", parts, ok);
            Double peer = num(PEER, path + ".8");
            List<String> vs = new ArrayList<>();
            List<Boolean> beat = new ArrayList<>();
            if (durable != null && peer != null) {
                vs.add(f0(durable) + "/s vs peer " + f0(peer) + "/s = " + x(durable / peer));
                beat.add(durable > peer);
            }
            goal("durable appends, 8 clients, " + name + ": ours (H2) vs the peer (JDBC on H2, WRITE_DELAY=0)",
                 "> 1×", vs, beat);
        }
        line("");
    }

    private void goal(String goal, String target, List<String> parts, List<Boolean> ok) {
        String verdict = ok.isEmpty() ? "not measured" : ok.stream().allMatch(b -> b) ? "**met**"
                : ok.stream().noneMatch(b -> b) ? "**missed**" : "**partly missed**";
        line("| " + goal + " | " + target + " | " + (parts.isEmpty() ? "—" : String.join("; ", parts)) + " | "
                     + verdict + " |");
    }

    private List<String> row1Others() {
        List<String> parts = new ArrayList<>();
        for (Setup s : r.ran()) {
            List<String> cells = new ArrayList<>();
            for (String path : List.of("raw", "rawDurable", "gw", "http", "gwPaused")) {
                Double one = num(s, path + ".1.others");
                Double eight = num(s, path + ".8.others");
                if (one != null || eight != null) {
                    cells.add(path + " " + f2(one) + " / " + f2(eight));
                }
            }
            if (!cells.isEmpty()) {
                parts.add(s.id + ": " + String.join(", ", cells));
            }
        }
        return parts;
    }

    // ------------------------------------------------------------------------------------------- row 1

    private void appends() {
        line("## 1. Append throughput (commands/s; letters recorded on existing cases)");
        line("");
        line("Each client writes round-robin to its own " + plan.casesPerClient() + " cases; 1 client: "
                     + String.format("%,d", plan.append1()) + " commands, 8 clients: 8 × "
                     + String.format("%,d", plan.append8PerClient()) + ", after a warm-up of "
                     + String.format("%,d", plan.warmup()) + " gateway and " + String.format("%,d", plan.warmup())
                     + " HTTP commands. Ratios in brackets are to the raw baseline of the same column and thread "
                     + "count (*raw* = insertOne, not durable; *durable raw* = insertOne then the H2 store's "
                     + "`commit()` for ours, an auto-committed JDBC insert with WRITE_DELAY=0 for the peer). "
                     + "Raw documents are copies of stored commit documents (average size: memory "
                     + f0(num(MEMORY, "doc.bytes")) + " B, H2 " + f0(num(H2, "doc.bytes")) + " B); the peer's raw "
                     + "rows carry a BLOB as large as its average event row (" + f0(num(PEER, "doc.bytes")) + " B).");
        line("");
        line("| path | clients | ours, memory | ours, H2 (durable) | ours, H2, commit off | peer, JDBC H2 (durable) "
                     + "| H2 durable ÷ peer |");
        line("|---|---|---|---|---|---|---|");
        for (String path : List.of("http", "gw", "gwPaused")) {
            for (String clients : List.of("1", "8")) {
                String key = path + "." + clients;
                String name = path.equals("http") ? "HTTP `POST /api/cases/{id}/letters` (waits for read models)"
                        : path.equals("gw") ? "`CommandGateway.sendAndWait(RecordLetter)`"
                        : "same, read-model processors shut down (the write path alone)";
                line("| " + name + " | " + clients
                             + " | " + rate(MEMORY, key, ratio(MEMORY, key, MEMORY, "raw." + clients, "raw"))
                             + " | " + rate(H2, key, ratio(H2, key, H2, "rawDurable." + clients, "durable raw"),
                                            ratio(H2, key, H2, "raw." + clients, "raw"))
                             + " | " + rate(H2_NON_DURABLE, key, ratio(H2_NON_DURABLE, key, H2, "raw." + clients,
                                                                       "raw"))
                             + " | " + rate(PEER, key, ratio(PEER, key, PEER, "raw." + clients, "durable raw"))
                             + " | " + x(div(num(H2, key), num(PEER, key))) + " |");
            }
        }
        for (String clients : List.of("1", "8")) {
            line("| raw insertOne, not durable (same embedded server) | " + clients + " | "
                         + rate(MEMORY, "raw." + clients) + " | " + rate(H2, "raw." + clients) + " | (= H2) | "
                         + "n/a (every JDBC insert below is durable) | |");
        }
        for (String clients : List.of("1", "8")) {
            line("| durable raw: insertOne + H2 `commit()` / JDBC insert, WRITE_DELAY=0 | " + clients
                         + " | n/a (memory) | " + rate(H2, "rawDurable." + clients) + " | | "
                         + rate(PEER, "raw." + clients) + " | " + x(div(num(H2, "rawDurable." + clients),
                                                                         num(PEER, "raw." + clients))) + " |");
        }
        line("| raw batches of 100 (insertMany; + `commit()` / one JDBC transaction), documents/s | 1 | "
                     + rate(MEMORY, "raw.many") + " | " + rate(H2, "raw.many") + " not durable, "
                     + rate(H2, "rawDurable.many") + " durable | | " + rate(PEER, "raw.many") + " | |");
        line("");
        line("Latency of the same runs, p50 / p99 ms:");
        line("");
        line("| path | clients | ours, memory | ours, H2 (durable) | ours, H2, commit off | peer |");
        line("|---|---|---|---|---|---|");
        for (String path : List.of("http", "gw", "gwPaused")) {
            for (String clients : List.of("1", "8")) {
                String key = path + "." + clients;
                line("| " + (path.equals("http") ? "HTTP" : path.equals("gw") ? "gateway" : "gateway, RM paused")
                             + " | " + clients + " | "
                             + latency(MEMORY, key) + " | " + latency(H2, key) + " | " + latency(H2_NON_DURABLE, key)
                             + " | " + latency(PEER, key) + " |");
            }
        }
        line("");
    }

    private String rate(Setup s, String key, String... ratios) {
        Double value = num(s, key);
        if (value == null) {
            return "—";
        }
        List<String> rs = new ArrayList<>();
        for (String ratio : ratios) {
            if (ratio != null) {
                rs.add(ratio);
            }
        }
        return f0(value) + (rs.isEmpty() ? "" : " (" + String.join(", ", rs) + ")");
    }

    private String ratio(Setup s, String key, Setup base, String baseKey, String name) {
        Double ratio = div(num(s, key), num(base, baseKey));
        return ratio == null ? null : x(ratio) + " " + name;
    }

    private String latency(Setup s, String key) {
        Double p50 = num(s, key + ".p50");
        Double p99 = num(s, key + ".p99");
        return p50 == null ? "—" : f2(p50) + " / " + f2(p99);
    }

    // ------------------------------------------------------------------------------------------- row 2

    private void loads() {
        line("## 2. Cost of recording a fact vs the case's history (ms per command, mean; ratios to a fresh case: "
                     + "of the means, and of the medians)");
        line("");
        line("Cases are prefilled through the gateway (the opening event, then letters) to the given number of "
                     + "events (read models paused, then caught up); then up to " + plan.loadN() + " letters are "
                     + "recorded on each case, round-robin over the "
                     + "cases, one command at a time, the read models catching up and the embedded server's store "
                     + "being committed (untimed) between commands, so that a command's durable commit does not "
                     + "carry the previous command's read-model writes. "
                     + "*Warm*: the service as configured (aggregate cache of 10,000, snapshot every 100 events). "
                     + "*Cold*: the service restarted with `--campaign.aggregates.cache-size=1` on the same store "
                     + "(memory: a new store, prefilled again), so every command loads its case from the store "
                     + "(its latest snapshot, if one was stored, then the events after it). *HTTP*: the same through the API, in the warm service; "
                     + "the answer waits for the case's read models (a timeline entry is a document of its own, so "
                     + "the write does not grow with the case).");
        line("");
        List<String> labels = new ArrayList<>();
        labels.add("fresh");
        for (int prior : plan.priors()) {
            labels.add(String.valueOf(prior));
        }
        line("| prior events | memory, warm | memory, cold | H2, warm | H2, cold | peer, warm | peer, cold |");
        line("|---|---|---|---|---|---|---|");
        for (String label : labels) {
            StringBuilder row = new StringBuilder("| " + (label.equals("fresh") ? "fresh case (0 → "
                    + plan.loadN() + ")" : String.format("%,d", Integer.parseInt(label))));
            for (Setup s : List.of(MEMORY, H2, PEER)) {
                for (String mode : List.of("warm", "cold")) {
                    row.append(" | ").append(loadCell(s, mode, label));
                }
            }
            line(row.append(" |").toString());
        }
        line("");
        line("Through HTTP (ms per request, mean; ratio to a fresh case):");
        line("");
        line("| prior events | memory | H2 | peer |");
        line("|---|---|---|---|");
        for (String label : labels) {
            line("| " + (label.equals("fresh") ? "fresh case" : String.format("%,d", Integer.parseInt(label)))
                         + " | " + loadCell(MEMORY, "http", label) + " | " + loadCell(H2, "http", label) + " | "
                         + loadCell(PEER, "http", label) + " |");
        }
        line("");
        line("Commands timed per case (each series stops after " + plan.loadBudgetSeconds() + " s, with at least "
                     + "5 per case): " + String.join("; ", counts()) + ".");
        line("");
        line("Snapshots stored for the prefilled cases of 100 or more events (the service is configured to snapshot "
                     + "every 100): memory " + str(MEMORY, "snapshots") + ", H2 " + str(H2, "snapshots") + ", peer "
                     + str(PEER, "snapshots") + ".");
        line("");
        line("p50 / p99 ms of the gateway commands: " + String.join("; ", p50p99("warm", labels)) + ". Cold: "
                     + String.join("; ", p50p99("cold", labels)) + ".");
        line("");
    }

    private List<String> counts() {
        List<String> parts = new ArrayList<>();
        for (Setup s : List.of(MEMORY, H2, PEER)) {
            if (num(s, "load.warm.n") != null || num(s, "load.cold.n") != null) {
                parts.add(s.id + " warm " + f0(num(s, "load.warm.n")) + ", cold " + f0(num(s, "load.cold.n"))
                                  + ", HTTP " + f0(num(s, "load.http.n")));
            }
        }
        return parts;
    }

    private List<String> p50p99(String mode, List<String> labels) {
        List<String> parts = new ArrayList<>();
        for (Setup s : List.of(MEMORY, H2, PEER)) {
            List<String> cells = new ArrayList<>();
            for (String label : labels) {
                Double p50 = num(s, "load." + mode + "." + label + ".p50");
                Double p99 = num(s, "load." + mode + "." + label + ".p99");
                if (p50 != null) {
                    cells.add(label + " " + f2(p50) + "/" + f2(p99));
                }
            }
            if (!cells.isEmpty()) {
                parts.add(s.id + ": " + String.join(", ", cells));
            }
        }
        return parts;
    }

    private String loadCell(Setup s, String mode, String label) {
        Double mean = num(s, "load." + mode + "." + label + ".mean");
        Double fresh = num(s, "load." + mode + ".fresh.mean");
        if (mean == null) {
            return "—";
        }
        Double p50 = div(num(s, "load." + mode + "." + label + ".p50"), num(s, "load." + mode + ".fresh.p50"));
        return f2(mean) + " (" + x(div(mean, fresh)) + (p50 == null ? "" : "; p50 " + x(p50)) + ")";
    }

    // ------------------------------------------------------------------------------------------- row 3

    private void rebuild() {
        line("## 3. Read-model rebuild vs a raw scan of the stored events");
        line("");
        line("The store is topped up to " + String.format("%,d", plan.rebuildTarget()) + " events through the "
                     + "gateway (8 threads over " + String.format("%,d", plan.rebuildCases()) + " new cases, on top "
                     + "of the events of rows 1, 2 and 4), with the read-model processors shut down. The four "
                     + "tracking processors (case summary, timeline, campaign dashboard, officials) then have their "
                     + "tokens reset (which also empties the read models) and are started, each applying batches of "
                     + "up to 5,000 events (application.yml); the time runs from the reset until every processor's "
                     + "position reaches the head. Events/s = events in the store ÷ that time (each event is applied by all "
                     + "four read models). The raw scan reads every stored event with the driver in the same run "
                     + "(`event_commits.find()` for ours; `SELECT *` over `DomainEventEntry` for the peer), twice; "
                     + "the faster is shown. Then the case-summary processor alone is reset and timed the same way.");
        line("");
        line("| | ours, memory | ours, H2 | peer, JDBC H2 |");
        line("|---|---|---|---|");
        row3("events in the store", "store.events", Report::f0);
        row3("prefill through the gateway, 8 threads, read models paused (events/s)", "prefill.rate", Report::f0);
        row3("rebuild time (s)", "rebuild.s", Report::f1);
        row3("rebuild (events/s)", "rebuild.rate", Report::f0);
        row3("raw scan (events/s)", "scan.rate", Report::f0);
        line("| rebuild ÷ raw scan (goal ≥ 25%) | " + pct(div(num(MEMORY, "rebuild.rate"), num(MEMORY, "scan.rate")))
                     + " | " + pct(div(num(H2, "rebuild.rate"), num(H2, "scan.rate"))) + " | "
                     + pct(div(num(PEER, "rebuild.rate"), num(PEER, "scan.rate"))) + " |");
        row3("rebuild of the case summaries alone (events/s)", "rebuildOne.rate", Report::f0);
        line("| case summaries alone ÷ raw scan | " + pct(div(num(MEMORY, "rebuildOne.rate"), num(MEMORY, "scan.rate")))
                     + " | " + pct(div(num(H2, "rebuildOne.rate"), num(H2, "scan.rate"))) + " | "
                     + pct(div(num(PEER, "rebuildOne.rate"), num(PEER, "scan.rate"))) + " |");
        line("| rebuild, ours ÷ peer | " + x(div(num(MEMORY, "rebuild.rate"), num(PEER, "rebuild.rate"))) + " | "
                     + x(div(num(H2, "rebuild.rate"), num(PEER, "rebuild.rate"))) + " | |");
        row3("cases in the rebuilt case summaries", "rebuild.summaries", Report::f0);
        row3("tracking token, bytes (largest of the four, after the replay ended)", "token.bytes", Report::f0);
        row3("tracking token, bytes, largest seen while a replay is marked", "token.replay.max", Report::f0);
        line("| token type | " + str(MEMORY, "token.type") + " | " + str(H2, "token.type") + " | "
                     + str(PEER, "token.type") + " |");
        line("");
        line("A stored token (H2): `" + str(H2, "token.sample") + "`. While a replay is marked, Axon stores its "
                     + "`ReplayToken` wrapper (the token at reset plus the current token, as JSON) instead.");
        line("");
    }

    private void row3(String name, String key, java.util.function.Function<Double, String> format) {
        line("| " + name + " | " + opt(num(MEMORY, key), format) + " | " + opt(num(H2, key), format) + " | "
                     + opt(num(PEER, key), format) + " |");
    }

    // ------------------------------------------------------------------------------------------- row 4

    private void lag() {
        line("## 4. Projection lag under load (8 HTTP clients)");
        line("");
        line("8 clients × " + plan.lagPerClient() + " requests: each posts a letter, then GETs the case summary "
                     + "until its `version` reaches the sequence of the 201 (the API answers only after the case's "
                     + "read models applied the write, so the first GET should show it). \"201 → visible\" runs "
                     + "from receiving the 201 to receiving the GET that shows the write: it is the GET's own "
                     + "round trip when nothing is waited for.");
        line("");
        line("| | ours, memory | ours, H2 | peer, JDBC H2 |");
        line("|---|---|---|---|");
        line("| 201 latency p50 / p99 (ms) | " + pair(MEMORY, "lag.post") + " | " + pair(H2, "lag.post") + " | "
                     + pair(PEER, "lag.post") + " |");
        line("| 201 → GET shows it, p50 / p99 (ms) | " + pair(MEMORY, "lag.extra") + " | " + pair(H2, "lag.extra")
                     + " | " + pair(PEER, "lag.extra") + " |");
        line("| first GET already showed the write | " + opt(num(MEMORY, "lag.firstGet.pct"), Report::pctRaw)
                     + " | " + opt(num(H2, "lag.firstGet.pct"), Report::pctRaw) + " | "
                     + opt(num(PEER, "lag.firstGet.pct"), Report::pctRaw) + " |");
        line("| throughput of the run (POST + GET pairs/s) | " + opt(num(MEMORY, "lag.rate"), Report::f0) + " | "
                     + opt(num(H2, "lag.rate"), Report::f0) + " | " + opt(num(PEER, "lag.rate"), Report::f0) + " |");
        line("");
    }

    private String pair(Setup s, String key) {
        Double p50 = num(s, key + ".p50");
        return p50 == null ? "—" : f2(p50) + " / " + f2(num(s, key + ".p99"));
    }

    // ------------------------------------------------------------------------------------------- row 5

    private void heap() {
        line("## 5. Heap in use after loading the events");
        line("");
        line("After the rebuild of row 3 (" + String.format("%,d", plan.rebuildTarget()) + "+ events stored and "
                     + "applied to the read models), `System.gc()` four times, then `totalMemory − freeMemory`. "
                     + "The baseline is the same measure just before that setup's service started (previous "
                     + "setups' services closed). The largest classes come from a class histogram. With the memory "
                     + "backend the whole store (events, read models, tokens) lives in this heap; with H2 only its "
                     + "page cache does.");
        line("");
        line("| | ours, memory | ours, H2 | peer, JDBC H2 |");
        line("|---|---|---|---|");
        row3("heap in use after GC (MB)", "heap.usedMB", Report::f0);
        row3("baseline before the service started (MB)", "heap.baselineMB", Report::f0);
        line("| increase (MB) | " + f0(diff(num(MEMORY, "heap.usedMB"), num(MEMORY, "heap.baselineMB"))) + " | "
                     + f0(diff(num(H2, "heap.usedMB"), num(H2, "heap.baselineMB"))) + " | "
                     + f0(diff(num(PEER, "heap.usedMB"), num(PEER, "heap.baselineMB"))) + " |");
        line("| largest classes | " + str(MEMORY, "heap.top") + " | " + str(H2, "heap.top") + " | "
                     + str(PEER, "heap.top") + " |");
        line("");
    }

    // ------------------------------------------------------------------------------------- observations

    private void observations() {
        line("## Observations (computed from the figures above)");
        line("");
        List<String> kept = new ArrayList<>();
        for (Setup s : List.of(MEMORY, H2, H2_NON_DURABLE, PEER)) {
            Double one = div(num(s, "gw.1"), num(s, "gwPaused.1"));
            Double eight = div(num(s, "gw.8"), num(s, "gwPaused.8"));
            if (one != null && eight != null) {
                kept.add(s.id + " " + pct(one) + " / " + pct(eight));
            }
        }
        if (!kept.isEmpty()) {
            line("- Read models running vs paused: with the four tracking processors running, gateway appends keep "
                         + "this share of the rate they reach with the processors shut down (1 / 8 clients): "
                         + String.join(", ", kept) + ". The processors' own work on the same 2 cores — fetching "
                         + "the new events, applying them, storing tokens — is what the difference costs.");
        }
        Double durable = div(num(H2, "gwPaused.8"), num(H2_NON_DURABLE, "gwPaused.8"));
        Double durableOne = div(num(H2, "gwPaused.1"), num(H2_NON_DURABLE, "gwPaused.1"));
        if (durable != null && durableOne != null) {
            line("- Cost of durability on the write path alone (H2 with the store commit ÷ without): 1 client "
                         + x(durableOne) + ", 8 clients " + x(durable) + ". Group commit: 8 clients reach "
                         + x(div(num(H2, "gwPaused.8"), num(H2, "gwPaused.1"))) + " the 1-client durable rate "
                         + "(raw insertOne + commit: " + x(div(num(H2, "rawDurable.8"), num(H2, "rawDurable.1")))
                         + "; the peer's gateway: " + x(div(num(PEER, "gwPaused.8"), num(PEER, "gwPaused.1")))
                         + ").");
        }
        int largest = plan.priors()[plan.priors().length - 1];
        List<String> cold = new ArrayList<>();
        for (Setup s : List.of(MEMORY, H2, PEER)) {
            Double ratio = div(num(s, "load.cold." + largest + ".mean"), num(s, "load.cold.fresh.mean"));
            String snapshots = r.str(s, "snapshots");
            if (ratio != null) {
                cold.add(s.id + " " + x(ratio) + (snapshots == null ? "" : " (snapshots stored: " + snapshots + ")"));
            }
        }
        if (!cold.isEmpty()) {
            line("- Cold loads (aggregate cache of one): a case with " + String.format("%,d", largest)
                         + " prior events costs " + String.join(", ", cold) + " of a fresh one. Where no snapshot "
                         + "was stored, a cold load replays the whole history, so its cost grows with it; the "
                         + "service log of the run says why (see the notes).");
        }
        List<String> http = new ArrayList<>();
        for (Setup s : List.of(MEMORY, H2, PEER)) {
            Double ratio = div(num(s, "load.http." + largest + ".mean"), num(s, "load.http.fresh.mean"));
            if (ratio != null) {
                http.add(s.id + " " + x(ratio));
            }
        }
        if (!http.isEmpty()) {
            line("- Through HTTP, recording a fact on the " + String.format("%,d", largest) + "-event case costs "
                         + String.join(", ", http) + " of a fresh case, with a warm cache (the answer waits for the "
                         + "case's read models).");
        }
        List<String> lagging = new ArrayList<>();
        for (Setup s : List.of(MEMORY, H2, PEER)) {
            Double ratio = div(num(s, "http.1"), num(s, "gw.1"));
            if (ratio != null) {
                lagging.add(s.id + " " + x(ratio));
            }
        }
        if (!lagging.isEmpty()) {
            line("- HTTP (which waits for the read models) vs the gateway, 1 client: " + String.join(", ", lagging)
                         + ".");
        }
        line("");
    }

    // ---------------------------------------------------------------------------------------- method, notes

    private void method() {
        line("## How it runs");
        line("");
        line("- One JVM. For each setup the Spring Boot service `CampaignTrackerApplication` is started in-process "
                     + "with `SpringApplicationBuilder` (`--server.port=0`, `--campaign.storage.embedded.backend=…`, "
                     + "a temporary `--campaign.storage.embedded.data-dir`), exercised, and closed. Start-up took "
                     + startups() + ".");
        line("- HTTP clients use `java.net.http.HttpClient` (HTTP/1.1, kept-alive connections) on loopback and sign "
                     + "in with HTTP Basic as an admin configured with a bcrypt hash (the service remembers a verified "
                     + "password for 10 minutes, so the hash is checked once); gateway clients call "
                     + "`CommandGateway.sendAndWait` on the service's own bean.");
        line("- *ours, H2, commit off* is the same service with its `StoreCommitter` bean replaced by a no-op "
                     + "(a `BeanPostProcessor` added by the benchmark): the engine still group-commits, but the H2 "
                     + "store is not committed before the answer (H2 then writes about once a second by itself).");
        line("- *peer* is the same service with an `@Primary` `EventStorageEngine` bean added by the benchmark: "
                     + "Axon's `JdbcEventStorageEngine` (Axon's table layout from `AbstractEventTableFactory` with H2's identity "
                     + "syntax — H2 2.x rejects `HsqlEventTableFactory`'s `(START WITH 0, INCREMENT BY 1)`; "
                     + "batch size 1,000; H2 connection pool, auto-commit, `NoTransactionManager`) on "
                     + "`jdbc:h2:file:…/peer;WRITE_DELAY=0`. Everything else is unchanged: aggregates with the same "
                     + "cache and snapshot settings, the four tracking processors and read models and the token "
                     + "store on the embedded server (H2 backend). So its rows compare the event store alone.");
        line("- Rates count successful commands only; failures, if any, are listed below.");
        line("");
    }

    private String startups() {
        List<String> parts = new ArrayList<>();
        for (Setup s : r.ran()) {
            Double seconds = num(s, "startup.s");
            if (seconds != null) {
                parts.add(s.id + " " + f1(seconds) + " s");
            }
        }
        return parts.isEmpty() ? "—" : String.join(", ", parts);
    }

    private void notes() {
        line("## Notes from the run");
        line("");
        boolean any = false;
        for (Setup s : r.ran()) {
            for (String note : r.notes(s)) {
                line("- " + s.id + ": " + note);
                any = true;
            }
        }
        if (!any) {
            line("- No command failed; every read model caught up; every rebuild restored all cases.");
        }
        line("");
    }

    // -------------------------------------------------------------------------------------------- format

    private void line(String text) {
        out.append(text).append('\n');
    }

    private Double num(Setup s, String key) {
        return r.num(s, key);
    }

    private String str(Setup s, String key) {
        String value = r.str(s, key);
        return value == null ? "—" : value;
    }

    private static Double div(Double a, Double b) {
        return a == null || b == null || b == 0 ? null : a / b;
    }

    private static Double diff(Double a, Double b) {
        return a == null || b == null ? null : a - b;
    }

    private static String opt(Double value, java.util.function.Function<Double, String> format) {
        return value == null ? "—" : format.apply(value);
    }

    static String f0(Double value) {
        return value == null ? "—" : String.format(Locale.ROOT, "%,.0f", value);
    }

    static String f1(Double value) {
        return value == null ? "—" : String.format(Locale.ROOT, "%,.1f", value);
    }

    static String f2(Double value) {
        return value == null ? "—" : String.format(Locale.ROOT, "%.2f", value);
    }

    static String x(Double ratio) {
        return ratio == null ? "—" : String.format(Locale.ROOT, ratio < 0.1 ? "%.3f×" : "%.2f×", ratio);
    }

    static String pct(Double ratio) {
        return ratio == null ? "—" : String.format(Locale.ROOT, "%.0f%%", ratio * 100);
    }

    static String pctRaw(Double percent) {
        return percent == null ? "—" : String.format(Locale.ROOT, "%.1f%%", percent);
    }
}
