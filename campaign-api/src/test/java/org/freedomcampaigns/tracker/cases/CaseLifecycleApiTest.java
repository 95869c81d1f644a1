package org.freedomcampaigns.tracker.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.freedomcampaigns.tracker.Api.Response;
import org.freedomcampaigns.tracker.ApiTestBase;
import org.freedomcampaigns.tracker.Bodies;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/** A case's whole life over HTTP: every kind of fact, read back at once through every read model. */
class CaseLifecycleApiTest extends ApiTestBase {

    private record Step(String path, Map<String, Object> body, String statusAfter) {
    }

    @Test
    void every_fact_is_recorded_and_visible_in_the_next_read() {
        Response launched = api.post("/api/campaigns", Bodies.campaign("Life without parole clemency"))
                               .expect(201);
        String campaignId = launched.text("id");
        assertThat(launched.location()).isEqualTo("/api/campaigns/" + campaignId);
        assertThat(api.get("/api/campaigns/" + campaignId).expect(200).text("name"))
                .isEqualTo("Life without parole clemency");

        Response opened = api.post("/api/cases", Bodies.openCase(campaignId)).expect(201);
        String caseId = opened.text("id");
        assertThat(opened.location()).isEqualTo("/api/cases/" + caseId);
        JsonNode summary = api.get("/api/cases/" + caseId).expect(200).body();
        assertThat(summary.path("status").asText()).isEqualTo("OPEN");
        assertThat(summary.path("version").asLong()).isZero();
        assertThat(summary.path("person").path("name").asText()).isEqualTo("Alice Marie Johnson");

        List<Step> steps = List.of(
                new Step("letters", Bodies.letter(), "OPEN"),
                new Step("visits", Bodies.visit(), "OPEN"),
                new Step("family-contacts", Bodies.familyContact(), "OPEN"),
                new Step("legal-consultations", Bodies.legalConsultation(), "OPEN"),
                new Step("lobbying", Bodies.lobbying(), "OPEN"),
                new Step("petitions", Bodies.petition(), "PETITION_FILED"),
                new Step("denials", Bodies.denial(), "CLEMENCY_DENIED"),
                new Step("petitions", Bodies.petition(), "PETITION_FILED"),
                new Step("clemency", Bodies.clemency(), "CLEMENCY_GRANTED"),
                new Step("release", Bodies.release(), "RELEASED"),
                new Step("notes", Bodies.note(), "RELEASED"),
                new Step("close", Bodies.close(), "CLOSED"));
        long expectedSequence = 1;
        for (Step step : steps) {
            Response recorded = api.post("/api/cases/" + caseId + "/" + step.path(), step.body()).expect(201);
            assertThat(recorded.text("caseId")).isEqualTo(caseId);
            assertThat(recorded.body().path("sequence").asLong()).isEqualTo(expectedSequence);
            assertThat(recorded.readModels()).isNull();

            // read-your-writes: the very next GET shows the fact
            JsonNode after = api.get("/api/cases/" + caseId).expect(200).body();
            assertThat(after.path("version").asLong()).isEqualTo(expectedSequence);
            assertThat(after.path("status").asText()).as("status after %s", step.path()).isEqualTo(step.statusAfter());
            JsonNode entries = api.get("/api/cases/" + caseId + "/timeline").expect(200).body().path("entries");
            assertThat(entries).hasSize((int) expectedSequence + 1);
            expectedSequence++;
        }

        JsonNode finalSummary = api.get("/api/cases/" + caseId).expect(200).body();
        JsonNode counts = finalSummary.path("counts");
        assertThat(counts.path("letters").asInt()).isEqualTo(1);
        assertThat(counts.path("visits").asInt()).isEqualTo(1);
        assertThat(counts.path("familyContacts").asInt()).isEqualTo(1);
        assertThat(counts.path("legalConsultations").asInt()).isEqualTo(1);
        assertThat(counts.path("lobbying").asInt()).isEqualTo(1);
        assertThat(counts.path("petitions").asInt()).isEqualTo(2);
        assertThat(counts.path("clemencyDenials").asInt()).isEqualTo(1);
        assertThat(counts.path("clemencyGrants").asInt()).isEqualTo(1);
        assertThat(counts.path("releases").asInt()).isEqualTo(1);
        assertThat(counts.path("notes").asInt()).isEqualTo(1);
        assertThat(finalSummary.path("clemency").path("kind").asText()).isEqualTo("COMMUTATION");
        assertThat(finalSummary.path("release").path("releasedOn").asText()).isEqualTo("2018-06-06");
        assertThat(finalSummary.path("closure").path("reason").asText()).contains("campaign goal met");
        assertThat(finalSummary.path("lastActivityOn").asText()).isEqualTo("2018-07-01");
        assertThat(finalSummary.has("search")).isFalse();

        // the timeline is in order of occurrence: the denial (2018-04-01) comes before the lobbying (2018-05-30)
        // a note happens when it is written: it is dated on the day it was recorded, so it comes last here
        List<String> kinds = new ArrayList<>();
        List<String> dates = new ArrayList<>();
        api.get("/api/cases/" + caseId + "/timeline").body().path("entries").forEach(entry -> {
            kinds.add(entry.path("kind").asText());
            dates.add(entry.path("occurredOn").asText());
            assertThat(entry.path("recordedAt").asText()).isNotBlank();
            assertThat(entry.path("summary").asText()).isNotBlank();
        });
        assertThat(dates).isSorted();
        assertThat(kinds.indexOf("ClemencyDenied")).isLessThan(kinds.indexOf("OfficialLobbied"));
        assertThat(kinds).startsWith("CaseOpened").endsWith("CaseClosed", "NoteAdded");
        JsonNode note = api.get("/api/cases/" + caseId + "/timeline").body().path("entries").get(kinds.size() - 1);
        assertThat(note.path("recordedAt").asText()).startsWith(note.path("occurredOn").asText());

        JsonNode dashboard = api.get("/api/campaigns/" + campaignId).expect(200).body();
        assertThat(dashboard.path("cases").asInt()).isEqualTo(1);
        assertThat(dashboard.path("casesByStatus").path("CLOSED").asInt()).isEqualTo(1);
        assertThat(dashboard.path("counts").path("letters").asInt()).isEqualTo(1);
        assertThat(dashboard.path("counts").path("visits").asInt()).isEqualTo(1);
        assertThat(dashboard.path("counts").path("lobbyingContacts").asInt()).isEqualTo(1);
        assertThat(dashboard.path("counts").path("petitions").asInt()).isEqualTo(2);
        assertThat(dashboard.path("counts").path("grants").asInt()).isEqualTo(1);
        assertThat(dashboard.path("counts").path("releases").asInt()).isEqualTo(1);

        JsonNode official = awaitOfficial("Donald J. Trump", caseId);
        assertThat(official.path("office").asText()).isEqualTo("President");
        assertThat(official.path("contacts").asInt()).isGreaterThanOrEqualTo(1);
        assertThat(official.path("lastContactOn").asText()).isEqualTo("2018-05-30");
    }

    @Test
    void cases_are_listed_by_campaign_status_and_text_a_page_at_a_time() {
        String campaignId = launchCampaign();
        String otherCampaign = launchCampaign();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            ids.add(openCase(campaignId));
        }
        openCase(otherCampaign);
        api.post("/api/cases/" + ids.get(0) + "/petitions", Bodies.petition()).expect(201);
        Map<String, Object> distinct = Bodies.openCase(campaignId);
        distinct.put("person", Bodies.of("name", "Momolu Stewart", "facility", "FCI Hazelton",
                                         "jurisdiction", "District of Columbia"));
        String momolu = api.post("/api/cases", distinct).expect(201).text("id");

        JsonNode all = api.get("/api/cases?campaignId=" + campaignId + "&size=4").expect(200).body();
        assertThat(all.path("total").asLong()).isEqualTo(6);
        assertThat(all.path("items")).hasSize(4);
        assertThat(all.path("page").asInt()).isZero();
        assertThat(all.path("size").asInt()).isEqualTo(4);
        JsonNode second = api.get("/api/cases?campaignId=" + campaignId + "&size=4&page=1").expect(200).body();
        assertThat(second.path("items")).hasSize(2);

        JsonNode filed = api.get("/api/cases?campaignId=" + campaignId + "&status=PETITION_FILED").expect(200).body();
        assertThat(filed.path("total").asLong()).isEqualTo(1);
        assertThat(filed.path("items").get(0).path("id").asText()).isEqualTo(ids.get(0));

        JsonNode found = api.get("/api/cases?q=hazelton").expect(200).body();
        assertThat(found.path("total").asLong()).isEqualTo(1);
        assertThat(found.path("items").get(0).path("id").asText()).isEqualTo(momolu);

        JsonNode campaigns = api.get("/api/campaigns").expect(200).body();
        List<String> campaignIds = new ArrayList<>();
        campaigns.forEach(c -> campaignIds.add(c.path("id").asText()));
        assertThat(campaignIds).contains(campaignId, otherCampaign);
        JsonNode dashboard = api.get("/api/campaigns/" + campaignId).body();
        assertThat(dashboard.path("cases").asInt()).isEqualTo(6);
        assertThat(dashboard.path("casesByStatus").path("OPEN").asInt()).isEqualTo(5);
        assertThat(dashboard.path("casesByStatus").path("PETITION_FILED").asInt()).isEqualTo(1);
    }

    private JsonNode awaitOfficial(String name, String caseId) {
        long deadline = System.currentTimeMillis() + 30_000;
        while (System.currentTimeMillis() < deadline) {
            for (JsonNode official : api.get("/api/officials").expect(200).body()) {
                if (official.path("name").asText().equals(name)
                        && official.path("cases").toString().contains(caseId)) {
                    return official;
                }
            }
            pause();
        }
        throw new AssertionError("official " + name + " never appeared for case " + caseId);
    }

    private static void pause() {
        try {
            Thread.sleep(20);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
