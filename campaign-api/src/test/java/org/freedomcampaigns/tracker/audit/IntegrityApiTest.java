package org.freedomcampaigns.tracker.audit;

import static org.assertj.core.api.Assertions.assertThat;

import org.bson.Document;
import org.freedomcampaigns.tracker.ApiTestBase;
import org.freedomcampaigns.tracker.Bodies;
import org.freedomcampaigns.tracker.eventstore.MongoEventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.fasterxml.jackson.databind.JsonNode;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;

/** Tampering with the stored events of a case, directly in MongoDB, is detected at the right sequence. */
class IntegrityApiTest extends ApiTestBase {
    @Autowired
    MongoDatabase database;

    private String caseWithFacts(int letters) {
        String caseId = openCase(launchCampaign());
        for (int i = 0; i < letters; i++) {
            api.post("/api/cases/" + caseId + "/letters", Bodies.letter()).expect(201);
        }
        return caseId;
    }

    private MongoCollection<Document> commits() {
        return database.getCollection(MongoEventStore.COMMITS);
    }

    private static String key(String caseId, long sequence) {
        return caseId.length() + ":" + caseId + ":" + sequence;
    }

    @Test
    void an_untouched_case_verifies() {
        String caseId = caseWithFacts(3);
        JsonNode report = api.get("/api/cases/" + caseId + "/integrity").expect(200).body();
        assertThat(report.path("verified").asBoolean()).isTrue();
        assertThat(report.path("events").asLong()).isEqualTo(4);
        JsonNode history = api.get("/api/cases/" + caseId + "/history").expect(200).body();
        assertThat(history.path("events").get(3).path("hash").asText()).hasSize(64);
    }

    @Test
    void an_edited_event_is_reported_at_its_sequence() {
        String caseId = caseWithFacts(4);
        commits().updateOne(Filters.eq("key", key(caseId, 2)),
                            Updates.set("events.0.payload", "{\"caseId\":{\"value\":\"" + caseId + "\"},"
                                    + "\"receivedOn\":\"2017-02-03\",\"from\":\"Someone else\",\"summary\":\"x\"}"));
        JsonNode report = api.get("/api/cases/" + caseId + "/integrity").expect(200).body();
        assertThat(report.path("verified").asBoolean()).isFalse();
        assertThat(report.path("brokenAtSequence").asLong()).isEqualTo(2);
        assertThat(report.path("reason").asText()).contains("does not match its hash");
    }

    @Test
    void an_edited_record_time_is_reported_too() {
        String caseId = caseWithFacts(2);
        commits().updateOne(Filters.eq("key", key(caseId, 1)),
                            Updates.set("events.0.timestamp", "2001-01-01T00:00:00Z"));
        JsonNode report = api.get("/api/cases/" + caseId + "/integrity").expect(200).body();
        assertThat(report.path("brokenAtSequence").asLong()).isEqualTo(1);
    }

    @Test
    void a_deleted_event_is_reported_at_its_sequence() {
        String caseId = caseWithFacts(4);
        commits().deleteOne(Filters.eq("key", key(caseId, 3)));
        JsonNode report = api.get("/api/cases/" + caseId + "/integrity").expect(200).body();
        assertThat(report.path("verified").asBoolean()).isFalse();
        assertThat(report.path("brokenAtSequence").asLong()).isEqualTo(3);
        assertThat(report.path("reason").asText()).contains("missing");
        assertThat(report.path("events").asLong()).isEqualTo(3);
    }

    @Test
    void a_deleted_first_event_is_reported_not_hidden() {
        String caseId = caseWithFacts(2);
        commits().deleteOne(Filters.eq("key", key(caseId, 0)));
        JsonNode report = api.get("/api/cases/" + caseId + "/integrity").expect(200).body();
        assertThat(report.path("verified").asBoolean()).isFalse();
        assertThat(report.path("brokenAtSequence").asLong()).isZero();
    }

    @Test
    void an_unknown_case_is_a_404() {
        api.get("/api/cases/no-such-case/integrity").expectProblem(404);
        api.get("/api/cases/" + launchCampaign() + "/integrity").expectProblem(404);
    }
}
