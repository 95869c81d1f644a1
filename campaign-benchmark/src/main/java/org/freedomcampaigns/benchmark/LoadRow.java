package org.freedomcampaigns.benchmark;

import static org.freedomcampaigns.benchmark.Markdown.div;
import static org.freedomcampaigns.benchmark.Markdown.f0;
import static org.freedomcampaigns.benchmark.Markdown.f2;
import static org.freedomcampaigns.benchmark.Markdown.x;
import static org.freedomcampaigns.benchmark.Setup.H2;
import static org.freedomcampaigns.benchmark.Setup.MEMORY;
import static org.freedomcampaigns.benchmark.Setup.PEER;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.mongodb.client.model.Filters;

/**
 * Row 2, the cost of recording a fact vs the case's history: commands on cases with 10 / 1,000 / 10,000 prior events
 * against a fresh case, with a warm aggregate cache, a cold one (the service restarted with a cache of one) and
 * through HTTP; its section, goals and observations of the report.
 */
final class LoadRow {
    static final String WARM_STEP = "row 2 loads (warm cache)";
    static final String COLD_STEP = "row 2 loads (cold cache)";

    /** The cases of row 2: a fresh one and one per prior-history size. */
    private record LoadCases(String campaign, String fresh, Map<Integer, String> byPrior) {
        List<String> ordered() {
            List<String> all = new ArrayList<>();
            all.add(fresh);
            all.addAll(byPrior.values());
            return all;
        }

        List<String> labels() {
            List<String> labels = new ArrayList<>();
            labels.add("fresh");
            byPrior.keySet().forEach(p -> labels.add(String.valueOf(p)));
            return labels;
        }
    }

    private final Session session;
    private final Plan plan;
    /** The cases of the warm run, which the cold run reuses where the store survives a restart. */
    private LoadCases warmCases;

    LoadRow(Session session) {
        this.session = session;
        this.plan = session.plan;
    }

    // ------------------------------------------------------------------------------------------------ workload

    /** The warm-cache and HTTP series, on the service as configured. */
    void warm(App app, String campaign) throws Exception {
        warmCases = prefillLoadCases(app, campaign, "warm");
        loads(app, warmCases, "warm");
        loadsHttp(app, warmCases);
    }

    private LoadCases prefillLoadCases(App app, String campaign, String mode) throws SQLException {
        Map<Integer, String> byPrior = new LinkedHashMap<>();
        for (int prior : plan.priors()) {
            byPrior.put(prior, UUID.randomUUID().toString());
        }
        byPrior.values().forEach(id -> app.gateway.sendAndWait(Commands.openCase(campaign, id)));
        session.opened(byPrior.size());
        List<Integer> priors = new ArrayList<>(byPrior.keySet());
        long t0 = System.nanoTime();
        // one thread per case (a case's commands are sequential); events = the opening + (prior - 1) letters; the
        // read models are paused meanwhile and catch up afterwards (untimed)
        app.pauseProcessors();
        Load.Run run = Load.run(priors.size(), 1, (c, i) -> {
            String id = byPrior.get(priors.get(c));
            for (int n = 1; n < priors.get(c); n++) {
                app.gateway.sendAndWait(Commands.letter(id));
            }
        });
        session.check(run, "prefilling the row-2 cases");
        int events = priors.stream().mapToInt(Integer::intValue).sum();
        session.log(String.format("prefilled %,d events on %d cases in %.1f s", events, priors.size(),
                                  (System.nanoTime() - t0) / 1e9));
        app.resumeProcessors();
        app.awaitCaughtUpOrFail(Session.CATCH_UP);
        String fresh = UUID.randomUUID().toString();
        app.gateway.sendAndWait(Commands.openCase(campaign, fresh));
        session.opened(1);
        app.awaitCaughtUpOrFail(Session.CATCH_UP);
        snapshots(app, byPrior, mode);
        return new LoadCases(campaign, fresh, byPrior);
    }

    /** Counts the prefilled cases of 100+ events that have a snapshot stored (the service snapshots every 100). */
    private void snapshots(App app, Map<Integer, String> byPrior, String mode) throws SQLException {
        List<String> ids = byPrior.entrySet().stream().filter(e -> e.getKey() >= 100).map(Map.Entry::getValue)
                                  .toList();
        if (ids.isEmpty()) {
            return;
        }
        long found;
        if (session.setup.peer) {
            try (Connection c = app.peerDatabase().connection();
                 PreparedStatement ps = c.prepareStatement(
                         "SELECT COUNT(DISTINCT aggregateIdentifier) FROM SnapshotEventEntry "
                                 + "WHERE aggregateIdentifier IN (" + String.join(",", ids.stream().map(i -> "?")
                                                                                        .toList()) + ")")) {
                for (int i = 0; i < ids.size(); i++) {
                    ps.setString(i + 1, ids.get(i));
                }
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    found = rs.getLong(1);
                }
            }
        } else {
            found = app.database.getCollection("event_snapshots").countDocuments(Filters.in("_id", ids));
        }
        session.put("snapshots", found + " of " + ids.size());
        session.log("snapshots stored for the prefilled cases of 100+ events: " + found + " of " + ids.size());
        if (found < ids.size()) {
            session.note("row 2 (" + mode + "): only " + found + " of the " + ids.size()
                                 + " prefilled cases with 100 or "
                                 + "more events had a snapshot stored, so a cold load replays their whole history");
        }
    }

    /**
     * Times {@code loadN} commands on each case through the gateway, round-robin over the cases (so that, with a
     * cache of one aggregate, every command loads its case from the store), each timed alone: the read models catch
     * up (untimed) before the next one.
     */
    private void loads(App app, LoadCases cases, String mode) {
        List<String> ids = cases.ordered();
        List<String> labels = cases.labels();
        long[][] times = new long[ids.size()][plan.loadN()];
        int errors = 0;
        String firstError = null;
        long deadline = System.nanoTime() + plan.loadBudgetSeconds() * 1_000_000_000L;
        int rounds = 0;
        for (int i = 0; i < plan.loadN(); i++) {
            if (i >= 5 && System.nanoTime() > deadline) {
                break;
            }
            rounds++;
            for (int c = 0; c < ids.size(); c++) {
                long t0 = System.nanoTime();
                try {
                    app.gateway.sendAndWait(Commands.letter(ids.get(c)));
                } catch (RuntimeException e) {
                    errors++;
                    firstError = firstError == null ? e.toString() : firstError;
                }
                times[c][i] = System.nanoTime() - t0;
                settle(app);
            }
        }
        if (errors > 0) {
            session.note("row 2 (" + mode + "): " + errors + " commands failed, e.g. " + firstError);
        }
        session.put("load." + mode + ".n", (double) rounds);
        StringBuilder line = new StringBuilder(mode + " ms/command (" + rounds + " per case):");
        for (int c = 0; c < ids.size(); c++) {
            long[] sorted = Arrays.copyOf(times[c], rounds);
            Arrays.sort(sorted);
            double mean = Arrays.stream(sorted).average().orElse(Double.NaN) / 1e6;
            session.put("load." + mode + "." + labels.get(c) + ".mean", mean);
            session.put("load." + mode + "." + labels.get(c) + ".p50", Load.percentile(sorted, 0.5) / 1e6);
            session.put("load." + mode + "." + labels.get(c) + ".p99", Load.percentile(sorted, 0.99) / 1e6);
            line.append(String.format("  %s %.2f", labels.get(c), mean));
        }
        session.log(line.toString());
    }

    /**
     * Between the timed commands of row 2 (untimed): the read models catch up, then the embedded server's store is
     * committed. On the H2 backend a store commit writes every dirty page, read models included; without this, the
     * next command's durability commit would pay for the read-model writes of the previous command (e.g. the
     * timeline document of the 10,000-event case), charging them to whichever case comes next in the round.
     */
    private static void settle(App app) {
        app.awaitCaughtUp(Session.CATCH_UP);
        app.storeCommitter().commit();
    }

    /** The same through HTTP: the answer waits for the case's read models (summary, timeline, dashboard). */
    private void loadsHttp(App app, LoadCases cases) throws IOException, InterruptedException {
        List<String> ids = cases.ordered();
        List<String> labels = cases.labels();
        int n = plan.loadN();
        long[][] times = new long[ids.size()][n];
        Http http = new Http(app.port);
        long deadline = System.nanoTime() + plan.loadBudgetSeconds() * 1_000_000_000L;
        int rounds = 0;
        for (int i = 0; i < n; i++) {
            if (i >= 5 && System.nanoTime() > deadline) {
                break;
            }
            rounds++;
            for (int c = 0; c < ids.size(); c++) {
                long t0 = System.nanoTime();
                HttpResponse<String> response = http.post("/api/cases/" + ids.get(c) + "/letters",
                                                          Commands.LETTER_JSON);
                times[c][i] = System.nanoTime() - t0;
                if (response.statusCode() != 201) {
                    session.note("row 2 (HTTP): answered " + response.statusCode());
                }
                settle(app);
            }
        }
        session.put("load.http.n", (double) rounds);
        StringBuilder line = new StringBuilder("http ms/request (" + rounds + " per case):");
        for (int c = 0; c < ids.size(); c++) {
            long[] sorted = Arrays.copyOf(times[c], rounds);
            Arrays.sort(sorted);
            double mean = Arrays.stream(sorted).average().orElse(Double.NaN) / 1e6;
            session.put("load.http." + labels.get(c) + ".mean", mean);
            session.put("load.http." + labels.get(c) + ".p50", Load.percentile(sorted, 0.5) / 1e6);
            line.append(String.format("  %s %.2f", labels.get(c), mean));
        }
        session.log(line.toString());
    }

    /**
     * The same commands with an aggregate cache of one entry: every command reads its case from the store (snapshot
     * by id, then the events after it by exact commit keys for ours). A persistent store ({@code dir}, once the warm
     * service is closed) is reopened as it is; the memory backend starts empty, so its cases are prefilled again.
     */
    void cold(Path dir) throws Exception {
        Setup setup = session.setup;
        LoadCases warm = warmCases;
        Path coldDir = setup.persistent() && warm != null ? dir : Files.createTempDirectory("campaign-bench-cold-");
        try (App app = App.start(setup, coldDir, session.logFile, "--campaign.aggregates.cache-size=1")) {
            LoadCases cases;
            if (coldDir == dir) {
                app.awaitCaughtUpOrFail(Session.CATCH_UP);
                String fresh = UUID.randomUUID().toString();
                app.gateway.sendAndWait(Commands.openCase(warm.campaign(), fresh));
                app.awaitCaughtUpOrFail(Session.CATCH_UP);
                cases = new LoadCases(warm.campaign(), fresh, warm.byPrior());
                session.put("load.cold.storeEvents", (double) app.head() + 1);
            } else {
                String campaign = Commands.launchCampaign(app);
                cases = prefillLoadCases(app, campaign, "cold");
                session.put("load.cold.storeEvents", (double) app.head() + 1);
            }
            loads(app, cases, "cold");
        } finally {
            if (coldDir != dir) {
                Workload.deleteRecursively(coldDir);
            }
        }
    }

    // -------------------------------------------------------------------------------------------------- report

    /** The largest history ÷ a fresh case, warm and cold, judged on ours (memory, H2); the peer's for comparison. */
    static void goals(GoalTable goals, Plan plan, Results r) {
        int largest = plan.largestPrior();
        for (String mode : List.of("warm", "cold")) {
            GoalTable.Line line = goals.line(mode.equals("warm") ? Goal.FLAT_LOADS_WARM : Goal.FLAT_LOADS_COLD);
            for (Setup s : List.of(MEMORY, H2)) {
                Double ratio = div(r.num(s, "load." + mode + "." + largest + ".mean"),
                                   r.num(s, "load." + mode + ".fresh.mean"));
                if (ratio != null) {
                    Double p50 = div(r.num(s, "load." + mode + "." + largest + ".p50"),
                                     r.num(s, "load." + mode + ".fresh.p50"));
                    line.judge(s.id + " " + x(ratio) + " (p50 " + x(p50) + ")", ratio);
                }
            }
            Double peer = div(r.num(PEER, "load." + mode + "." + largest + ".mean"),
                              r.num(PEER, "load." + mode + ".fresh.mean"));
            if (peer != null) {
                line.quote("(peer " + x(peer) + ")");
            }
        }
    }

    static void section(Markdown md, Plan plan, Results r) {
        md.line("## 2. Cost of recording a fact vs the case's history (ms per command, mean; ratios to a fresh case: "
                        + "of the means, and of the medians)");
        md.line("");
        md.line("Cases are prefilled through the gateway (the opening event, then letters) to the given number of "
                        + "events (read models paused, then caught up); then up to " + plan.loadN() + " letters are "
                        + "recorded on each case, round-robin over the "
                        + "cases, one command at a time, the read models catching up and the embedded server's store "
                        + "being committed (untimed) between commands, so that a command's durable commit does not "
                        + "carry the previous command's read-model writes. "
                        + "*Warm*: the service as configured (aggregate cache of 10,000, snapshot every 100 events). "
                        + "*Cold*: the service restarted with `--campaign.aggregates.cache-size=1` on the same store "
                        + "(memory: a new store, prefilled again), so every command loads its case from the store "
                        + "(its latest snapshot, if one was stored, then the events after it). *HTTP*: the same "
                        + "through the API, in the warm service; "
                        + "the answer waits for the case's read models (a timeline entry is a document of its own, so "
                        + "the write does not grow with the case).");
        md.line("");
        List<String> labels = new ArrayList<>();
        labels.add("fresh");
        for (int prior : plan.priors()) {
            labels.add(String.valueOf(prior));
        }
        md.line("| prior events | memory, warm | memory, cold | H2, warm | H2, cold | peer, warm | peer, cold |");
        md.line("|---|---|---|---|---|---|---|");
        for (String label : labels) {
            StringBuilder row = new StringBuilder("| " + (label.equals("fresh") ? "fresh case (0 → "
                    + plan.loadN() + ")" : String.format("%,d", Integer.parseInt(label))));
            for (Setup s : List.of(MEMORY, H2, PEER)) {
                for (String mode : List.of("warm", "cold")) {
                    row.append(" | ").append(cell(r, s, mode, label));
                }
            }
            md.line(row.append(" |").toString());
        }
        md.line("");
        md.line("Through HTTP (ms per request, mean; ratio to a fresh case):");
        md.line("");
        md.line("| prior events | memory | H2 | peer |");
        md.line("|---|---|---|---|");
        for (String label : labels) {
            md.line("| " + (label.equals("fresh") ? "fresh case" : String.format("%,d", Integer.parseInt(label)))
                            + " | " + cell(r, MEMORY, "http", label) + " | " + cell(r, H2, "http", label) + " | "
                            + cell(r, PEER, "http", label) + " |");
        }
        md.line("");
        md.line("Commands timed per case (each series stops after " + plan.loadBudgetSeconds() + " s, with at least "
                        + "5 per case): " + String.join("; ", counts(r)) + ".");
        md.line("");
        md.line("Snapshots stored for the prefilled cases of 100 or more events (the service is configured to "
                        + "snapshot every 100): memory " + Markdown.str(r, MEMORY, "snapshots") + ", H2 "
                        + Markdown.str(r, H2, "snapshots") + ", peer " + Markdown.str(r, PEER, "snapshots") + ".");
        md.line("");
        md.line("p50 / p99 ms of the gateway commands: " + String.join("; ", p50p99(r, "warm", labels)) + ". Cold: "
                        + String.join("; ", p50p99(r, "cold", labels)) + ".");
        md.line("");
    }

    private static List<String> counts(Results r) {
        List<String> parts = new ArrayList<>();
        for (Setup s : List.of(MEMORY, H2, PEER)) {
            if (r.num(s, "load.warm.n") != null || r.num(s, "load.cold.n") != null) {
                parts.add(s.id + " warm " + f0(r.num(s, "load.warm.n")) + ", cold " + f0(r.num(s, "load.cold.n"))
                                  + ", HTTP " + f0(r.num(s, "load.http.n")));
            }
        }
        return parts;
    }

    private static List<String> p50p99(Results r, String mode, List<String> labels) {
        List<String> parts = new ArrayList<>();
        for (Setup s : List.of(MEMORY, H2, PEER)) {
            List<String> cells = new ArrayList<>();
            for (String label : labels) {
                Double p50 = r.num(s, "load." + mode + "." + label + ".p50");
                Double p99 = r.num(s, "load." + mode + "." + label + ".p99");
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

    /** A case's mean ms, with its ratios to the fresh case: of the means, and of the medians. */
    private static String cell(Results r, Setup s, String mode, String label) {
        Double mean = r.num(s, "load." + mode + "." + label + ".mean");
        Double fresh = r.num(s, "load." + mode + ".fresh.mean");
        if (mean == null) {
            return "—";
        }
        Double p50 = div(r.num(s, "load." + mode + "." + label + ".p50"), r.num(s, "load." + mode + ".fresh.p50"));
        return f2(mean) + " (" + x(div(mean, fresh)) + (p50 == null ? "" : "; p50 " + x(p50)) + ")";
    }

    /** Cold loads of the largest history ÷ a fresh case, with the snapshots stored; null if none ran. */
    static String coldObservation(Plan plan, Results r) {
        int largest = plan.largestPrior();
        List<String> cold = new ArrayList<>();
        for (Setup s : List.of(MEMORY, H2, PEER)) {
            Double ratio = div(r.num(s, "load.cold." + largest + ".mean"), r.num(s, "load.cold.fresh.mean"));
            String snapshots = r.str(s, "snapshots");
            if (ratio != null) {
                cold.add(s.id + " " + x(ratio) + (snapshots == null ? "" : " (snapshots stored: " + snapshots + ")"));
            }
        }
        if (cold.isEmpty()) {
            return null;
        }
        return "- Cold loads (aggregate cache of one): a case with " + String.format("%,d", largest)
                + " prior events costs " + String.join(", ", cold) + " of a fresh one. Where no snapshot "
                + "was stored, a cold load replays the whole history, so its cost grows with it; the "
                + "service log of the run says why (see the notes).";
    }

    /** HTTP on the largest history ÷ a fresh case, warm; null if none ran. */
    static String httpObservation(Plan plan, Results r) {
        int largest = plan.largestPrior();
        List<String> http = new ArrayList<>();
        for (Setup s : List.of(MEMORY, H2, PEER)) {
            Double ratio = div(r.num(s, "load.http." + largest + ".mean"), r.num(s, "load.http.fresh.mean"));
            if (ratio != null) {
                http.add(s.id + " " + x(ratio));
            }
        }
        if (http.isEmpty()) {
            return null;
        }
        return "- Through HTTP, recording a fact on the " + String.format("%,d", largest) + "-event case costs "
                + String.join(", ", http) + " of a fresh case, with a warm cache (the answer waits for the "
                + "case's read models).";
    }
}
