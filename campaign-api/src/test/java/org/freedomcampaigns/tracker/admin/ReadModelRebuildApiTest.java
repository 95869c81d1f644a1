package org.freedomcampaigns.tracker.admin;

import org.freedomcampaigns.tracker.application.ReadModels;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.freedomcampaigns.tracker.Api.Response;
import org.freedomcampaigns.tracker.ApiTestBase;
import org.freedomcampaigns.tracker.Bodies;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/** Rebuilding a read model from the event store gives exactly the read model that was built live. */
class ReadModelRebuildApiTest extends ApiTestBase {

    private Map<String, JsonNode> views(String campaignId, List<String> caseIds) {
        Map<String, JsonNode> views = new LinkedHashMap<>();
        for (String caseId : caseIds) {
            views.put("summary " + caseId, api.get("/api/cases/" + caseId).expect(200).body());
            views.put("timeline " + caseId, api.get("/api/cases/" + caseId + "/timeline").expect(200).body());
        }
        views.put("cases", api.get("/api/cases?campaignId=" + campaignId).expect(200).body());
        views.put("dashboard", api.get("/api/campaigns/" + campaignId).expect(200).body());
        JsonNode officials = api.get("/api/officials").expect(200).body();
        for (JsonNode official : officials) {
            if (official.path("cases").toString().contains(caseIds.get(0))) {
                views.put("official " + official.path("name").asText(), official);
            }
        }
        return views;
    }

    private void awaitRebuilt(String name) {
        long deadline = System.currentTimeMillis() + 60_000;
        while (System.currentTimeMillis() < deadline) {
            JsonNode status = api.get("/api/admin/projections/" + name).expect(200).body();
            if (!status.path("rebuilding").asBoolean() && status.path("lag").asLong() == 0
                    && status.path("running").asBoolean()) {
                return;
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
        throw new AssertionError(name + " did not finish rebuilding");
    }

    @Test
    void every_read_model_rebuilt_from_the_store_equals_the_live_one() {
        String campaignId = launchCampaign();
        List<String> caseIds = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            String caseId = openCase(campaignId);
            caseIds.add(caseId);
            api.post("/api/cases/" + caseId + "/letters", Bodies.letter()).expect(201);
            api.post("/api/cases/" + caseId + "/lobbying", Bodies.lobbying()).expect(201);
            api.post("/api/cases/" + caseId + "/petitions", Bodies.petition()).expect(201);
        }
        api.post("/api/cases/" + caseIds.get(0) + "/clemency", Bodies.clemency()).expect(201);
        api.post("/api/cases/" + caseIds.get(0) + "/release", Bodies.release()).expect(201);
        for (String name : ReadModels.NAMES) {
            awaitRebuilt(name);
        }
        Map<String, JsonNode> live = views(campaignId, caseIds);

        // one rebuild at a time per user: each is waited for before the next
        for (String name : ReadModels.NAMES) {
            Response started = api.post("/api/admin/projections/" + name + "/rebuild", "").expect(202);
            assertThat(started.location()).isEqualTo("/api/admin/projections/" + name);
            awaitRebuilt(name);
        }

        assertThat(views(campaignId, caseIds)).isEqualTo(live);
        JsonNode statuses = api.get("/api/admin/projections").expect(200).body();
        assertThat(statuses).hasSize(4);
        for (JsonNode status : statuses) {
            assertThat(status.path("position").asLong()).isEqualTo(status.path("head").asLong());
            assertThat(status.path("error").asBoolean()).isFalse();
        }
    }

    @Test
    void an_unknown_read_model_is_a_404() {
        api.post("/api/admin/projections/no-such-model/rebuild", "").expectProblem(404);
        api.get("/api/admin/projections/no-such-model").expectProblem(404);
    }

    @Test
    void a_retried_rebuild_with_the_same_key_starts_nothing_new() {
        String name = ReadModels.NAMES.get(0);
        awaitRebuilt(name);
        String key = "rebuild-" + java.util.UUID.randomUUID();
        Response started = api.withHeader("Idempotency-Key", key)
                              .post("/api/admin/projections/" + name + "/rebuild", "").expect(202);
        assertThat(started.body().path("rebuilding").asBoolean()).isTrue();
        assertThat(started.body().path("processedHere").asBoolean())
                .as("restarted, before it claimed its segment again: still this instance's").isTrue();
        awaitRebuilt(name);

        Response retried = api.withHeader("Idempotency-Key", key)
                              .post("/api/admin/projections/" + name + "/rebuild", "").expect(202);

        assertThat(retried.location()).isEqualTo(started.location());
        assertThat(retried.headers().firstValue("Idempotent-Replayed")).hasValue("true");
        assertThat(retried.body().path("rebuilding").asBoolean()).as("no second rebuild").isFalse();
        assertThat(api.withHeader("Idempotency-Key", key)
                      .post("/api/admin/projections/" + ReadModels.NAMES.get(1) + "/rebuild", "")
                      .expectProblem(422).text("code")).isEqualTo("IDEMPOTENCY_KEY_REUSED");
        assertThat(api.withHeader("Idempotency-Key", key)
                      .post("/api/admin/projections/" + name + "/rebuild?force=true", "")
                      .expectProblem(422).text("code")).as("another query is another request")
                .isEqualTo("IDEMPOTENCY_KEY_REUSED");
    }
}
