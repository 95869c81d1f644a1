package org.freedomcampaigns.tracker.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.freedomcampaigns.tracker.Api;
import org.freedomcampaigns.tracker.ApiTestBase;
import org.freedomcampaigns.tracker.Bodies;
import org.freedomcampaigns.tracker.CampaignTrackerApplication;
import org.freedomcampaigns.tracker.application.ReadModels;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The service as a user runs it — its own process, the embedded H2 default — is killed with {@code kill -9} while 8
 * clients record letters, at several moments, and started again on the same data. Every acknowledged letter is in
 * its case's history exactly once; nothing else is, but for letters whose answer the kill cut off; every case's
 * hash chain verifies; and after the last restart every read model equals a rebuild from the store.
 */
class CrashApiTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int WRITERS = 8;
    private static final int CASES = 4;
    /** How long the load runs, from its first acknowledged write, before each kill. */
    private static final List<Duration> KILL_POINTS = List.of(Duration.ofMillis(400), Duration.ofMillis(1500),
                                                             Duration.ofMillis(3000));

    @TempDir
    Path tempDir;
    private Path dataDir;

    private final HttpClient http = HttpClient.newHttpClient();

    /** The service in a process of its own. */
    private record Service(Process process, int port, Api api) {
    }

    /** Every service process a test started: none outlives its test, whatever the test's outcome. */
    private final List<Process> started = new ArrayList<>();

    @AfterEach
    void stopEveryService() throws InterruptedException {
        for (Process process : started) {
            if (process.isAlive()) {
                process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            }
        }
    }

    private Service start() throws IOException, InterruptedException {
        return start(List.of());
    }

    private Service start(List<String> extraArgs) throws IOException, InterruptedException {
        if (dataDir == null) {
            // -Dcrash.keep=DIR keeps the store and the service's log for a look after the test
            String keep = System.getProperty("crash.keep");
            dataDir = keep != null ? Files.createDirectories(Path.of(keep)) : tempDir;
        }
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx384m",
                "-cp", System.getProperty("java.class.path"), CampaignTrackerApplication.class.getName(),
                "--server.port=" + port, "--campaign.storage.embedded.backend=h2",
                "--campaign.storage.embedded.data-dir=" + dataDir.resolve("store"),
                "--logging.level.root=WARN"));
        for (String arg : ApiTestBase.ADMIN_ARGS) {
            command.add(arg);
        }
        command.addAll(extraArgs);
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                                                     .redirectOutput(dataDir.resolve("service-" + port + ".log")
                                                                            .toFile())
                                                     .start();
        started.add(process);
        Api api = new Api(port);
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (System.nanoTime() < deadline) {
            try {
                if (http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/health"))
                                         .build(), HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return new Service(process, port, api);
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            if (!process.isAlive()) {
                break;
            }
            Thread.sleep(200);
        }
        process.destroyForcibly();
        throw new IllegalStateException("the service did not start: "
                                                + Files.readString(dataDir.resolve("service-" + port + ".log")));
    }

    /** A letter a writer sent: its case and its body; its marker is also its {@code Idempotency-Key}. */
    private record Sent(String caseId, String body) {
    }

    /** Letters acknowledged, by their marker, with the sequence the answer gave. */
    private Map<String, Long> load(Service service, List<String> cases, Duration killAfter, int round)
            throws Exception {
        return load(service, cases, killAfter, round, true, ConcurrentHashMap.newKeySet(), new ConcurrentHashMap<>());
    }

    /**
     * Letters acknowledged, by their marker, with the sequence the answer gave; answers other than 201 land in
     * {@code otherAnswers}, and every letter sent (answered or not) in {@code sent}. Each letter is sent with its
     * marker as its {@code Idempotency-Key}, as a client that may retry would.
     *
     * @param kill {@code kill -9} if true, else {@code SIGTERM} (a graceful stop)
     */
    private Map<String, Long> load(Service service, List<String> cases, Duration killAfter, int round, boolean kill,
                                   Set<Integer> otherAnswers, Map<String, Sent> sent) throws Exception {
        Map<String, Long> acknowledged = new ConcurrentHashMap<>();
        AtomicBoolean killed = new AtomicBoolean();
        ExecutorService writers = Executors.newFixedThreadPool(WRITERS);
        for (int w = 0; w < WRITERS; w++) {
            int writer = w;
            writers.submit(() -> {
                for (int i = 0; !killed.get(); i++) {
                    String marker = "r" + round + "-w" + writer + "-" + i;
                    String caseId = cases.get((writer + i) % cases.size());
                    try {
                        String body = JSON.writeValueAsString(Bodies.of("receivedOn", "2024-01-01", "from",
                                                                        "Writer " + writer, "summary", marker));
                        sent.put(marker, new Sent(caseId, body));
                        HttpResponse<String> response = http.send(
                                HttpRequest.newBuilder(URI.create("http://localhost:" + service.port()
                                                                          + "/api/cases/" + caseId + "/letters"))
                                           .header("Content-Type", "application/json")
                                           .header("Authorization", Api.basic(Api.ADMIN, Api.PASSWORD))
                                           .header("Idempotency-Key", marker)
                                           .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                                HttpResponse.BodyHandlers.ofString());
                        if (response.statusCode() == 201) {
                            acknowledged.put(marker, JSON.readTree(response.body()).path("sequence").asLong());
                        } else {
                            otherAnswers.add(response.statusCode());
                        }
                    } catch (IOException | InterruptedException e) {
                        return; // the service is gone
                    }
                }
            });
        }
        // mid-load: the clock starts at the first acknowledged write
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (acknowledged.isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        Thread.sleep(killAfter.toMillis());
        if (kill) {
            service.process().destroyForcibly(); // SIGKILL: no shutdown hook, no last commit
        } else {
            service.process().destroy(); // SIGTERM
        }
        assertThat(service.process().waitFor(60, TimeUnit.SECONDS)).as("the process ended").isTrue();
        killed.set(true);
        writers.shutdown();
        assertThat(writers.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
        return acknowledged;
    }

    /** Every letter in each case's history, by marker: how many times, and the sequences. */
    private static Map<String, List<Long>> recorded(Api api, List<String> cases) {
        Map<String, List<Long>> markers = new HashMap<>();
        for (String caseId : cases) {
            long from = 0;
            long expected = 0;
            while (true) {
                JsonNode page = api.get("/api/cases/" + caseId + "/history?limit=1000&fromSequence=" + from)
                                   .expect(200).body();
                for (JsonNode event : page.path("events")) {
                    assertThat(event.path("sequence").asLong()).as("no hole in " + caseId).isEqualTo(expected++);
                    if (event.path("type").asText().equals("LetterReceived")) {
                        markers.computeIfAbsent(event.path("payload").path("summary").asText(),
                                                m -> new ArrayList<>()).add(event.path("sequence").asLong());
                    }
                }
                if (page.path("nextSequence").isNull() || page.path("nextSequence").isMissingNode()) {
                    break;
                }
                from = page.path("nextSequence").asLong();
            }
            assertThat(api.get("/api/cases/" + caseId + "/integrity").expect(200).body().path("verified").asBoolean())
                    .as("hash chain of " + caseId).isTrue();
        }
        return markers;
    }

    private static List<String> openCases(Api api, String campaign) {
        List<String> cases = new ArrayList<>();
        for (int i = 0; i < CASES; i++) {
            cases.add(api.post("/api/cases", Bodies.openCase(campaign)).expect(201).text("id"));
        }
        return cases;
    }

    @Test
    void acknowledged_writes_survive_kill_9_exactly_once_and_read_models_converge() throws Exception {
        Service service = start();
        String campaign = service.api().post("/api/campaigns", Bodies.campaign("Crash test")).expect(201).text("id");
        List<String> cases = openCases(service.api(), campaign);
        Map<String, Long> acknowledged = new HashMap<>();
        List<String> rounds = new ArrayList<>();
        for (int round = 0; round < KILL_POINTS.size(); round++) {
            String thisRound = "r" + round + "-";
            Map<String, Long> acked = load(service, cases, KILL_POINTS.get(round), round);
            acknowledged.putAll(acked);
            service = start();
            Map<String, List<Long>> recorded = recorded(service.api(), cases);
            long duplicated = recorded.values().stream().filter(s -> s.size() > 1).count();
            long lost = acknowledged.keySet().stream().filter(m -> !recorded.containsKey(m)).count();
            long unacknowledgedKept = recorded.keySet().stream().filter(m -> !acknowledged.containsKey(m)).count();
            rounds.add(String.format("kill after %d ms: %d acknowledged, %d found, %d lost, %d duplicated, "
                                             + "%d kept without an answer", KILL_POINTS.get(round).toMillis(),
                                     acked.size(), recorded.size(), lost, duplicated, unacknowledgedKept));
            assertThat(acked).as("the load ran before the kill: " + rounds).isNotEmpty();
            assertThat(lost).as("acknowledged letters lost: " + rounds).isZero();
            assertThat(duplicated).as("letters recorded twice: " + rounds).isZero();
            acknowledged.forEach((marker, sequence) -> assertThat(recorded.get(marker))
                    .as("the sequence answered for " + marker).containsExactly(sequence));
            // letters whose 201 the kill cut off may be kept (durable before the answer), but only from this round;
            // from now on they count as recorded
            assertThat(recorded.keySet().stream().filter(m -> !acknowledged.containsKey(m))
                               .filter(m -> !m.startsWith(thisRound)).toList()).isEmpty();
            recorded.keySet().stream().filter(m -> !acknowledged.containsKey(m))
                    .forEach(m -> acknowledged.put(m, recorded.get(m).get(0)));
        }
        System.out.println("[crash] " + String.join("; ", rounds));

        assertReadModelsEqualARebuild(service.api(), campaign, cases);
        service.process().destroy();
        service.process().waitFor(30, TimeUnit.SECONDS);
    }

    @Test
    void retried_with_their_keys_after_a_kill_9_all_requests_are_recorded_exactly_once() throws Exception {
        Service service = start();
        String campaign = service.api().post("/api/campaigns", Bodies.campaign("Retries")).expect(201).text("id");
        List<String> cases = openCases(service.api(), campaign);
        Map<String, Sent> sent = new ConcurrentHashMap<>();
        Map<String, Long> acknowledged = load(service, cases, Duration.ofMillis(1500), 0, true,
                                              ConcurrentHashMap.newKeySet(), sent);

        // the clients retry every letter they sent, answered or not, with the same key and body
        service = start();
        int replayed = 0;
        int recordedByRetry = 0;
        for (Map.Entry<String, Sent> letter : sent.entrySet()) {
            Api.Response retry = service.api().withHeader("Idempotency-Key", letter.getKey())
                                        .post("/api/cases/" + letter.getValue().caseId() + "/letters",
                                              letter.getValue().body())
                                        .expect(201);
            boolean wasReplayed = retry.headers().firstValue("Idempotent-Replayed").isPresent();
            if (acknowledged.containsKey(letter.getKey())) {
                assertThat(retry.body().path("sequence").asLong()).as("the answer again")
                                                                  .isEqualTo(acknowledged.get(letter.getKey()));
                assertThat(wasReplayed).isTrue();
            }
            if (wasReplayed) {
                replayed++;
            } else {
                recordedByRetry++;
            }
        }
        Map<String, List<Long>> recorded = recorded(service.api(), cases);
        long duplicated = recorded.values().stream().filter(s -> s.size() > 1).count();
        System.out.println("[retries] " + sent.size() + " sent, " + acknowledged.size() + " acknowledged before the"
                                   + " kill; retried all: " + replayed + " answered from the store, "
                                   + recordedByRetry + " recorded by the retry; " + recorded.size() + " found, "
                                   + duplicated + " duplicated");

        assertThat(recorded.keySet()).as("every letter sent, once").isEqualTo(sent.keySet());
        assertThat(duplicated).isZero();
        assertThat(replayed).isGreaterThanOrEqualTo(acknowledged.size());
        service.process().destroy();
        service.process().waitFor(30, TimeUnit.SECONDS);
    }

    @Test
    void sigterm_answers_what_is_in_flight_and_keeps_every_acknowledged_write() throws Exception {
        Service service = start();
        String campaign = service.api().post("/api/campaigns", Bodies.campaign("Graceful")).expect(201).text("id");
        List<String> cases = openCases(service.api(), campaign);
        Set<Integer> otherAnswers = ConcurrentHashMap.newKeySet();
        Map<String, Long> acknowledged = load(service, cases, Duration.ofMillis(1500), 0, false, otherAnswers,
                                              new ConcurrentHashMap<>());
        int exitCode = service.process().exitValue();

        service = start();
        Map<String, List<Long>> recorded = recorded(service.api(), cases);
        System.out.println("[sigterm] exit code " + exitCode + ", " + acknowledged.size() + " acknowledged, "
                                   + recorded.size() + " found, other answers " + otherAnswers);
        assertThat(otherAnswers).as("answers other than 201 while stopping").allSatisfy(status ->
                assertThat(status).isLessThan(500));
        acknowledged.forEach((marker, sequence) -> assertThat(recorded.get(marker))
                .as("the sequence answered for " + marker).containsExactly(sequence));
        assertThat(recorded.values()).allSatisfy(sequences -> assertThat(sequences).hasSize(1));
        assertReadModelsEqualARebuild(service.api(), campaign, cases);
        service.process().destroy();
        service.process().waitFor(30, TimeUnit.SECONDS);
    }

    @Test
    void two_instances_on_one_store_share_the_work_and_keep_one_sequence_per_case() throws Exception {
        int mongoPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            mongoPort = socket.getLocalPort();
        }
        Service first = start(List.of("--campaign.storage.embedded.port=" + mongoPort));
        Service second = start(List.of("--campaign.storage.mongodb-uri=mongodb://127.0.0.1:" + mongoPort));
        try {
            String campaign = first.api().post("/api/campaigns", Bodies.campaign("Two")).expect(201).text("id");
            List<String> cases = openCases(first.api(), campaign);
            Map<String, Long> acknowledged = new ConcurrentHashMap<>();
            Set<Integer> otherAnswers = ConcurrentHashMap.newKeySet();
            ExecutorService writers = Executors.newFixedThreadPool(WRITERS);
            long until = System.nanoTime() + Duration.ofSeconds(3).toNanos();
            for (int w = 0; w < WRITERS; w++) {
                int writer = w;
                Service via = w % 2 == 0 ? first : second;
                writers.submit(() -> {
                    for (int i = 0; System.nanoTime() < until; i++) {
                        String marker = "two-w" + writer + "-" + i;
                        Api.Response response = via.api().post(
                                "/api/cases/" + cases.get((writer + i) % cases.size()) + "/letters",
                                Bodies.of("receivedOn", "2024-01-01", "from", "Writer " + writer, "summary", marker));
                        if (response.status() == 201) {
                            acknowledged.put(marker, response.body().path("sequence").asLong());
                        } else {
                            otherAnswers.add(response.status());
                        }
                    }
                    return null;
                });
            }
            writers.shutdown();
            assertThat(writers.awaitTermination(120, TimeUnit.SECONDS)).isTrue();

            Map<String, List<Long>> recorded = recorded(first.api(), cases);
            System.out.println("[two instances] " + acknowledged.size() + " acknowledged, " + recorded.size()
                                       + " found, other answers " + otherAnswers);
            assertThat(acknowledged).hasSizeGreaterThan(20);
            assertThat(otherAnswers).allSatisfy(status -> assertThat(status).isLessThan(500));
            assertThat(recorded).hasSize(acknowledged.size());
            acknowledged.forEach((marker, sequence) -> assertThat(recorded.get(marker))
                    .as("the sequence answered for " + marker).containsExactly(sequence));
            // the read models, shared, counted every letter once: whichever instance holds a processor's segment
            awaitCaughtUp(first.api(), false);
            awaitCaughtUp(second.api(), false);
            JsonNode firstStatuses = first.api().get("/api/admin/projections").expect(200).body();
            JsonNode secondStatuses = second.api().get("/api/admin/projections").expect(200).body();
            for (int i = 0; i < firstStatuses.size(); i++) {
                assertThat(firstStatuses.get(i).path("processedHere").asBoolean()
                                   ^ secondStatuses.get(i).path("processedHere").asBoolean())
                        .as("exactly one instance processes " + firstStatuses.get(i).path("name")).isTrue();
            }
            // a rebuild asked of the instance that does not hold the read model is refused, and changes nothing
            JsonNode status = firstStatuses.get(0);
            Service idle = status.path("processedHere").asBoolean() ? second : first;
            String name = status.path("name").asText();
            JsonNode refused = idle.api().post("/api/admin/projections/" + name + "/rebuild", "").expectProblem(409)
                                   .body();
            assertThat(refused.path("code").asText()).isEqualTo("READ_MODEL_HELD_ELSEWHERE");
            assertThat(idle.api().get("/api/admin/projections/" + name).expect(200).body().path("running")
                           .asBoolean()).as("still running").isTrue();
            assertThat(first.api().as(null).get("/actuator/health").status()).isEqualTo(200);
            assertThat(second.api().as(null).get("/actuator/health").status()).isEqualTo(200);
            for (String caseId : cases) {
                JsonNode fromFirst = first.api().get("/api/cases/" + caseId).expect(200).body();
                JsonNode fromSecond = second.api().get("/api/cases/" + caseId).expect(200).body();
                assertThat(fromSecond).isEqualTo(fromFirst);
                // every event after the opening is a letter
                assertThat(fromFirst.path("counts").path("letters").asLong())
                        .isEqualTo(fromFirst.path("version").asLong());
                assertThat(first.api().get("/api/cases/" + caseId + "/timeline").expect(200).body()
                                .path("entries").size()).isEqualTo(fromFirst.path("version").asInt() + 1);
            }
        } finally {
            second.process().destroy();
            first.process().destroy();
            second.process().waitFor(30, TimeUnit.SECONDS);
            first.process().waitFor(30, TimeUnit.SECONDS);
        }
    }

    private static Map<String, JsonNode> views(Api api, String campaign, List<String> cases) {
        Map<String, JsonNode> views = new HashMap<>();
        for (String caseId : cases) {
            views.put("summary " + caseId, api.get("/api/cases/" + caseId).expect(200).body());
            views.put("timeline " + caseId, api.get("/api/cases/" + caseId + "/timeline").expect(200).body());
        }
        views.put("dashboard", api.get("/api/campaigns/" + campaign).expect(200).body());
        views.put("officials", api.get("/api/officials").expect(200).body());
        return views;
    }

    private static String abbreviate(JsonNode node) {
        String text = String.valueOf(node);
        if (node != null && node.has("entries")) {
            text = "timeline of " + node.path("entries").size() + " entries, sequences " + node.findValues("sequence");
        }
        return text.length() > 1500 ? text.substring(0, 1500) + "…" : text;
    }

    /** Until every read model is caught up here (a restarted instance first waits for the dead one's claims). */
    private static void awaitCaughtUp(Api api) throws InterruptedException {
        api.awaitCaughtUp(true);
    }

    private static void awaitCaughtUp(Api api, boolean here) throws InterruptedException {
        api.awaitCaughtUp(here);
    }

    private static void assertReadModelsEqualARebuild(Api api, String campaign, List<String> cases)
            throws InterruptedException {
        awaitCaughtUp(api);
        Map<String, JsonNode> afterCrashes = views(api, campaign, cases);
        for (String name : ReadModels.NAMES) {
            api.post("/api/admin/projections/" + name + "/rebuild", "").expect(202);
            awaitCaughtUp(api);
        }
        Map<String, JsonNode> rebuilt = views(api, campaign, cases);
        List<String> differing = new ArrayList<>();
        afterCrashes.forEach((view, live) -> {
            if (!live.equals(rebuilt.get(view))) {
                differing.add(view + "\n  live:    " + abbreviate(live) + "\n  rebuilt: " + abbreviate(rebuilt.get(view)));
            }
        });
        assertThat(differing).as("views that differ from a rebuild").isEmpty();
    }
}
