package org.freedomcampaigns.tracker.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.bson.Document;

import org.freedomcampaigns.tracker.Api;
import org.freedomcampaigns.tracker.ApiTestBase;
import org.freedomcampaigns.tracker.Bodies;
import org.freedomcampaigns.tracker.CampaignTrackerApplication;
import org.freedomcampaigns.tracker.application.ReadModelVersions;
import org.freedomcampaigns.tracker.application.ReadModels;
import org.freedomcampaigns.tracker.projections.timeline.TimelineProjection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import com.fasterxml.jackson.databind.JsonNode;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;

/**
 * The embedded default as a user runs it: the H2 file backend under a data directory, with the demo switch on.
 * What was recorded is there after a restart, and the demo story is loaded once.
 */
class EmbeddedH2StoreTest {
    @TempDir
    Path dataDir;

    private ConfigurableApplicationContext start() {
        List<String> args = new ArrayList<>(List.of("--server.port=0", "--campaign.storage.embedded.backend=h2",
                                                    "--campaign.storage.embedded.data-dir=" + dataDir,
                                                    "--campaign.demo.enabled=true"));
        args.addAll(List.of(ApiTestBase.ADMIN_ARGS));
        return new SpringApplicationBuilder(CampaignTrackerApplication.class).run(args.toArray(String[]::new));
    }

    private static Api api(ConfigurableApplicationContext context) {
        return new Api(Integer.parseInt(context.getEnvironment().getProperty("local.server.port")));
    }

    @Test
    void records_survive_a_restart_and_the_demo_is_loaded_once() throws Exception {
        String caseId;
        long sequence;
        try (ConfigurableApplicationContext first = start()) {
            Api api = api(first);
            JsonNode alice = api.get("/api/cases/alice-marie-johnson").expect(200).body();
            assertThat(alice.path("status").asText()).isEqualTo("RELEASED");
            assertThat(alice.path("clemency").path("grantedOn").asText()).isEqualTo("2018-06-06");
            caseId = api.post("/api/cases", Bodies.openCase("the-justice-project")).expect(201).text("id");
            sequence = api.post("/api/cases/" + caseId + "/letters", Bodies.letter()).expect(201)
                          .body().path("sequence").asLong();
        }
        assertThat(Files.list(dataDir)).isNotEmpty();

        try (ConfigurableApplicationContext second = start()) {
            Api api = api(second);
            JsonNode summary = api.get("/api/cases/" + caseId).expect(200).body();
            assertThat(summary.path("version").asLong()).isEqualTo(sequence);
            assertThat(summary.path("counts").path("letters").asInt()).isEqualTo(1);
            // the next fact continues the same stream
            assertThat(api.post("/api/cases/" + caseId + "/notes", Bodies.note()).expect(201)
                          .body().path("sequence").asLong()).isEqualTo(sequence + 1);
            JsonNode cases = api.get("/api/cases?campaignId=the-justice-project").expect(200).body();
            assertThat(cases.path("total").asLong()).as("5 demo cases, once, and ours").isEqualTo(6);
            JsonNode timeline = api.get("/api/cases/alice-marie-johnson/timeline").expect(200).body();
            assertThat(timeline.path("entries")).hasSize(10);
        }
    }

    @Test
    void a_read_model_stored_in_an_older_form_is_rebuilt_at_start_up() throws Exception {
        try (ConfigurableApplicationContext first = start()) {
            assertThat(api(first).get("/api/cases/alice-marie-johnson/timeline").expect(200).body().path("entries"))
                    .hasSize(10);
            // what a store written by an earlier version looks like to today's code: the timeline's version is 1
            // and its entries are not where version 2 keeps them
            MongoDatabase database = first.getBean(MongoDatabase.class);
            database.getCollection(ReadModelVersions.COLLECTION).replaceOne(
                    Filters.eq("_id", TimelineProjection.NAME), new Document("version", 1));
            database.getCollection(TimelineProjection.ENTRIES_COLLECTION).deleteMany(new Document());
        }

        try (ConfigurableApplicationContext second = start()) {
            Api api = api(second);
            ReadModels readModels = second.getBean(ReadModels.class);
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (readModels.isRebuilding(TimelineProjection.NAME) && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            assertThat(readModels.isRebuilding(TimelineProjection.NAME)).isFalse();
            assertThat(api.get("/api/cases/alice-marie-johnson/timeline").expect(200).body().path("entries"))
                    .hasSize(10);
            assertThat(second.getBean(MongoDatabase.class).getCollection(ReadModelVersions.COLLECTION)
                             .find(Filters.eq("_id", TimelineProjection.NAME)).first().getInteger("version"))
                    .isEqualTo(2);
        }
    }
}
