package org.freedomcampaigns.tracker.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.freedomcampaigns.tracker.Api;
import org.freedomcampaigns.tracker.ApiTestBase;
import org.freedomcampaigns.tracker.Bodies;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/** What a user of one campaign sees of the others (nothing), who is named on what they record, and the edges. */
class CampaignScopeApiTest extends ApiTestBase {
    private String own;
    private String other;
    private String ownCase;
    private String otherCase;

    @BeforeEach
    void twoCampaigns() {
        own = api.post("/api/campaigns", Bodies.campaign(Api.THEIR_CAMPAIGN)).expect(201).text("id");
        other = api.post("/api/campaigns", Bodies.campaign("Someone else's campaign")).expect(201).text("id");
        ownCase = openCase(own);
        otherCase = openCase(other);
        api.post("/api/cases/" + ownCase + "/lobbying", Bodies.lobbying()).expect(201);
        api.post("/api/cases/" + otherCase + "/lobbying", Bodies.lobbying()).expect(201);
    }

    private static List<String> texts(JsonNode array, String field) {
        List<String> values = new ArrayList<>();
        array.forEach(node -> values.add(node.path(field).asText()));
        return values;
    }

    @Test
    void lists_show_only_the_users_campaigns_and_their_cases() {
        Api coordinator = api.as(Api.COORDINATOR);
        assertThat(texts(coordinator.get("/api/campaigns").expect(200).body(), "id")).contains(own)
                                                                                    .doesNotContain(other);
        List<String> cases = texts(coordinator.get("/api/cases?size=100").expect(200).body().path("items"), "id");
        assertThat(cases).contains(ownCase).doesNotContain(otherCase);
        assertThat(coordinator.get("/api/cases?campaignId=" + other).expect(200).body().path("total").asLong())
                .isZero();
        for (JsonNode official : coordinator.get("/api/officials").expect(200).body()) {
            List<String> officialCases = new ArrayList<>();
            official.path("cases").forEach(caseId -> officialCases.add(caseId.asText()));
            assertThat(officialCases).doesNotContain(otherCase);
        }
        assertThat(texts(api.get("/api/campaigns").expect(200).body(), "id")).as("the admin sees all")
                                                                            .contains(own, other);
    }

    @Test
    void another_campaigns_case_looks_exactly_like_one_that_does_not_exist() {
        Api coordinator = api.as(Api.COORDINATOR);
        JsonNode foreign = coordinator.get("/api/cases/" + otherCase).expectProblem(404).body();
        JsonNode unknown = coordinator.get("/api/cases/no-such-case").expectProblem(404).body();
        assertThat(foreign.path("type")).isEqualTo(unknown.path("type"));
        assertThat(foreign.path("title")).isEqualTo(unknown.path("title"));
        assertThat(foreign.path("detail").asText()).isEqualTo(unknown.path("detail").asText()
                                                                     .replace("no-such-case", otherCase));
        // and nothing is recorded on it
        coordinator.post("/api/cases/" + otherCase + "/notes", Bodies.note()).expectProblem(404);
        assertThat(api.get("/api/cases/" + otherCase).expect(200).body().path("counts").path("notes").asInt())
                .isZero();
        coordinator.post("/api/cases", Bodies.openCase(other)).expectProblem(404);
    }

    @Test
    void each_recorded_event_names_the_user_who_recorded_it() {
        api.as(Api.COORDINATOR).post("/api/cases/" + ownCase + "/notes", Bodies.note()).expect(201);
        JsonNode events = api.as(Api.AUDITOR).get("/api/cases/" + ownCase + "/history").expect(200).body()
                             .path("events");
        assertThat(texts(events, "recordedBy")).containsExactly(Api.ADMIN, Api.ADMIN, Api.COORDINATOR);
    }

    @Test
    void wrong_or_missing_credentials_get_a_problem_and_health_stays_open() {
        Api.Response none = api.as(null).get("/api/cases/" + ownCase).expectProblem(401);
        assertThat(none.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v)
                .startsWith("Basic realm="));
        new Api(port, Api.COORDINATOR, "not-the-password").get("/api/cases/" + ownCase).expectProblem(401);
        new Api(port, "nobody", Api.PASSWORD).get("/api/cases/" + ownCase).expectProblem(401);
        api.as(null).get("/no/such/path").expectProblem(401);
        assertThat(api.as(null).get("/actuator/health").expect(200).body().path("status").asText()).isEqualTo("UP");
    }

    @Test
    void every_response_carries_the_security_headers() {
        for (Api.Response response : List.of(api.get("/api/cases/" + ownCase).expect(200),
                                             api.as(null).get("/api/cases").expectProblem(401),
                                             api.as(Api.AUDITOR).post("/api/cases", Bodies.openCase(own))
                                                .expectProblem(403))) {
            assertThat(response.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
            assertThat(response.headers().firstValue("X-Frame-Options")).hasValue("DENY");
            assertThat(response.headers().firstValue("Content-Security-Policy"))
                    .hasValue("default-src 'none'; frame-ancestors 'none'");
            assertThat(response.headers().firstValue("Referrer-Policy")).hasValue("no-referrer");
            assertThat(response.headers().firstValue("Cache-Control")).hasValueSatisfying(
                    v -> assertThat(v).contains("no-store"));
        }
    }
}
