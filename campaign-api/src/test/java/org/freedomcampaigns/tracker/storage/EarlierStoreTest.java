package org.freedomcampaigns.tracker.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import org.bson.Document;
import org.freedomcampaigns.tracker.Api;
import org.freedomcampaigns.tracker.ApiTestBase;
import org.freedomcampaigns.tracker.Bodies;
import org.freedomcampaigns.tracker.CampaignTrackerApplication;
import org.freedomcampaigns.tracker.application.ReadModels;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;

/**
 * A store written by the first release, before events were stored under stable names: its events carry Java class
 * names of a package that no longer exists ({@code org.freedomcampaigns.tracker.api.CaseEvent$LetterReceived}), its
 * snapshots the aggregates' class names. {@code stores/first-release} holds every collection of that release's store
 * after it loaded the demo data and a case with every kind of fact, two corrections and a retraction (snapshots every
 * 4 events), and {@code answers.json} what that release answered to every read of it. Today's code must read that
 * store, answer the same, rebuild the same read models from it and go on writing to it.
 */
class EarlierStoreTest {
    private static final String FIXTURE = "/stores/first-release/";
    private static final List<String> COLLECTIONS = List.of(
            "event_commits", "event_counters", "event_snapshots", "trackingtokens", "read_model_versions",
            "case_summaries", "case_timelines", "case_timeline_entries", "campaign_dashboards",
            "campaign_dashboard_cases", "officials", "official_contacts");
    private static final ObjectMapper JSON = new ObjectMapper();

    private MongoServer server;
    private int port;
    private ConfigurableApplicationContext app;

    @BeforeEach
    void loadTheEarlierStore() throws IOException {
        server = new MongoServer(new MemoryBackend());
        InetSocketAddress address = server.bind();
        port = address.getPort();
        try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + port)) {
            MongoDatabase database = client.getDatabase("campaign-tracker");
            for (String collection : COLLECTIONS) {
                List<Document> documents = new ArrayList<>();
                for (String line : resource(collection + ".jsonl").split("\n")) {
                    if (!line.isBlank()) {
                        documents.add(Document.parse(line));
                    }
                }
                database.getCollection(collection).insertMany(documents);
            }
        }
    }

    @AfterEach
    void stop() {
        if (app != null) {
            app.close();
        }
        server.shutdown();
    }

    private Api start(String... more) {
        List<String> args = new ArrayList<>(List.of("--server.port=0",
                                                    "--campaign.storage.mongodb-uri=mongodb://127.0.0.1:" + port));
        args.addAll(List.of(ApiTestBase.ADMIN_ARGS));
        args.addAll(List.of(more));
        app = new SpringApplicationBuilder(CampaignTrackerApplication.class).run(args.toArray(String[]::new));
        return new Api(Integer.parseInt(app.getEnvironment().getProperty("local.server.port")));
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = EarlierStoreTest.class.getResourceAsStream(FIXTURE + name)) {
            assertThat(in).as(FIXTURE + name).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** Every read the earlier release answered, asked again: the same answer, or the paths that differ. */
    private static List<String> differences(Api api) throws IOException {
        JsonNode answers = JSON.readTree(resource("answers.json"));
        assertThat(answers.size()).as("reads recorded").isGreaterThan(40);
        List<String> differing = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = answers.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> answer = it.next();
            JsonNode now = api.get(answer.getKey()).expect(200).body();
            if (!answer.getValue().equals(now)) {
                differing.add(answer.getKey() + "\n  then: " + answer.getValue() + "\n  now:  " + now);
            }
        }
        return differing;
    }

    @Test
    void the_earlier_store_answers_as_it_did_before_and_after_a_rebuild_of_every_read_model() throws Exception {
        Api api = start();
        api.awaitCaughtUp(true);
        assertThat(differences(api)).as("reads of the read models that release built").isEmpty();

        for (String name : ReadModels.NAMES) {
            api.post("/api/admin/projections/" + name + "/rebuild", "").expect(202);
            api.awaitCaughtUp(true);
        }
        assertThat(differences(api)).as("reads of read models rebuilt by today's code").isEmpty();
    }

    @Test
    void cases_of_the_earlier_store_go_on_under_stable_names_and_their_chains_still_verify() throws Exception {
        Api api = start("--campaign.aggregates.snapshot-every=3");
        String alice = "/api/cases/alice-marie-johnson";
        long last = api.get(alice + "/history").expect(200).body().path("events").size() - 1;
        int notes = api.get(alice).expect(200).body().path("counts").path("notes").asInt();
        for (int i = 1; i <= 3; i++) {
            assertThat(api.post(alice + "/notes", Bodies.note()).expect(201).body().path("sequence").asLong())
                    .isEqualTo(last + i);
        }

        JsonNode events = api.get(alice + "/history").expect(200).body().path("events");
        assertThat(events.get(1).path("payloadType").asText())
                .isEqualTo("org.freedomcampaigns.tracker.api.CaseEvent$LetterReceived");
        assertThat(events.get(1).path("type").asText()).isEqualTo("LetterReceived");
        JsonNode newest = events.get(events.size() - 1);
        assertThat(newest.path("payloadType").asText()).isEqualTo("NoteAdded");
        assertThat(newest.path("type").asText()).isEqualTo("NoteAdded");
        assertThat(api.get(alice + "/integrity").expect(200).body().path("verified").asBoolean()).isTrue();
        MongoDatabase database = app.getBean(MongoDatabase.class);
        Document snapshot = database.getCollection("event_snapshots").find(Filters.eq("_id", "alice-marie-johnson"))
                                    .first();
        assertThat(snapshot.getString("payloadType")).as("a snapshot taken today").isEqualTo("Case");

        // the snapshot just taken, and the earlier release's of other cases, load the cases as they stand
        app.close();
        api = start();
        assertThat(api.post(alice + "/notes", Bodies.note()).expect(201).body().path("sequence").asLong())
                .isEqualTo(last + 4);
        String closed = api.get("/api/cases?status=CLOSED").expect(200).body().path("items").get(0).path("id")
                           .asText();
        assertThat(api.post("/api/cases/" + closed + "/notes", Bodies.note()).expectProblem(409).text("code"))
                .isEqualTo("CASE_CLOSED");
        api.awaitCaughtUp(true);
        assertThat(api.get(alice).expect(200).body().path("counts").path("notes").asInt()).isEqualTo(notes + 4);
    }
}
