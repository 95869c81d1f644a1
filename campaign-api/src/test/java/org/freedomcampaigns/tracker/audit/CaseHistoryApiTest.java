package org.freedomcampaigns.tracker.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

import org.freedomcampaigns.tracker.Api;
import org.freedomcampaigns.tracker.ApiTestBase;
import org.freedomcampaigns.tracker.Bodies;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/** The history of a case comes from the event store: every fact, in order, with who, when and which request. */
class CaseHistoryApiTest extends ApiTestBase {
    private final HttpClient http = HttpClient.newHttpClient();

    private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                          .header("Authorization", Api.basic(Api.ADMIN, Api.PASSWORD));
    }

    @Test
    void the_history_lists_every_recorded_fact_with_its_origin() throws Exception {
        String caseId = openCase(launchCampaign());
        HttpResponse<String> letter = send(request("/api/cases/" + caseId + "/letters")
                .header("Content-Type", "application/json").header("X-Request-Id", "audit-test-42")
                .POST(HttpRequest.BodyPublishers.ofString("{\"receivedOn\":\"2017-02-03\",\"from\":\"Alice\","
                                                          + "\"summary\":\"Thanks the team.\"}")));
        assertThat(letter.statusCode()).isEqualTo(201);
        assertThat(letter.headers().firstValue("X-Request-Id")).hasValue("audit-test-42");
        api.post("/api/cases/" + caseId + "/petitions", Bodies.petition()).expect(201);
        api.post("/api/cases/" + caseId + "/notes", Bodies.note()).expect(201);

        JsonNode history = api.get("/api/cases/" + caseId + "/history").expect(200).body();
        List<String> types = new ArrayList<>();
        history.path("events").forEach(e -> types.add(e.path("type").asText()));
        assertThat(types).containsExactly("CaseOpened", "LetterReceived", "PetitionFiled", "NoteAdded");

        JsonNode recorded = history.path("events").get(1);
        assertThat(recorded.path("sequence").asLong()).isEqualTo(1);
        assertThat(recorded.path("revision").asText()).isEqualTo("1");
        assertThat(recorded.path("occurredOn").asText()).isEqualTo("2017-02-03");
        assertThat(recorded.path("recordedAt").asText()).isNotBlank();
        assertThat(recorded.path("recordedBy").asText()).isEqualTo(Api.ADMIN);
        assertThat(recorded.path("correlationId").asText()).isEqualTo("audit-test-42");
        assertThat(recorded.path("causationId").asText()).isNotBlank();
        assertThat(recorded.path("payload").path("summary").asText()).isEqualTo("Thanks the team.");
        assertThat(history.path("events").get(3).path("occurredOn").isNull()).as("a note has no date of its own")
                                                                          .isTrue();
        assertThat(history.path("nextSequence").isNull()).isTrue();
        long globalOfLetter = recorded.path("globalIndex").asLong();
        assertThat(history.path("events").get(2).path("globalIndex").asLong()).isGreaterThan(globalOfLetter);
    }

    @Test
    void long_histories_are_paged() {
        String caseId = openCase(launchCampaign());
        for (int i = 0; i < 4; i++) {
            api.post("/api/cases/" + caseId + "/letters", Bodies.letter()).expect(201);
        }
        JsonNode first = api.get("/api/cases/" + caseId + "/history?limit=2").expect(200).body();
        assertThat(first.path("events")).hasSize(2);
        assertThat(first.path("nextSequence").asLong()).isEqualTo(2);
        JsonNode rest = api.get("/api/cases/" + caseId + "/history?fromSequence=2&limit=10").expect(200).body();
        assertThat(rest.path("events")).hasSize(3);
        assertThat(rest.path("events").get(0).path("sequence").asLong()).isEqualTo(2);
        assertThat(rest.path("nextSequence").isNull()).isTrue();
        assertThat(api.get("/api/cases/" + caseId + "/history?fromSequence=99").expect(200).body()
                      .path("events")).isEmpty();
    }

    @Test
    void the_history_exports_as_csv() throws Exception {
        String caseId = openCase(launchCampaign());
        api.post("/api/cases/" + caseId + "/letters",
                 Bodies.of("receivedOn", "2017-02-03", "from", "=HYPERLINK(\"x\")", "summary", "a, b\nc")).expect(201);
        HttpResponse<String> csv = send(request("/api/cases/" + caseId + "/history").header("Accept", "text/csv").GET());
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
        String[] lines = csv.body().split("\r\n");
        assertThat(lines[0]).isEqualTo("sequence,globalIndex,eventId,type,revision,occurredOn,recordedAt,recordedBy,"
                                       + "correlationId,causationId,payload");
        assertThat(lines).hasSize(3);
        assertThat(lines[1]).startsWith("0,").contains(",CaseOpened,1,");
        assertThat(lines[2]).startsWith("1,").contains(",LetterReceived,1,2017-02-03,");
        assertThat(csv.body()).doesNotContain(",=HYPERLINK");
    }

    @Test
    void an_unknown_case_has_no_history() {
        api.get("/api/cases/no-such-case/history").expectProblem(404);
        api.get("/api/cases/" + launchCampaign() + "/history").expectProblem(404);
        api.get("/api/cases/x/history?limit=0").expectProblem(400);
    }
}
