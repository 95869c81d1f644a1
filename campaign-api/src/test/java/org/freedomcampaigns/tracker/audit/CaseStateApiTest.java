package org.freedomcampaigns.tracker.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.freedomcampaigns.tracker.ApiTestBase;
import org.freedomcampaigns.tracker.Bodies;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/** The state of a case at any point equals what the live read model showed at that point. */
class CaseStateApiTest extends ApiTestBase {

    @Test
    void the_state_at_each_sequence_equals_the_live_summary_then() {
        String caseId = openCase(launchCampaign());
        List<JsonNode> live = new ArrayList<>();
        live.add(api.get("/api/cases/" + caseId).expect(200).body());
        List<Map.Entry<String, Map<String, Object>>> facts = List.of(
                Map.entry("letters", Bodies.letter()), Map.entry("lobbying", Bodies.lobbying()),
                Map.entry("petitions", Bodies.petition()), Map.entry("denials", Bodies.denial()),
                Map.entry("clemency", Bodies.clemency()), Map.entry("release", Bodies.release()),
                Map.entry("notes", Bodies.note()), Map.entry("close", Bodies.close()));
        for (Map.Entry<String, Map<String, Object>> fact : facts) {
            api.post("/api/cases/" + caseId + "/" + fact.getKey(), fact.getValue()).expect(201);
            live.add(api.get("/api/cases/" + caseId).expect(200).body());
        }

        for (int sequence = 0; sequence < live.size(); sequence++) {
            JsonNode state = api.get("/api/cases/" + caseId + "/state?atSequence=" + sequence).expect(200).body();
            assertThat(state.path("summary")).as("summary at sequence %d", sequence).isEqualTo(live.get(sequence));
            assertThat(state.path("eventsIncluded").asInt()).isEqualTo(sequence + 1);
            assertThat(state.path("includedSequences").toString()).isEqualTo("[0," + sequence + "]");
        }
        // as of a moment: the record time of an event includes it
        String recordedAt = live.get(3).path("lastRecordedAt").asText();
        JsonNode asOf = api.get("/api/cases/" + caseId + "/state?asOf=" + recordedAt).expect(200).body();
        assertThat(asOf.path("summary")).isEqualTo(live.get(3));
        JsonNode now = api.get("/api/cases/" + caseId + "/state?asOf=2999-01-01T00:00:00Z").expect(200).body();
        assertThat(now.path("summary")).isEqualTo(live.get(live.size() - 1));
        JsonNode before = api.get("/api/cases/" + caseId + "/state?asOf=2000-01-01T00:00:00Z").expect(200).body();
        assertThat(before.path("summary").isNull()).isTrue();
        assertThat(before.path("includedSequences")).isEmpty();
    }

    @Test
    void a_bad_state_request_is_a_400_and_an_unknown_case_a_404() {
        String caseId = openCase(launchCampaign());
        api.get("/api/cases/" + caseId + "/state").expectProblem(400);
        api.get("/api/cases/" + caseId + "/state?asOf=yesterday").expectProblem(400);
        api.get("/api/cases/" + caseId + "/state?asOf=2020-01-01T00:00:00Z&atSequence=1").expectProblem(400);
        api.get("/api/cases/" + caseId + "/state?atSequence=-1").expectProblem(400);
        api.get("/api/cases/no-such-case/state?atSequence=0").expectProblem(404);
    }
}
