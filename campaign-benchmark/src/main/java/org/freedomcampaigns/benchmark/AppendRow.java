package org.freedomcampaigns.benchmark;

import static org.freedomcampaigns.benchmark.Markdown.div;
import static org.freedomcampaigns.benchmark.Markdown.f0;
import static org.freedomcampaigns.benchmark.Markdown.f2;
import static org.freedomcampaigns.benchmark.Markdown.pct;
import static org.freedomcampaigns.benchmark.Markdown.x;
import static org.freedomcampaigns.benchmark.Setup.H2;
import static org.freedomcampaigns.benchmark.Setup.H2_NON_DURABLE;
import static org.freedomcampaigns.benchmark.Setup.MEMORY;
import static org.freedomcampaigns.benchmark.Setup.PEER;

import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.LongStream;
import java.util.stream.Stream;

import org.bson.Document;
import org.freedomcampaigns.tracker.storage.StoreCommitter;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;

/**
 * Row 1, append throughput: letters recorded on existing cases by 1 and 8 clients through HTTP, through the
 * CommandGateway, and through the gateway with the read models paused, against raw driver inserts into the same
 * server (durable and not); its section, goals and observations of the report.
 */
final class AppendRow {
    static final String STEP = "row 1 appends";

    /** The ways into the service that row 1 times, in the order of its tables. */
    enum AppendPath {
        HTTP("http", "HTTP `POST /api/cases/{id}/letters` (waits for read models)", "HTTP", Goal.DURABLE_HTTP,
             Goal.HTTP_VS_PEER, false),
        GATEWAY("gw", "`CommandGateway.sendAndWait(RecordLetter)`", "gateway", Goal.DURABLE_GATEWAY,
                Goal.GATEWAY_VS_PEER, true),
        GATEWAY_PAUSED("gwPaused", "same, read-model processors shut down (the write path alone)",
                       "gateway, RM paused", Goal.DURABLE_WRITE_PATH, Goal.WRITE_PATH_VS_PEER, true);

        /** Prefix of the path's figures: {@code key.1} and {@code key.8} by clients. */
        final String key;
        final String title;
        final String shortTitle;
        final Goal durableGoal;
        final Goal peerGoal;
        /** Whether the durable goal also compares with the raw non-durable insertOne (the gateway paths do). */
        final boolean vsRaw;

        AppendPath(String key, String title, String shortTitle, Goal durableGoal, Goal peerGoal, boolean vsRaw) {
            this.key = key;
            this.title = title;
            this.shortTitle = shortTitle;
            this.durableGoal = durableGoal;
            this.peerGoal = peerGoal;
            this.vsRaw = vsRaw;
        }

        String key(int clients) {
            return key + "." + clients;
        }
    }

    private final Session session;
    private final Plan plan;
    private final QuietRuns quiet;

    AppendRow(Session session) {
        this.session = session;
        this.plan = session.plan;
        this.quiet = new QuietRuns(session);
    }

    // ------------------------------------------------------------------------------------------------ workload

    /** {@code cases}: each of the 8 clients writes round-robin to its own {@code casesPerClient} of them. */
    void run(App app, List<String> cases) throws Exception {
        Setup setup = session.setup;
        int k = plan.casesPerClient();
        if (!setup.nonDurable) {
            if (setup.peer) {
                rawJdbc(app);
            } else {
                rawMongo(app);
            }
        }
        Runnable catchUp = () -> app.awaitCaughtUpOrFail(Session.CATCH_UP);
        // client c writes round-robin to cases c*k .. c*k+k-1 (the one client of the 1-client runs to the first k)
        Load.Op letter = (c, i) -> app.gateway.sendAndWait(Commands.letter(cases.get(c * k + i % k)));
        record(AppendPath.GATEWAY.key(1), quiet.run(1, plan.append1(), letter, catchUp), "gateway, 1 client");
        record(AppendPath.GATEWAY.key(8), quiet.run(8, plan.append8PerClient(), letter, catchUp),
               "gateway, 8 clients");

        Http http = new Http(app.port);
        AtomicInteger catchingUp = new AtomicInteger();
        Load.Op post = (c, i) -> {
            HttpResponse<String> response = http.post("/api/cases/" + cases.get(c * k + i % k) + "/letters",
                                                      Commands.LETTER_JSON);
            if (response.statusCode() != 201) {
                throw new IllegalStateException("answered " + response.statusCode() + ": " + response.body());
            }
            if (response.headers().firstValue("X-Read-Models").isPresent()) {
                catchingUp.incrementAndGet();
            }
        };
        record(AppendPath.HTTP.key(1), quiet.run(1, plan.append1(), post, catchUp), "HTTP, 1 client");
        record(AppendPath.HTTP.key(8), quiet.run(8, plan.append8PerClient(), post, catchUp), "HTTP, 8 clients");

        // the same gateway runs with the four read-model processors shut down: the write path alone
        app.pauseProcessors();
        record(AppendPath.GATEWAY_PAUSED.key(1), quiet.run(1, plan.append1(), letter, () -> { }),
               "gateway, 1 client, RM paused");
        record(AppendPath.GATEWAY_PAUSED.key(8), quiet.run(8, plan.append8PerClient(), letter, () -> { }),
               "gateway, 8 clients, RM paused");
        app.resumeProcessors();
        app.awaitCaughtUpOrFail(Session.CATCH_UP);
        if (catchingUp.get() > 0) {
            session.note(catchingUp.get() + " HTTP answers of row 1 carried X-Read-Models: catching-up");
        }
    }

    private void record(String key, QuietRuns.Kept kept, String what) {
        Load.Run run = kept.run();
        session.check(run, what);
        session.put(key + ".others", kept.others());
        session.put(key, run.perSecond());
        session.put(key + ".p50", run.percentileMillis(0.50));
        session.put(key + ".p99", run.percentileMillis(0.99));
        session.log(String.format("%-28s %,10.0f /s   p50 %.2f ms  p99 %.2f ms", what, run.perSecond(),
                                  run.percentileMillis(0.5), run.percentileMillis(0.99)));
    }

    /** Raw driver inserts of documents shaped and sized like the store's commit documents, same server. */
    private void rawMongo(App app) {
        MongoCollection<Document> commits = app.database.getCollection("event_commits");
        long head = app.head();
        List<Document> sample = new ArrayList<>();
        commits.find(Filters.in("_id", LongStream.rangeClosed(Math.max(0, head - 199), head).boxed().toList()))
               .into(sample);
        double size = sample.stream().mapToInt(Bson::size).average().orElse(Double.NaN);
        session.put("doc.bytes", size);
        Document template = sample.stream().filter(d -> "Case".equals(d.getString("type")))
                                  .max(Comparator.comparingLong(d -> ((Number) d.get("_id")).longValue()))
                                  .orElseThrow();
        MongoCollection<Document> raw = app.database.getCollection("bench_raw");
        AtomicLong ids = new AtomicLong(1_000_000_000L);
        Load.Op insert = (c, i) -> raw.insertOne(copy(template, ids.incrementAndGet()));
        record("raw.1", quiet.run(1, plan.append1(), insert, () -> { }), "raw insertOne, 1 thread");
        record("raw.8", quiet.run(8, plan.append8PerClient(), insert, () -> { }), "raw insertOne, 8 threads");
        int batches = plan.rawManyBatches();
        Load.Run many = Load.run(1, batches, (c, i) -> raw.insertMany(
                Stream.generate(() -> copy(template, ids.incrementAndGet())).limit(100).toList()));
        session.put("raw.many", many.perSecond() * 100);
        if (session.setup.backend.equals("h2")) {
            StoreCommitter committer = app.storeCommitter();
            Load.Op durable = (c, i) -> {
                raw.insertOne(copy(template, ids.incrementAndGet()));
                committer.commit();
            };
            record("rawDurable.1", quiet.run(1, plan.append1(), durable, () -> { }),
                   "raw insertOne+commit, 1 thread");
            record("rawDurable.8", quiet.run(8, plan.append8PerClient(), durable, () -> { }),
                   "raw insertOne+commit, 8 threads");
            Load.Run manyDurable = Load.run(1, batches, (c, i) -> {
                raw.insertMany(Stream.generate(() -> copy(template, ids.incrementAndGet())).limit(100).toList());
                committer.commit();
            });
            session.put("rawDurable.many", manyDurable.perSecond() * 100);
        }
        raw.drop();
    }

    private static Document copy(Document template, long id) {
        Document copy = new Document(template);
        copy.put("_id", id);
        copy.put("key", "raw:" + id);
        return copy;
    }

    /** Raw JDBC inserts (auto-commit, WRITE_DELAY=0, so durable) of rows as large as the peer's event rows. */
    private void rawJdbc(App app) throws SQLException {
        PeerEngineConfiguration.PeerDatabase peer = app.peerDatabase();
        int size;
        try (Connection c = peer.connection(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery(
                     "SELECT AVG(OCTET_LENGTH(payload) + COALESCE(OCTET_LENGTH(metaData), 0) "
                             + "+ OCTET_LENGTH(eventIdentifier) + OCTET_LENGTH(aggregateIdentifier) "
                             + "+ OCTET_LENGTH(payloadType) + OCTET_LENGTH(timeStamp) + 16) FROM "
                             + "(SELECT * FROM DomainEventEntry ORDER BY globalIndex DESC LIMIT 200)")) {
            rs.next();
            size = (int) Math.round(rs.getDouble(1));
        }
        session.put("doc.bytes", (double) size);
        byte[] payload = new byte[size];
        Arrays.fill(payload, (byte) 'x');
        try (Connection c = peer.connection(); Statement st = c.createStatement()) {
            st.execute("DROP TABLE IF EXISTS bench_raw");
            st.execute("CREATE TABLE bench_raw (id BIGINT PRIMARY KEY, payload BLOB NOT NULL)");
        }
        AtomicLong ids = new AtomicLong();
        Load.Op insert = (c, i) -> {
            try (Connection connection = peer.connection();
                 PreparedStatement ps = connection.prepareStatement("INSERT INTO bench_raw VALUES (?, ?)")) {
                ps.setLong(1, ids.incrementAndGet());
                ps.setBytes(2, payload);
                ps.executeUpdate();
            }
        };
        record("raw.1", quiet.run(1, plan.append1(), insert, () -> { }), "raw JDBC insert, 1 thread");
        record("raw.8", quiet.run(8, plan.append8PerClient(), insert, () -> { }), "raw JDBC insert, 8 threads");
        Load.Run many = Load.run(1, plan.rawManyBatches(), (c, i) -> {
            try (Connection connection = peer.connection()) {
                connection.setAutoCommit(false);
                try (PreparedStatement ps = connection.prepareStatement("INSERT INTO bench_raw VALUES (?, ?)")) {
                    for (int k = 0; k < 100; k++) {
                        ps.setLong(1, ids.incrementAndGet());
                        ps.setBytes(2, payload);
                        ps.addBatch();
                    }
                    ps.executeBatch();
                }
                connection.commit();
                connection.setAutoCommit(true);
            }
        });
        session.put("raw.many", many.perSecond() * 100);
        try (Connection c = peer.connection(); Statement st = c.createStatement()) {
            st.execute("DROP TABLE bench_raw");
        }
    }

    // -------------------------------------------------------------------------------------------------- report

    /** The report's header paragraph on the repeated runs of {@link QuietRuns}, with the others' CPU kept. */
    static String disturbance(Results r) {
        List<String> parts = new ArrayList<>();
        for (Setup s : r.ran()) {
            List<String> cells = new ArrayList<>();
            for (String path : List.of("raw", "rawDurable", "gw", "http", "gwPaused")) {
                Double one = r.num(s, path + ".1.others");
                Double eight = r.num(s, path + ".8.others");
                if (one != null || eight != null) {
                    cells.add(path + " " + f2(one) + " / " + f2(eight));
                }
            }
            if (!cells.isEmpty()) {
                parts.add(s.id + ": " + String.join(", ", cells));
            }
        }
        return "Each timed run of row 1 during which other processes took more than " + QuietRuns.DISTURBED
                + " cores was repeated (default mode, at most twice, after waiting for a quieter moment) and the "
                + "least disturbed attempt kept; the others' CPU during the kept runs of row 1 (1 / 8 clients): "
                + String.join("; ", parts) + ".";
    }

    /** Durable appends of 8 clients on H2 against the non-durable rates and against the peer, per path. */
    static void goals(GoalTable goals, Results r) {
        for (AppendPath path : AppendPath.values()) {
            Double durable = r.num(H2, path.key(8));
            Double nonDurable = r.num(H2_NON_DURABLE, path.key(8));
            Double raw = r.num(H2, "raw.8");
            GoalTable.Line line = goals.line(path.durableGoal);
            if (durable != null && nonDurable != null) {
                line.judge(f0(durable) + "/s durable vs " + f0(nonDurable) + "/s with the store commit off = "
                                   + x(durable / nonDurable), durable / nonDurable);
            }
            if (durable != null && raw != null && path.vsRaw) {
                line.judge("vs raw non-durable insertOne, 8 threads, " + f0(raw) + "/s = " + x(durable / raw),
                           durable / raw);
            }
            Double peer = r.num(PEER, path.key(8));
            if (durable != null && peer != null) {
                goals.line(path.peerGoal).judge(f0(durable) + "/s vs peer " + f0(peer) + "/s = "
                                                        + x(durable / peer), durable / peer);
            }
        }
    }

    static void section(Markdown md, Plan plan, Results r) {
        md.line("## 1. Append throughput (commands/s; letters recorded on existing cases)");
        md.line("");
        md.line("Each client writes round-robin to its own " + plan.casesPerClient() + " cases; 1 client: "
                        + String.format("%,d", plan.append1()) + " commands, 8 clients: 8 × "
                        + String.format("%,d", plan.append8PerClient()) + ", after a warm-up of "
                        + String.format("%,d", plan.warmup()) + " gateway and " + String.format("%,d", plan.warmup())
                        + " HTTP commands. Ratios in brackets are to the raw baseline of the same column and thread "
                        + "count (*raw* = insertOne, not durable; *durable raw* = insertOne then the H2 store's "
                        + "`commit()` for ours, an auto-committed JDBC insert with WRITE_DELAY=0 for the peer). "
                        + "Raw documents are copies of stored commit documents (average size: memory "
                        + f0(r.num(MEMORY, "doc.bytes")) + " B, H2 " + f0(r.num(H2, "doc.bytes")) + " B); the peer's "
                        + "raw rows carry a BLOB as large as its average event row (" + f0(r.num(PEER, "doc.bytes"))
                        + " B).");
        md.line("");
        md.line("| path | clients | ours, memory | ours, H2 (durable) | ours, H2, commit off | peer, JDBC H2 (durable) "
                        + "| H2 durable ÷ peer |");
        md.line("|---|---|---|---|---|---|---|");
        for (AppendPath path : AppendPath.values()) {
            for (int clients : List.of(1, 8)) {
                String key = path.key(clients);
                String raw = "raw." + clients;
                String rawDurable = "rawDurable." + clients;
                md.line("| " + path.title + " | " + clients
                                + " | " + rate(r, MEMORY, key, ratio(r, MEMORY, key, MEMORY, raw, "raw"))
                                + " | " + rate(r, H2, key, ratio(r, H2, key, H2, rawDurable, "durable raw"),
                                               ratio(r, H2, key, H2, raw, "raw"))
                                + " | " + rate(r, H2_NON_DURABLE, key, ratio(r, H2_NON_DURABLE, key, H2, raw, "raw"))
                                + " | " + rate(r, PEER, key, ratio(r, PEER, key, PEER, raw, "durable raw"))
                                + " | " + x(div(r.num(H2, key), r.num(PEER, key))) + " |");
            }
        }
        for (int clients : List.of(1, 8)) {
            md.line("| raw insertOne, not durable (same embedded server) | " + clients + " | "
                            + rate(r, MEMORY, "raw." + clients) + " | " + rate(r, H2, "raw." + clients) + " | (= H2) | "
                            + "n/a (every JDBC insert below is durable) | |");
        }
        for (int clients : List.of(1, 8)) {
            md.line("| durable raw: insertOne + H2 `commit()` / JDBC insert, WRITE_DELAY=0 | " + clients
                            + " | n/a (memory) | " + rate(r, H2, "rawDurable." + clients) + " | | "
                            + rate(r, PEER, "raw." + clients) + " | " + x(div(r.num(H2, "rawDurable." + clients),
                                                                               r.num(PEER, "raw." + clients))) + " |");
        }
        md.line("| raw batches of 100 (insertMany; + `commit()` / one JDBC transaction), documents/s | 1 | "
                        + rate(r, MEMORY, "raw.many") + " | " + rate(r, H2, "raw.many") + " not durable, "
                        + rate(r, H2, "rawDurable.many") + " durable | | " + rate(r, PEER, "raw.many") + " | |");
        md.line("");
        md.line("Latency of the same runs, p50 / p99 ms:");
        md.line("");
        md.line("| path | clients | ours, memory | ours, H2 (durable) | ours, H2, commit off | peer |");
        md.line("|---|---|---|---|---|---|");
        for (AppendPath path : AppendPath.values()) {
            for (int clients : List.of(1, 8)) {
                String key = path.key(clients);
                md.line("| " + path.shortTitle + " | " + clients + " | " + Markdown.p50p99(r, MEMORY, key) + " | "
                                + Markdown.p50p99(r, H2, key) + " | " + Markdown.p50p99(r, H2_NON_DURABLE, key) + " | "
                                + Markdown.p50p99(r, PEER, key) + " |");
            }
        }
        md.line("");
    }

    /** A rate, with its ratios to baselines in brackets (those that could be computed). */
    private static String rate(Results r, Setup s, String key, String... ratios) {
        Double value = r.num(s, key);
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

    private static String ratio(Results r, Setup s, String key, Setup base, String baseKey, String name) {
        Double ratio = div(r.num(s, key), r.num(base, baseKey));
        return ratio == null ? null : x(ratio) + " " + name;
    }

    /** Gateway appends with the read models running ÷ paused, per setup (1 / 8 clients); null if none ran. */
    static String processorsObservation(Results r) {
        List<String> kept = new ArrayList<>();
        for (Setup s : List.of(MEMORY, H2, H2_NON_DURABLE, PEER)) {
            Double one = div(r.num(s, "gw.1"), r.num(s, "gwPaused.1"));
            Double eight = div(r.num(s, "gw.8"), r.num(s, "gwPaused.8"));
            if (one != null && eight != null) {
                kept.add(s.id + " " + pct(one) + " / " + pct(eight));
            }
        }
        if (kept.isEmpty()) {
            return null;
        }
        return "- Read models running vs paused: with the four tracking processors running, gateway appends keep "
                + "this share of the rate they reach with the processors shut down (1 / 8 clients): "
                + String.join(", ", kept) + ". The processors' own work on the same 2 cores — fetching "
                + "the new events, applying them, storing tokens — is what the difference costs.";
    }

    /** The write path alone on H2 with the store commit ÷ without, and what group commit gains; null if not run. */
    static String durabilityObservation(Results r) {
        Double durable = div(r.num(H2, "gwPaused.8"), r.num(H2_NON_DURABLE, "gwPaused.8"));
        Double durableOne = div(r.num(H2, "gwPaused.1"), r.num(H2_NON_DURABLE, "gwPaused.1"));
        if (durable == null || durableOne == null) {
            return null;
        }
        return "- Cost of durability on the write path alone (H2 with the store commit ÷ without): 1 client "
                + x(durableOne) + ", 8 clients " + x(durable) + ". Group commit: 8 clients reach "
                + x(div(r.num(H2, "gwPaused.8"), r.num(H2, "gwPaused.1"))) + " the 1-client durable rate "
                + "(raw insertOne + commit: " + x(div(r.num(H2, "rawDurable.8"), r.num(H2, "rawDurable.1")))
                + "; the peer's gateway: " + x(div(r.num(PEER, "gwPaused.8"), r.num(PEER, "gwPaused.1"))) + ").";
    }

    /** HTTP ÷ gateway with 1 client, per setup; null if none ran. */
    static String httpVsGatewayObservation(Results r) {
        List<String> lagging = new ArrayList<>();
        for (Setup s : List.of(MEMORY, H2, PEER)) {
            Double ratio = div(r.num(s, "http.1"), r.num(s, "gw.1"));
            if (ratio != null) {
                lagging.add(s.id + " " + x(ratio));
            }
        }
        if (lagging.isEmpty()) {
            return null;
        }
        return "- HTTP (which waits for the read models) vs the gateway, 1 client: " + String.join(", ", lagging) + ".";
    }
}
