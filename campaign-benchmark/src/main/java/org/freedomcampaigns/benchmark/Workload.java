package org.freedomcampaigns.benchmark;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.LongStream;
import java.util.stream.Stream;

import org.axonframework.eventhandling.TrackingEventProcessor;
import org.bson.Document;
import org.bson.RawBsonDocument;
import org.bson.codecs.DocumentCodec;
import org.bson.types.Binary;
import org.freedomcampaigns.tracker.facts.CampaignCommand;
import org.freedomcampaigns.tracker.facts.CampaignId;
import org.freedomcampaigns.tracker.facts.CaseCommand;
import org.freedomcampaigns.tracker.facts.CaseId;
import org.freedomcampaigns.tracker.facts.Person;
import org.freedomcampaigns.tracker.facts.Sentence;
import org.freedomcampaigns.tracker.projections.casesummary.CaseSummaryProjection;
import org.freedomcampaigns.tracker.storage.StoreCommitter;

import com.fasterxml.jackson.databind.JsonNode;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;

/** Runs rows 1–5 on one setup and puts the figures into {@link Results}. */
final class Workload {
    static final String SUMMARY = "Asks for help with a commutation petition; encloses the sentencing transcript, "
            + "a letter of support from the prison chaplain and her record of classes taken.";
    static final String LETTER_JSON = "{\"receivedOn\":\"2024-02-10\",\"from\":\"Jane Doe\",\"summary\":\""
            + SUMMARY + "\"}";
    private static final Duration CATCH_UP = Duration.ofMinutes(10);

    private final Setup setup;
    private final Plan plan;
    private final Results results;
    private int casesOpened;
    private Path logFile;
    private double lastOthers = Double.NaN;

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

    Workload(Setup setup, Plan plan, Results results) {
        this.setup = setup;
        this.plan = plan;
        this.results = results;
    }

    void run() throws Exception {
        results.ran(setup);
        Path dir = Files.createTempDirectory("campaign-bench-" + setup.id + "-");
        logFile = Files.createTempFile("campaign-bench-" + setup.id + "-", ".log");
        LoadCases loadCases = null;
        try {
            if (!plan.quick()) {
                put("cpu.othersBefore", CpuMonitor.awaitQuiet(0.25, 300));
            }
            CpuMonitor.Sample cpuFrom = CpuMonitor.sample();
            results.put(setup, "heap.baselineMB", Heap.usedAfterGcMb());
            long t0 = System.nanoTime();
            try (App app = App.start(setup, dir, logFile)) {
                put("startup.s", (System.nanoTime() - t0) / 1e9);
                log("started on port " + app.port + " in " + fmt((System.nanoTime() - t0) / 1e9) + " s");
                String campaign = launchCampaign(app);
                List<String> cases = openCases(app, campaign, 8 * plan.casesPerClient());
                if (plan.runs(1) || plan.runs(4)) {
                    warmUp(app, cases);
                }
                if (plan.runs(1)) {
                    step("row 1 appends", () -> appends(app, cases));
                }
                if (setup.full) {
                    if (plan.runs(4)) {
                        step("row 4 lag", () -> lag(app, cases));
                    }
                    if (plan.runs(2)) {
                        LoadCases[] holder = new LoadCases[1];
                        step("row 2 loads (warm cache)", () -> {
                            holder[0] = prefillLoadCases(app, campaign, "warm");
                            loads(app, holder[0], "warm");
                            loadsHttp(app, holder[0]);
                        });
                        loadCases = holder[0];
                    }
                    if (plan.runs(3)) {
                        step("row 3 rebuild", () -> rebuild(app, campaign));
                        if (plan.runs(5)) {
                            step("row 5 heap", () -> heap(app));
                        }
                    }
                }
            }
            if (setup.full && plan.runs(2)) {
                LoadCases warmCases = loadCases;
                step("row 2 loads (cold cache)", () -> coldLoads(dir, warmCases));
            }
            double others = CpuMonitor.othersCores(cpuFrom, CpuMonitor.sample());
            put("cpu.others", others);
            put("setup.minutes", (System.nanoTime() - t0) / 60e9);
            log(String.format("setup done in %.1f min; other processes used %.2f cores meanwhile",
                              (System.nanoTime() - t0) / 60e9, others));
        } finally {
            summariseServiceLog();
            deleteRecursively(dir);
            Files.deleteIfExists(logFile);
        }
    }

    /** Adds the distinct warnings and errors the service logged (numbers and ids blanked) to the notes. */
    private void summariseServiceLog() {
        try {
            if (logFile == null || !Files.exists(logFile)) {
                return;
            }
            Map<String, Integer> counts = new LinkedHashMap<>();
            java.util.regex.Pattern line = java.util.regex.Pattern.compile(
                    "^\\S+\\s+(WARN|ERROR)\\s+.*?\\]\\s+(\\S+)\\s+:\\s(.*)$");
            for (String text : Files.readAllLines(logFile)) {
                java.util.regex.Matcher m = line.matcher(text);
                if (m.matches()) {
                    String message = (m.group(1) + " " + m.group(2) + ": " + m.group(3))
                            .replaceAll("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", "<id>")
                            .replaceAll("\\d+", "<n>");
                    if (message.length() > 300) {
                        message = message.substring(0, 300) + "…";
                    }
                    counts.merge(message, 1, Integer::sum);
                }
            }
            put("log.warnings", (double) counts.values().stream().mapToInt(Integer::intValue).sum());
            counts.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(6)
                  .forEach(e -> results.note(setup, "service log: " + e.getValue() + "× " + e.getKey()));
        } catch (IOException e) {
            results.note(setup, "could not read the service log: " + e);
        }
    }

    // ------------------------------------------------------------------------------------------------ helpers

    private interface Step {
        void run() throws Exception;
    }

    private void step(String name, Step step) {
        long t0 = System.nanoTime();
        log(name + " ...");
        CpuMonitor.Sample from = CpuMonitor.sample();
        try {
            step.run();
            double others = CpuMonitor.othersCores(from, CpuMonitor.sample());
            put("cpu.step." + name, others);
            log(name + " done in " + fmt((System.nanoTime() - t0) / 1e9) + " s (other processes: "
                        + String.format("%.2f", others) + " cores)");
        } catch (Exception | Error e) {
            log(name + " FAILED: " + e);
            e.printStackTrace();
            results.note(setup, name + " failed: " + e);
        }
    }

    private void log(String text) {
        System.err.printf("[bench %7.1fs] %-12s %s%n", (System.nanoTime() - Benchmark.START) / 1e9, setup.id, text);
    }

    private void put(String key, Object value) {
        results.put(setup, key, value);
    }

    static String fmt(double value) {
        return String.format("%.1f", value);
    }

    private static CaseCommand.RecordLetter letter(String caseId) {
        return new CaseCommand.RecordLetter(new CaseId(caseId), LocalDate.of(2024, 2, 10), "Jane Doe", SUMMARY);
    }

    private String launchCampaign(App app) {
        String id = UUID.randomUUID().toString();
        app.gateway.sendAndWait(new CampaignCommand.LaunchCampaign(new CampaignId(id), "Benchmark campaign",
                                                                   "Clemency for people serving life"));
        return id;
    }

    private CaseCommand.OpenCase openCase(String campaign, String id) {
        int n = Math.abs(id.hashCode() % 100_000);
        return new CaseCommand.OpenCase(new CaseId(id), new CampaignId(campaign),
                                        new Person("Jane Doe " + n, "A-" + n, "State Penitentiary", "Louisiana"),
                                        new Sentence("Life without parole", true, LocalDate.of(2001, 5, 14)),
                                        "Accomplice to robbery at age 17", LocalDate.of(2024, 2, 1));
    }

    /** Opens {@code count} cases through the gateway with 8 threads. */
    private List<String> openCases(App app, String campaign, int count) {
        List<String> ids = Stream.generate(() -> UUID.randomUUID().toString()).limit(count).toList();
        int clients = Math.min(8, count);
        int perClient = (count + clients - 1) / clients;
        Load.Run run = Load.run(clients, perClient, (c, i) -> {
            int k = c * perClient + i;
            if (k < count) {
                app.gateway.sendAndWait(openCase(campaign, ids.get(k)));
            }
        });
        check(run, "opening cases");
        casesOpened += count;
        return ids;
    }

    private void check(Load.Run run, String what) {
        if (run.errors() > 0) {
            results.note(setup, what + ": " + run.errors() + " of " + run.operations() + " failed, e.g. "
                    + run.firstError());
        }
    }

    private void warmUp(App app, List<String> cases) {
        int per = Math.max(1, plan.warmup() / 8);
        int k = plan.casesPerClient();
        Http http = new Http(app.port);
        check(Load.run(8, per, (c, i) -> app.gateway.sendAndWait(letter(cases.get(c * k + i % k)))), "warm-up");
        check(Load.run(8, per, (c, i) -> http.postExpecting("/api/cases/" + cases.get(c * k + i % k) + "/letters",
                                                            LETTER_JSON, 201)), "warm-up");
        app.awaitCaughtUpOrFail(CATCH_UP);
    }

    // ------------------------------------------------------------------------------------ row 1: appends

    private void appends(App app, List<String> cases) throws Exception {
        int k = plan.casesPerClient();
        if (!setup.nonDurable) {
            if (setup.peer) {
                rawJdbc(app);
            } else {
                rawMongo(app);
            }
        }
        Runnable catchUp = () -> app.awaitCaughtUpOrFail(CATCH_UP);
        Load.Run gw1 = timed(1, plan.append1(), (c, i) -> app.gateway.sendAndWait(letter(cases.get(i % k))),
                             catchUp);
        record("gw.1", gw1, "gateway, 1 client");
        Load.Run gw8 = timed(8, plan.append8PerClient(),
                             (c, i) -> app.gateway.sendAndWait(letter(cases.get(c * k + i % k))), catchUp);
        record("gw.8", gw8, "gateway, 8 clients");

        Http http = new Http(app.port);
        AtomicInteger catchingUp = new AtomicInteger();
        Load.Op post = (c, i) -> {
            HttpResponse<String> response = http.post("/api/cases/" + cases.get(c * k + i % k) + "/letters",
                                                      LETTER_JSON);
            if (response.statusCode() != 201) {
                throw new IllegalStateException("answered " + response.statusCode() + ": " + response.body());
            }
            if (response.headers().firstValue("X-Read-Models").isPresent()) {
                catchingUp.incrementAndGet();
            }
        };
        Load.Run http1 = timed(1, plan.append1(), post, catchUp);
        record("http.1", http1, "HTTP, 1 client");
        Load.Run http8 = timed(8, plan.append8PerClient(), post, catchUp);
        record("http.8", http8, "HTTP, 8 clients");

        // the same gateway runs with the four read-model processors shut down: the write path alone
        app.pauseProcessors();
        record("gwPaused.1", timed(1, plan.append1(), (c, i) -> app.gateway.sendAndWait(letter(cases.get(i % k))),
                                   () -> { }), "gateway, 1 client, RM paused");
        record("gwPaused.8", timed(8, plan.append8PerClient(),
                                   (c, i) -> app.gateway.sendAndWait(letter(cases.get(c * k + i % k))), () -> { }),
               "gateway, 8 clients, RM paused");
        app.resumeProcessors();
        app.awaitCaughtUpOrFail(CATCH_UP);
        if (catchingUp.get() > 0) {
            results.note(setup, catchingUp.get() + " HTTP answers of row 1 carried X-Read-Models: catching-up");
        }
    }

    /**
     * A timed run of row 1. On a shared machine a run during which other processes took more than 0.35 cores is
     * repeated (default mode: at most twice, after waiting for a quieter moment); the least disturbed run is kept
     * (chosen by the others' CPU, not by its result). {@code after} runs after each attempt, untimed.
     */
    private Load.Run timed(int clients, int perClient, Load.Op op, Runnable after) {
        Load.Run best = null;
        double bestOthers = Double.MAX_VALUE;
        int attempts = plan.quick() ? 1 : 3;
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
            if (Double.isNaN(others) || others <= 0.35) {
                break;
            }
            if (attempt + 1 < attempts) {
                log(String.format("other processes used %.2f cores during this run; repeating it", others));
            }
        }
        lastOthers = bestOthers;
        return best;
    }

    private void record(String key, Load.Run run, String what) {
        check(run, what);
        put(key + ".others", lastOthers);
        put(key, run.perSecond());
        put(key + ".p50", run.percentileMillis(0.50));
        put(key + ".p99", run.percentileMillis(0.99));
        log(String.format("%-28s %,10.0f /s   p50 %.2f ms  p99 %.2f ms", what, run.perSecond(),
                          run.percentileMillis(0.5), run.percentileMillis(0.99)));
    }

    /** Raw driver inserts of documents shaped and sized like the store's commit documents, same server. */
    private void rawMongo(App app) {
        MongoCollection<Document> commits = app.database.getCollection("event_commits");
        long head = app.head();
        List<Document> sample = new ArrayList<>();
        commits.find(Filters.in("_id", LongStream.rangeClosed(Math.max(0, head - 199), head).boxed().toList()))
               .into(sample);
        double size = sample.stream().mapToInt(Workload::bsonSize).average().orElse(Double.NaN);
        put("doc.bytes", size);
        Document template = sample.stream().filter(d -> "Case".equals(d.getString("type")))
                                  .max(Comparator.comparingLong(d -> ((Number) d.get("_id")).longValue()))
                                  .orElseThrow();
        MongoCollection<Document> raw = app.database.getCollection("bench_raw");
        AtomicLong ids = new AtomicLong(1_000_000_000L);
        Load.Op insert = (c, i) -> raw.insertOne(copy(template, ids.incrementAndGet()));
        record("raw.1", timed(1, plan.append1(), insert, () -> { }), "raw insertOne, 1 thread");
        record("raw.8", timed(8, plan.append8PerClient(), insert, () -> { }), "raw insertOne, 8 threads");
        int batches = plan.rawManyBatches();
        Load.Run many = Load.run(1, batches, (c, i) -> raw.insertMany(
                Stream.generate(() -> copy(template, ids.incrementAndGet())).limit(100).toList()));
        put("raw.many", many.perSecond() * 100);
        if (setup.backend.equals("h2")) {
            StoreCommitter committer = app.storeCommitter();
            Load.Op durable = (c, i) -> {
                raw.insertOne(copy(template, ids.incrementAndGet()));
                committer.commit();
            };
            record("rawDurable.1", timed(1, plan.append1(), durable, () -> { }), "raw insertOne+commit, 1 thread");
            record("rawDurable.8", timed(8, plan.append8PerClient(), durable, () -> { }),
                   "raw insertOne+commit, 8 threads");
            Load.Run manyDurable = Load.run(1, batches, (c, i) -> {
                raw.insertMany(Stream.generate(() -> copy(template, ids.incrementAndGet())).limit(100).toList());
                committer.commit();
            });
            put("rawDurable.many", manyDurable.perSecond() * 100);
        }
        raw.drop();
    }

    private static Document copy(Document template, long id) {
        Document copy = new Document(template);
        copy.put("_id", id);
        copy.put("key", "raw:" + id);
        return copy;
    }

    static int bsonSize(Document document) {
        return new RawBsonDocument(document, new DocumentCodec()).getByteBuffer().remaining();
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
        put("doc.bytes", (double) size);
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
        record("raw.1", timed(1, plan.append1(), insert, () -> { }), "raw JDBC insert, 1 thread");
        record("raw.8", timed(8, plan.append8PerClient(), insert, () -> { }), "raw JDBC insert, 8 threads");
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
        put("raw.many", many.perSecond() * 100);
        try (Connection c = peer.connection(); Statement st = c.createStatement()) {
            st.execute("DROP TABLE bench_raw");
        }
    }

    // -------------------------------------------------------------------------------- row 4: projection lag

    private void lag(App app, List<String> cases) {
        int k = plan.casesPerClient();
        int per = plan.lagPerClient();
        long[][] posts = new long[8][per];
        long[][] extras = new long[8][per];
        int[][] gets = new int[8][per];
        Http http = new Http(app.port);
        Load.Run run = Load.run(8, per, (c, i) -> {
            String caseId = cases.get(c * k + i % k);
            long t0 = System.nanoTime();
            HttpResponse<String> response = http.post("/api/cases/" + caseId + "/letters", LETTER_JSON);
            long answered = System.nanoTime();
            if (response.statusCode() != 201) {
                throw new IllegalStateException("answered " + response.statusCode() + ": " + response.body());
            }
            long sequence = Http.json(response.body()).path("sequence").asLong();
            int n = 0;
            while (true) {
                n++;
                HttpResponse<String> summary = http.get("/api/cases/" + caseId);
                if (summary.statusCode() == 200
                        && Http.json(summary.body()).path("version").asLong(-1) >= sequence) {
                    break;
                }
                if (System.nanoTime() - answered > Duration.ofSeconds(30).toNanos()) {
                    throw new IllegalStateException("write not visible after 30 s");
                }
            }
            posts[c][i] = answered - t0;
            extras[c][i] = System.nanoTime() - answered;
            gets[c][i] = n;
        });
        check(run, "lag run");
        long[] post = Arrays.stream(posts).flatMapToLong(Arrays::stream).filter(v -> v > 0).sorted().toArray();
        long[] extra = Arrays.stream(extras).flatMapToLong(Arrays::stream).filter(v -> v > 0).sorted().toArray();
        long firstGet = Arrays.stream(gets).flatMapToInt(Arrays::stream).filter(v -> v == 1).count();
        long total = Arrays.stream(gets).flatMapToInt(Arrays::stream).filter(v -> v > 0).count();
        put("lag.post.p50", Load.percentile(post, 0.5) / 1e6);
        put("lag.post.p99", Load.percentile(post, 0.99) / 1e6);
        put("lag.extra.p50", Load.percentile(extra, 0.5) / 1e6);
        put("lag.extra.p99", Load.percentile(extra, 0.99) / 1e6);
        put("lag.firstGet.pct", 100.0 * firstGet / Math.max(1, total));
        put("lag.rate", run.perSecond());
        log(String.format("201 p50 %.2f p99 %.2f ms; 201->visible p50 %.2f p99 %.2f ms; first GET shows it %d/%d",
                          Load.percentile(post, 0.5) / 1e6, Load.percentile(post, 0.99) / 1e6,
                          Load.percentile(extra, 0.5) / 1e6, Load.percentile(extra, 0.99) / 1e6, firstGet, total));
        app.awaitCaughtUpOrFail(CATCH_UP);
    }

    // ---------------------------------------------------------------------------- row 2: cost vs history

    private LoadCases prefillLoadCases(App app, String campaign, String mode) throws SQLException {
        Map<Integer, String> byPrior = new LinkedHashMap<>();
        for (int prior : plan.priors()) {
            byPrior.put(prior, UUID.randomUUID().toString());
        }
        byPrior.values().forEach(id -> app.gateway.sendAndWait(openCase(campaign, id)));
        casesOpened += byPrior.size();
        List<Integer> priors = new ArrayList<>(byPrior.keySet());
        long t0 = System.nanoTime();
        // one thread per case (a case's commands are sequential); events = the opening + (prior - 1) letters; the
        // read models are paused meanwhile and catch up afterwards (untimed)
        app.pauseProcessors();
        Load.Run run = Load.run(priors.size(), 1, (c, i) -> {
            String id = byPrior.get(priors.get(c));
            for (int n = 1; n < priors.get(c); n++) {
                app.gateway.sendAndWait(letter(id));
            }
        });
        check(run, "prefilling the row-2 cases");
        int events = priors.stream().mapToInt(Integer::intValue).sum();
        log(String.format("prefilled %,d events on %d cases in %.1f s", events, priors.size(),
                          (System.nanoTime() - t0) / 1e9));
        app.resumeProcessors();
        app.awaitCaughtUpOrFail(CATCH_UP);
        String fresh = UUID.randomUUID().toString();
        app.gateway.sendAndWait(openCase(campaign, fresh));
        casesOpened++;
        app.awaitCaughtUpOrFail(CATCH_UP);
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
        if (setup.peer) {
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
        put("snapshots", found + " of " + ids.size());
        log("snapshots stored for the prefilled cases of 100+ events: " + found + " of " + ids.size());
        if (found < ids.size()) {
            results.note(setup, "row 2 (" + mode + "): only " + found + " of the " + ids.size()
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
                    app.gateway.sendAndWait(letter(ids.get(c)));
                } catch (RuntimeException e) {
                    errors++;
                    firstError = firstError == null ? e.toString() : firstError;
                }
                times[c][i] = System.nanoTime() - t0;
                settle(app);
            }
        }
        if (errors > 0) {
            results.note(setup, "row 2 (" + mode + "): " + errors + " commands failed, e.g. " + firstError);
        }
        put("load." + mode + ".n", (double) rounds);
        StringBuilder line = new StringBuilder(mode + " ms/command (" + rounds + " per case):");
        for (int c = 0; c < ids.size(); c++) {
            long[] sorted = Arrays.copyOf(times[c], rounds);
            Arrays.sort(sorted);
            double mean = Arrays.stream(sorted).average().orElse(Double.NaN) / 1e6;
            put("load." + mode + "." + labels.get(c) + ".mean", mean);
            put("load." + mode + "." + labels.get(c) + ".p50", Load.percentile(sorted, 0.5) / 1e6);
            put("load." + mode + "." + labels.get(c) + ".p99", Load.percentile(sorted, 0.99) / 1e6);
            line.append(String.format("  %s %.2f", labels.get(c), mean));
        }
        log(line.toString());
    }

    /**
     * Between the timed commands of row 2 (untimed): the read models catch up, then the embedded server's store is
     * committed. On the H2 backend a store commit writes every dirty page, read models included; without this, the
     * next command's durability commit would pay for the read-model writes of the previous command (e.g. the
     * timeline document of the 10,000-event case), charging them to whichever case comes next in the round.
     */
    private void settle(App app) {
        app.awaitCaughtUp(CATCH_UP);
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
                HttpResponse<String> response = http.post("/api/cases/" + ids.get(c) + "/letters", LETTER_JSON);
                times[c][i] = System.nanoTime() - t0;
                if (response.statusCode() != 201) {
                    results.note(setup, "row 2 (HTTP): answered " + response.statusCode());
                }
                settle(app);
            }
        }
        put("load.http.n", (double) rounds);
        StringBuilder line = new StringBuilder("http ms/request (" + rounds + " per case):");
        for (int c = 0; c < ids.size(); c++) {
            long[] sorted = Arrays.copyOf(times[c], rounds);
            Arrays.sort(sorted);
            double mean = Arrays.stream(sorted).average().orElse(Double.NaN) / 1e6;
            put("load.http." + labels.get(c) + ".mean", mean);
            put("load.http." + labels.get(c) + ".p50", Load.percentile(sorted, 0.5) / 1e6);
            line.append(String.format("  %s %.2f", labels.get(c), mean));
        }
        log(line.toString());
    }

    /**
     * The same commands with an aggregate cache of one entry: every command reads its case from the store (snapshot
     * by id, then the events after it by exact commit keys for ours). A persistent store is reopened as it is; the
     * memory backend starts empty, so its cases are prefilled again.
     */
    private void coldLoads(Path dir, LoadCases warm) throws Exception {
        Path coldDir = setup.persistent() && warm != null ? dir : Files.createTempDirectory("campaign-bench-cold-");
        try (App app = App.start(setup, coldDir, logFile, "--campaign.aggregates.cache-size=1")) {
            LoadCases cases;
            if (coldDir == dir) {
                app.awaitCaughtUpOrFail(CATCH_UP);
                String fresh = UUID.randomUUID().toString();
                app.gateway.sendAndWait(openCase(warm.campaign(), fresh));
                app.awaitCaughtUpOrFail(CATCH_UP);
                cases = new LoadCases(warm.campaign(), fresh, warm.byPrior());
                put("load.cold.storeEvents", (double) app.head() + 1);
            } else {
                String campaign = launchCampaign(app);
                cases = prefillLoadCases(app, campaign, "cold");
                put("load.cold.storeEvents", (double) app.head() + 1);
            }
            loads(app, cases, "cold");
        } finally {
            if (coldDir != dir) {
                deleteRecursively(coldDir);
            }
        }
    }

    // ----------------------------------------------------------------------------------- row 3: rebuild

    private void rebuild(App app, String campaign) throws Exception {
        // top the store up to the target through the gateway: 8 threads over rebuildCases new cases
        long stored = app.head() + 1;
        // the read models are rebuilt from scratch below: they are paused while the store fills
        app.pauseProcessors();
        long t0 = System.nanoTime();
        List<String> cases = openCases(app, campaign, plan.rebuildCases());
        long remaining = Math.max(0, plan.rebuildTarget() - (app.head() + 1));
        int perClient = (int) ((remaining + 7) / 8);
        int share = cases.size() / 8;
        Load.Run fill = Load.run(8, perClient, (c, i) -> app.gateway.sendAndWait(
                letter(cases.get(c * share + i % share))));
        check(fill, "prefill for the rebuild");
        long added = app.head() + 1 - stored;
        put("prefill.rate", added / ((System.nanoTime() - t0) / 1e9));
        log(String.format("prefilled %,d events (%,.0f events/s through the gateway, 8 threads, RM paused)", added,
                          added / ((System.nanoTime() - t0) / 1e9)));

        double[] scan1 = scan(app);
        put("store.events", scan1[0]);
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
            results.note(setup, "rebuild did not finish within 60 min: " + app.status());
        }
        put("rebuild.s", seconds);
        put("rebuild.rate", scan1[0] / seconds);
        log(String.format("rebuilt 4 read models from %,.0f events in %.1f s: %,.0f events/s", scan1[0], seconds,
                          scan1[0] / seconds));
        double[] scan2 = scan(app);
        double scanRate = Math.max(scan1[0] / scan1[1], scan2[0] / scan2[1]);
        put("scan.rate", scanRate);
        log(String.format("raw scan: %,.0f events in %.2f s and %.2f s: best %,.0f events/s", scan1[0], scan1[1],
                          scan2[1], scanRate));

        long summaries = app.database.getCollection("case_summaries").countDocuments();
        put("rebuild.summaries", (double) summaries);
        if (summaries != casesOpened) {
            results.note(setup, "after the rebuild case_summaries holds " + summaries + " cases, expected "
                    + casesOpened);
        }
        Map<String, Integer> afterRebuild = tokens(app);
        maxToken[0] = Math.max(maxToken[0], afterRebuild.values().stream().mapToInt(Integer::intValue).max()
                                                        .orElse(0));
        put("token.replay.max", (double) maxToken[0]);
        // one more event ends the replay: the stored tokens are then plain again (a processor that does not handle
        // the event stores its token a little later)
        app.gateway.sendAndWait(letter(cases.get(0)));
        app.awaitCaughtUpOrFail(CATCH_UP);
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (tokenTypes(app).contains("ReplayToken") && System.nanoTime() < deadline) {
            App.sleep(100);
        }
        Map<String, Integer> plain = tokens(app);
        put("token.bytes", (double) plain.values().stream().mapToInt(Integer::intValue).max().orElse(-1));
        put("token.type", tokenTypes(app));
        put("token.sample", tokenSample(app));
        log("tokens (bytes) during/after replay max " + maxToken[0] + ", plain " + plain);

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
            results.note(setup, "the case-summary rebuild did not finish within 60 min: " + app.status());
        }
        double singleSeconds = (System.nanoTime() - single) / 1e9;
        put("rebuildOne.s", singleSeconds);
        put("rebuildOne.rate", events / singleSeconds);
        log(String.format("rebuilt the case summaries alone in %.1f s: %,.0f events/s", singleSeconds,
                          events / singleSeconds));
        // end that replay too
        app.gateway.sendAndWait(letter(cases.get(1)));
        app.awaitCaughtUpOrFail(CATCH_UP);
    }

    /** Reads every stored event with the raw driver; returns {events, seconds}. */
    private double[] scan(App app) throws SQLException {
        long t0 = System.nanoTime();
        long events = 0;
        if (setup.peer) {
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
                size = bsonSize(document);
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

    // -------------------------------------------------------------------------------------- row 5: heap

    private void heap(App app) {
        double used = Heap.usedAfterGcMb();
        put("heap.usedMB", used);
        put("heap.top", Heap.topClasses(6));
        log(String.format("heap in use after GC: %.0f MB (baseline before start %.0f MB)", used,
                          results.num(setup, "heap.baselineMB")));
    }

    static void deleteRecursively(Path dir) {
        if (dir == null || !Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    // best effort
                }
            });
        } catch (IOException e) {
            // best effort
        }
    }
}
