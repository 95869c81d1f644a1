package org.freedomcampaigns.tracker.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.bson.Document;
import org.freedomcampaigns.tracker.Api;
import org.freedomcampaigns.tracker.ApiTestBase;
import org.freedomcampaigns.tracker.Bodies;
import org.freedomcampaigns.tracker.projections.casesummary.CaseSummaryProjection;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.fasterxml.jackson.databind.JsonNode;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;

/**
 * A read model that cannot apply a case's event (here: the case's summary document was damaged in the database)
 * parks that case's events, in order, while every other case keeps flowing; an admin lists them, and retries them
 * once the cause is fixed.
 */
class PoisonEventApiTest extends ApiTestBase {
    private static final String SUMMARY = CaseSummaryProjection.NAME;

    @Autowired
    MongoDatabase database;

    private MongoCollection<Document> summaries;
    private String poisoned;
    private String healthy;
    private Document countsBefore;

    @BeforeEach
    void damageOneSummary() {
        summaries = database.getCollection(CaseSummaryProjection.COLLECTION);
        String campaign = launchCampaign();
        poisoned = openCase(campaign);
        healthy = openCase(campaign);
        api.post("/api/cases/" + poisoned + "/letters", Bodies.letter()).expect(201);
        countsBefore = summaries.find(Filters.eq("_id", poisoned)).first().get("counts", Document.class);
        // what an operator's mistake could do: the summary's counts are no longer a document
        summaries.updateOne(Filters.eq("_id", poisoned), Updates.set("counts", "damaged"));
    }

    private void repair() {
        summaries.updateOne(Filters.eq("_id", poisoned), Updates.set("counts", countsBefore));
    }

    private JsonNode parkedIn(String readModel) {
        for (JsonNode model : api.get("/api/admin/dead-letters").expect(200).body()) {
            if (model.path("readModel").asText().equals(readModel)) {
                return model;
            }
        }
        throw new AssertionError("no read model " + readModel);
    }

    private JsonNode parkedCase(String readModel, String caseId) {
        for (JsonNode parked : parkedIn(readModel).path("cases")) {
            if (parked.path("caseId").asText().equals(caseId)) {
                return parked;
            }
        }
        return null;
    }

    private static List<Long> sequences(JsonNode parked) {
        List<Long> sequences = new ArrayList<>();
        parked.path("letters").forEach(letter -> sequences.add(letter.path("sequence").asLong()));
        return sequences;
    }

    @Test
    void a_poison_event_parks_its_case_in_order_while_other_cases_flow_and_a_retry_after_the_fix_applies_them() {
        Api.Response second = api.post("/api/cases/" + poisoned + "/letters", Bodies.letter()).expect(201);
        api.post("/api/cases/" + poisoned + "/notes", Bodies.note()).expect(201);
        Api.Response other = api.post("/api/cases/" + healthy + "/letters", Bodies.letter()).expect(201);

        assertThat(second.readModels()).as("recorded, not shown yet").isEqualTo("catching-up");
        assertThat(other.readModels()).as("the other case flows").isNull();
        assertThat(api.get("/api/cases/" + healthy).expect(200).body().path("counts").path("letters").asInt())
                .isEqualTo(1);
        assertThat(api.get("/api/cases/" + poisoned + "/timeline").expect(200).body().path("entries"))
                .as("the other read models apply the case").hasSize(4);
        JsonNode parked = parkedCase(SUMMARY, poisoned);
        assertThat(sequences(parked)).containsExactly(2L, 3L);
        assertThat(parked.path("letters").get(0).path("type").asText()).isEqualTo("LetterReceived");
        assertThat(parked.path("letters").get(0).path("cause").asText()).isEqualTo(ClassCastException.class.getName());
        assertThat(parked.path("letters").get(0).has("payload")).as("no personal data").isFalse();
        assertThat(parked.path("letters").get(0).has("causeMessage")).as("it can quote the payload").isFalse();
        assertThat(parkedIn(SUMMARY).path("letters").asLong()).isEqualTo(2);
        JsonNode health = api.get("/actuator/health").expect(200).body();
        assertThat(health.path("components").path("readModels").path("details").path(SUMMARY).path("parked")
                         .asLong()).isEqualTo(2);

        // retried before the fix: still failing, still parked, nothing changed
        JsonNode failedAgain = api.post("/api/admin/dead-letters/retry?readModel=" + SUMMARY + "&caseId=" + poisoned,
                                        "").expect(200).body();
        assertThat(failedAgain.path("retried").get(0).path("applied").asBoolean()).isFalse();
        assertThat(failedAgain.path("retried").get(0).path("stillParked").asLong()).isEqualTo(2);
        assertThat(sequences(parkedCase(SUMMARY, poisoned))).containsExactly(2L, 3L);

        repair();
        Api keyed = api.withHeader("Idempotency-Key", "retry-" + poisoned);
        JsonNode retried = keyed.post("/api/admin/dead-letters/retry", "").expect(200).body();
        Api.Response again = keyed.post("/api/admin/dead-letters/retry", "").expect(200);
        assertThat(again.body()).as("the same answer, nothing retried").isEqualTo(retried);
        assertThat(again.headers().firstValue("Idempotent-Replayed")).hasValue("true");

        assertThat(retried.path("retried")).hasSize(1);
        assertThat(retried.path("retried").get(0).path("caseId").asText()).isEqualTo(poisoned);
        assertThat(retried.path("retried").get(0).path("applied").asBoolean()).isTrue();
        assertThat(retried.path("stillParked").asLong()).isZero();
        JsonNode summary = api.get("/api/cases/" + poisoned).expect(200).body();
        assertThat(summary.path("version").asLong()).isEqualTo(3);
        assertThat(summary.path("counts").path("letters").asInt()).isEqualTo(2);
        assertThat(summary.path("counts").path("notes").asInt()).isEqualTo(1);
        assertThat(parkedCase(SUMMARY, poisoned)).isNull();
        assertThat(api.post("/api/cases/" + poisoned + "/letters", Bodies.letter()).expect(201).readModels())
                .as("flowing again").isNull();
    }

    @Test
    void a_rebuild_empties_the_dead_letters_and_applies_everything_again() throws Exception {
        api.post("/api/cases/" + poisoned + "/letters", Bodies.letter()).expect(201);
        assertThat(parkedCase(SUMMARY, poisoned)).isNotNull();

        api.post("/api/admin/projections/" + SUMMARY + "/rebuild", "").expect(202);
        long deadline = System.currentTimeMillis() + 60_000;
        JsonNode status = null;
        while (System.currentTimeMillis() < deadline) {
            status = api.get("/api/admin/projections/" + SUMMARY).expect(200).body();
            if (!status.path("rebuilding").asBoolean() && status.path("lag").asLong() == 0) {
                break;
            }
            Thread.sleep(20);
        }

        assertThat(status.path("parked").asLong()).isZero();
        assertThat(parkedCase(SUMMARY, poisoned)).isNull();
        assertThat(api.get("/api/cases/" + poisoned).expect(200).body().path("counts").path("letters").asInt())
                .isEqualTo(2);
    }

    @Test
    void an_unknown_read_model_is_a_404() {
        api.post("/api/admin/dead-letters/retry?readModel=no-such-model", "").expectProblem(404);
        repair();
    }
}
