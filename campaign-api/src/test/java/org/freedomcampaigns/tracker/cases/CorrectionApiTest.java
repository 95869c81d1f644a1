package org.freedomcampaigns.tracker.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;

import org.freedomcampaigns.tracker.ApiTestBase;
import org.freedomcampaigns.tracker.Bodies;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/** Corrections over HTTP: the timeline shows them, the history keeps both, the past state shows the original. */
class CorrectionApiTest extends ApiTestBase {

    private Map<Long, JsonNode> timeline(String caseId) {
        Map<Long, JsonNode> entries = new HashMap<>();
        api.get("/api/cases/" + caseId + "/timeline").expect(200).body().path("entries")
           .forEach(e -> entries.put(e.path("sequence").asLong(), e));
        return entries;
    }

    @Test
    void an_entry_is_corrected_and_another_retracted() {
        String caseId = openCase(launchCampaign());
        api.post("/api/cases/" + caseId + "/letters", Bodies.letter()).expect(201);          // 1
        api.post("/api/cases/" + caseId + "/petitions", Bodies.petition()).expect(201);      // 2
        String petitionId = api.get("/api/cases/" + caseId).body().path("petitions").get(0).path("petitionId")
                               .asText();

        Map<String, Object> fixedPetition = Bodies.petition();
        fixedPetition.put("filedOn", "2018-03-19");
        JsonNode corrected = api.post("/api/cases/" + caseId + "/corrections",
                                      Bodies.of("sequence", 2, "reason", "filed a day earlier",
                                                "replacement", fixedPetition)).expect(201).body();
        assertThat(corrected.path("sequence").asLong()).isEqualTo(4);
        api.post("/api/cases/" + caseId + "/corrections",
                 Bodies.of("sequence", 1, "reason", "letter belongs to another case")).expect(201);   // 5

        JsonNode summary = api.get("/api/cases/" + caseId).expect(200).body();
        assertThat(summary.path("counts").path("letters").asInt()).isZero();
        assertThat(summary.path("counts").path("petitions").asInt()).isEqualTo(1);
        assertThat(summary.path("petitions")).hasSize(1);
        assertThat(summary.path("petitions").get(0).path("filedOn").asText()).isEqualTo("2018-03-19");
        assertThat(summary.path("petitions").get(0).path("petitionId").asText()).isEqualTo(petitionId);

        Map<Long, JsonNode> entries = timeline(caseId);
        assertThat(entries.get(1L).path("status").asText()).isEqualTo("retracted");
        assertThat(entries.get(2L).path("status").asText()).isEqualTo("corrected");
        assertThat(entries.get(2L).path("correctedBy").asLong()).isEqualTo(4);
        assertThat(entries.get(4L).path("corrects").asLong()).isEqualTo(2);

        JsonNode history = api.get("/api/cases/" + caseId + "/history").expect(200).body().path("events");
        assertThat(history).hasSize(6);
        assertThat(history.get(2).path("payload").path("filedOn").asText()).isEqualTo("2018-03-20");
        assertThat(history.get(3).path("type").asText()).isEqualTo("EntryCorrected");
        JsonNode before = api.get("/api/cases/" + caseId + "/state?atSequence=2").expect(200).body();
        assertThat(before.path("summary").path("petitions").get(0).path("filedOn").asText()).isEqualTo("2018-03-20");
        assertThat(before.path("summary").path("counts").path("letters").asInt()).isEqualTo(1);
        assertThat(api.get("/api/cases/" + caseId + "/integrity").body().path("verified").asBoolean()).isTrue();
    }

    @Test
    void bad_corrections_are_refused_and_record_nothing() {
        String caseId = openCase(launchCampaign());
        api.post("/api/cases/" + caseId + "/letters", Bodies.letter()).expect(201);
        api.post("/api/cases/" + caseId + "/clemency", Bodies.clemency()).expect(201);
        String path = "/api/cases/" + caseId + "/corrections";

        assertThat(api.post(path, Bodies.of("sequence", 9, "reason", "x")).expectProblem(409).text("code"))
                .isEqualTo("UNKNOWN_ENTRY");
        assertThat(api.post(path, Bodies.of("sequence", 0, "reason", "x")).expectProblem(409).text("code"))
                .isEqualTo("ENTRY_NOT_CORRECTABLE");
        assertThat(api.post(path, Bodies.of("sequence", 2, "reason", "x")).expectProblem(409).text("code"))
                .isEqualTo("ENTRY_NOT_RETRACTABLE");
        Map<String, Object> wrongKind = Bodies.of("sequence", 1, "reason", "x", "replacement", Bodies.note());
        JsonNode problem = api.post(path, wrongKind).expectProblem(400).body();
        assertThat(problem.path("errors").get(0).path("field").asText()).startsWith("replacement");
        Map<String, Object> blank = Bodies.letter();
        blank.put("from", " ");
        problem = api.post(path, Bodies.of("sequence", 1, "reason", "x", "replacement", blank)).expectProblem(400)
                     .body();
        assertThat(problem.path("errors").get(0).path("field").asText()).isEqualTo("replacement.from");
        api.post(path, Bodies.of("reason", "x")).expectProblem(400);
        api.post("/api/cases/no-such-case/corrections", Bodies.of("sequence", 1, "reason", "x")).expectProblem(404);

        assertThat(api.get("/api/cases/" + caseId).body().path("version").asLong()).isEqualTo(2);
        api.post(path, Bodies.of("sequence", 1, "reason", "x")).expect(201);
        assertThat(api.post(path, Bodies.of("sequence", 1, "reason", "x")).expectProblem(409).text("code"))
                .isEqualTo("ENTRY_ALREADY_CORRECTED");
    }
}
