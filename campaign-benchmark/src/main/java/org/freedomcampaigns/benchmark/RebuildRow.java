package org.freedomcampaigns.benchmark;

import static org.freedomcampaigns.benchmark.Markdown.div;
import static org.freedomcampaigns.benchmark.Markdown.f0;
import static org.freedomcampaigns.benchmark.Markdown.pct;
import static org.freedomcampaigns.benchmark.Markdown.x;
import static org.freedomcampaigns.benchmark.Setup.H2;
import static org.freedomcampaigns.benchmark.Setup.MEMORY;
import static org.freedomcampaigns.benchmark.Setup.PEER;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.axonframework.eventhandling.TrackingEventProcessor;
import org.bson.Document;
import org.bson.types.Binary;
import org.freedomcampaigns.tracker.projections.casesummary.CaseSummaryProjection;

/**
 * Row 3, the read-model rebuild: the store topped up to the plan's number of events, the four read models rebuilt
 * from it (then the case summaries alone) against a raw driver scan of the stored events, and the tracking tokens'
 * size; its section and goals of the report.
 */
final class RebuildRow {
    static final String STEP = "row 3 rebuild";

    private final Session session;
    private final Plan plan;

    RebuildRow(Session session) {
        this.session = session;
        this.plan = session.plan;
    }

    // ------------------------------------------------------------------------------------------------ workload

    void run(App app, String campaign) throws Exception {
        // top the store up to the target through the gateway: 8 threads over rebuildCases new cases
        long stored = app.head() + 1;
        // the read models are rebuilt from scratch below: they are paused while the store fills
        app.pauseProcessors();
        long t0 = System.nanoTime();
        List<String> cases = session.openCases(app, campaign, plan.rebuildCases());
        long remaining = Math.max(0, plan.rebuildTarget() - (app.head() + 1));
        int perClient = (int) ((remaining + 7) / 8);
        int share = cases.size() / 8;
        Load.Run fill = Load.run(8, perClient, (c, i) -> app.gateway.sendAndWait(
                Commands.letter(cases.get(c * share + i % share))));
        session.check(fill, "prefill for the rebuild");
        long added = app.head() + 1 - stored;
        session.put("prefill.rate", added / ((System.nanoTime() - t0) / 1e9));
        session.log(String.format("prefilled %,d events (%,.0f events/s through the gateway, 8 threads, RM paused)",
                                  added, added / ((System.nanoTime() - t0) / 1e9)));

        double[] scan1 = scan(app);
        session.put("store.events", scan1[0]);
        long headAtReset = app.head();
        List<TrackingEventProcessor> processors = app.processors();
        int[] maxToken = {0};
        long[] lastSample = {0};
        long start = System.nanoTime();
        processors.forEach(TrackingEventProcessor::resetTokens);
        processors.forEach(TrackingEventProcessor::start);
        boolean done = app.awaitProcessed(headAtReset, Duration.ofMinutes(60), 10, () -> {
            if (System.nanoTime() - lastSample[0] > 500_000_000L) {
                lastSample[0] = System.nanoTime();
                maxToken[0] = Math.max(maxToken[0], tokens(app).values().stream().mapToInt(Integer::intValue)
                                                                  .max().orElse(0));
            }
        });
        double seconds = (System.nanoTime() - start) / 1e9;
        if (!done) {
            session.note("rebuild did not finish within 60 min: " + app.status());
        }
        session.put("rebuild.s", seconds);
        session.put("rebuild.rate", scan1[0] / seconds);
        session.log(String.format("rebuilt 4 read models from %,.0f events in %.1f s: %,.0f events/s", scan1[0],
                                  seconds, scan1[0] / seconds));
        double[] scan2 = scan(app);
        double scanRate = Math.max(scan1[0] / scan1[1], scan2[0] / scan2[1]);
        session.put("scan.rate", scanRate);
        session.log(String.format("raw scan: %,.0f events in %.2f s and %.2f s: best %,.0f events/s", scan1[0],
                                  scan1[1], scan2[1], scanRate));

        long summaries = app.database.getCollection("case_summaries").countDocuments();
        session.put("rebuild.summaries", (double) summaries);
        if (summaries != session.casesOpened()) {
            session.note("after the rebuild case_summaries holds " + summaries + " cases, expected "
                                 + session.casesOpened());
        }
        Map<String, Integer> afterRebuild = tokens(app);
        maxToken[0] = Math.max(maxToken[0], afterRebuild.values().stream().mapToInt(Integer::intValue).max()
                                                        .orElse(0));
        session.put("token.replay.max", (double) maxToken[0]);
        // one more event ends the replay: the stored tokens are then plain again (a processor that does not handle
        // the event stores its token a little later)
        app.gateway.sendAndWait(Commands.letter(cases.get(0)));
        app.awaitCaughtUpOrFail(Session.CATCH_UP);
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (tokenTypes(app).contains("ReplayToken") && System.nanoTime() < deadline) {
            App.sleep(100);
        }
        Map<String, Integer> plain = tokens(app);
        session.put("token.bytes", (double) plain.values().stream().mapToInt(Integer::intValue).max().orElse(-1));
        session.put("token.type", tokenTypes(app));
        session.put("token.sample", tokenSample(app));
        session.log("tokens (bytes) during/after replay max " + maxToken[0] + ", plain " + plain);

        // one read model alone: the case summaries
        TrackingEventProcessor summary = processors.stream()
                                                   .filter(p -> p.getName().equals(CaseSummaryProjection.NAME))
                                                   .findFirst().orElseThrow();
        long head = app.head();
        double events = scan1[0] + 1;
        summary.shutDown();
        long single = System.nanoTime();
        summary.resetTokens();
        summary.start();
        if (!app.awaitProcessed(head, Duration.ofMinutes(60), 10, () -> {
        })) {
            session.note("the case-summary rebuild did not finish within 60 min: " + app.status());
        }
        double singleSeconds = (System.nanoTime() - single) / 1e9;
        session.put("rebuildOne.s", singleSeconds);
        session.put("rebuildOne.rate", events / singleSeconds);
        session.log(String.format("rebuilt the case summaries alone in %.1f s: %,.0f events/s", singleSeconds,
                                  events / singleSeconds));
        // end that replay too
        app.gateway.sendAndWait(Commands.letter(cases.get(1)));
        app.awaitCaughtUpOrFail(Session.CATCH_UP);
    }

    /** Reads every stored event with the raw driver; returns {events, seconds}. */
    private double[] scan(App app) throws SQLException {
        long t0 = System.nanoTime();
        long events = 0;
        if (session.setup.peer) {
            try (Connection c = app.peerDatabase().connection(); Statement st = c.createStatement()) {
                st.setFetchSize(1_000);
                try (ResultSet rs = st.executeQuery(
                        "SELECT globalIndex, aggregateIdentifier, sequenceNumber, type, eventIdentifier, metaData, "
                                + "payload, payloadRevision, payloadType, timeStamp FROM DomainEventEntry "
                                + "ORDER BY globalIndex")) {
                    long bytes = 0;
                    while (rs.next()) {
                        rs.getLong(1);
                        bytes += rs.getString(2).length();
                        rs.getLong(3);
                        rs.getString(4);
                        rs.getString(5);
                        byte[] meta = rs.getBytes(6);
                        bytes += rs.getBytes(7).length + (meta == null ? 0 : meta.length);
                        rs.getString(8);
                        rs.getString(9);
                        rs.getString(10);
                        events++;
                    }
                    if (bytes < 0) {
                        throw new IllegalStateException();
                    }
                }
            }
        } else {
            for (Document commit : app.database.getCollection("event_commits").find().batchSize(1_000)) {
                events += commit.getList("events", Document.class).size();
            }
        }
        return new double[] {events, (System.nanoTime() - t0) / 1e9};
    }

    /** Size in bytes of each stored token, by processor. */
    private static Map<String, Integer> tokens(App app) {
        Map<String, Integer> sizes = new LinkedHashMap<>();
        for (Document entry : app.database.getCollection("trackingtokens").find()) {
            Object token = entry.get("token");
            int size;
            if (token instanceof Binary binary) {
                size = binary.getData().length;
            } else if (token instanceof byte[] bytes) {
                size = bytes.length;
            } else if (token instanceof String text) {
                size = text.getBytes(StandardCharsets.UTF_8).length;
            } else if (token instanceof Document document) {
                size = Bson.size(document);
            } else {
                size = token == null ? 0 : token.toString().length();
            }
            sizes.put(entry.getString("processorName") + "/" + entry.get("segment"), size);
        }
        return sizes;
    }

    /** The stored form of one token, as text. */
    private static String tokenSample(App app) {
        Document entry = app.database.getCollection("trackingtokens").find().first();
        Object token = entry == null ? null : entry.get("token");
        return token instanceof Binary binary ? new String(binary.getData(), StandardCharsets.UTF_8)
                : String.valueOf(token);
    }

    private static String tokenTypes(App app) {
        List<String> types = new ArrayList<>();
        for (Document entry : app.database.getCollection("trackingtokens").find()) {
            String type = entry.getString("tokenType");
            if (type != null && !types.contains(type)) {
                types.add(type.substring(type.lastIndexOf('.') + 1));
            }
        }
        return String.join(", ", types.stream().distinct().toList());
    }

    // -------------------------------------------------------------------------------------------------- report

    /** Rebuild ÷ raw scan (all read models, then the case summaries alone) and the token size, judged on ours. */
    static void goals(GoalTable goals, Results r) {
        GoalTable.Line all = goals.line(Goal.REBUILD_ALL);
        GoalTable.Line one = goals.line(Goal.REBUILD_ONE);
        GoalTable.Line token = goals.line(Goal.TOKEN_SIZE);
        for (Setup s : List.of(MEMORY, H2)) {
            Double ratio = div(r.num(s, "rebuild.rate"), r.num(s, "scan.rate"));
            if (ratio != null) {
                all.judge(s.id + " " + pct(ratio), ratio);
            }
            Double oneRatio = div(r.num(s, "rebuildOne.rate"), r.num(s, "scan.rate"));
            if (oneRatio != null) {
                one.judge(s.id + " " + pct(oneRatio), oneRatio);
            }
            Double bytes = r.num(s, "token.bytes");
            if (bytes != null) {
                token.judge(s.id + " " + f0(bytes) + " B (while a replay is marked: up to "
                                    + f0(r.num(s, "token.replay.max")) + " B)", bytes);
            }
        }
        Double peer = div(r.num(PEER, "rebuild.rate"), r.num(PEER, "scan.rate"));
        if (peer != null) {
            all.quote("(peer " + pct(peer) + " of its own JDBC scan)");
        }
        Double peerOne = div(r.num(PEER, "rebuildOne.rate"), r.num(PEER, "scan.rate"));
        if (peerOne != null) {
            one.quote("(peer " + pct(peerOne) + ")");
        }
        Double peerBytes = r.num(PEER, "token.bytes");
        if (peerBytes != null) {
            token.quote("(peer " + f0(peerBytes) + " B)");
        }
    }

    static void section(Markdown md, Plan plan, Results r) {
        md.line("## 3. Read-model rebuild vs a raw scan of the stored events");
        md.line("");
        md.line("The store is topped up to " + String.format("%,d", plan.rebuildTarget()) + " events through the "
                        + "gateway (8 threads over " + String.format("%,d", plan.rebuildCases()) + " new cases, on "
                        + "top of the events of rows 1, 2 and 4), with the read-model processors shut down. The four "
                        + "tracking processors (case summary, timeline, campaign dashboard, officials) then have their "
                        + "tokens reset (which also empties the read models) and are started, each applying batches "
                        + "of up to 5,000 events (application.yml); the time runs from the reset until every "
                        + "processor's position reaches the head. Events/s = events in the store ÷ that time (each "
                        + "event is applied by all four read models). The raw scan reads every stored event with the "
                        + "driver in the same run (`event_commits.find()` for ours; `SELECT *` over `DomainEventEntry` "
                        + "for the peer), twice; the faster is shown. Then the case-summary processor alone is reset "
                        + "and timed the same way.");
        md.line("");
        md.line("| | ours, memory | ours, H2 | peer, JDBC H2 |");
        md.line("|---|---|---|---|");
        md.setupRow("events in the store", r, "store.events", Markdown::f0);
        md.setupRow("prefill through the gateway, 8 threads, read models paused (events/s)", r, "prefill.rate",
                    Markdown::f0);
        md.setupRow("rebuild time (s)", r, "rebuild.s", Markdown::f1);
        md.setupRow("rebuild (events/s)", r, "rebuild.rate", Markdown::f0);
        md.setupRow("raw scan (events/s)", r, "scan.rate", Markdown::f0);
        md.line("| rebuild ÷ raw scan (goal " + Goal.REBUILD_ALL.target + ") | " + share(r, MEMORY, "rebuild.rate")
                        + " | " + share(r, H2, "rebuild.rate") + " | " + share(r, PEER, "rebuild.rate") + " |");
        md.setupRow("rebuild of the case summaries alone (events/s)", r, "rebuildOne.rate", Markdown::f0);
        md.line("| case summaries alone ÷ raw scan | " + share(r, MEMORY, "rebuildOne.rate") + " | "
                        + share(r, H2, "rebuildOne.rate") + " | " + share(r, PEER, "rebuildOne.rate") + " |");
        md.line("| rebuild, ours ÷ peer | " + x(div(r.num(MEMORY, "rebuild.rate"), r.num(PEER, "rebuild.rate")))
                        + " | " + x(div(r.num(H2, "rebuild.rate"), r.num(PEER, "rebuild.rate"))) + " | |");
        md.setupRow("cases in the rebuilt case summaries", r, "rebuild.summaries", Markdown::f0);
        md.setupRow("tracking token, bytes (largest of the four, after the replay ended)", r, "token.bytes",
                    Markdown::f0);
        md.setupRow("tracking token, bytes, largest seen while a replay is marked", r, "token.replay.max",
                    Markdown::f0);
        md.line("| token type | " + Markdown.str(r, MEMORY, "token.type") + " | " + Markdown.str(r, H2, "token.type")
                        + " | " + Markdown.str(r, PEER, "token.type") + " |");
        md.line("");
        md.line("A stored token (H2): `" + Markdown.str(r, H2, "token.sample") + "`. While a replay is marked, Axon "
                        + "stores its `ReplayToken` wrapper (the token at reset plus the current token, as JSON) "
                        + "instead.");
        md.line("");
    }

    /** A rebuild rate as a share of the same setup's raw scan. */
    private static String share(Results r, Setup s, String rateKey) {
        return pct(div(r.num(s, rateKey), r.num(s, "scan.rate")));
    }
}
