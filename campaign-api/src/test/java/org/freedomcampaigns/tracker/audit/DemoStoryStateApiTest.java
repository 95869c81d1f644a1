package org.freedomcampaigns.tracker.audit;

import static org.assertj.core.api.Assertions.assertThat;

import org.freedomcampaigns.tracker.Api;
import org.freedomcampaigns.tracker.ApiTestBase;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.fasterxml.jackson.databind.JsonNode;

/** The demo story is recorded as the team would have recorded it, so its past can be asked about. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"campaign.storage.embedded.backend=memory", "campaign.demo.enabled=true",
                      ApiTestBase.USER_0_NAME, ApiTestBase.USER_0_PASSWORD, ApiTestBase.USER_0_ROLES})
class DemoStoryStateApiTest {
    @LocalServerPort
    int port;

    @Test
    void what_the_team_knew_about_alice_marie_johnson_on_31_may_2018() {
        Api api = new Api(port);
        JsonNode then = api.get("/api/cases/alice-marie-johnson/state?asOf=2018-05-31T23:59:59Z").expect(200)
                           .body().path("summary");
        assertThat(then.path("status").asText()).isEqualTo("PETITION_FILED");
        assertThat(then.path("counts").path("lobbying").asInt()).isEqualTo(1);
        assertThat(then.path("clemency").isNull()).isTrue();
        assertThat(then.path("release").isNull()).isTrue();

        JsonNode after = api.get("/api/cases/alice-marie-johnson/state?asOf=2018-06-30T00:00:00Z").expect(200)
                            .body().path("summary");
        assertThat(after.path("status").asText()).isEqualTo("RELEASED");
        assertThat(after.path("clemency").path("grantedBy").asText()).contains("President");

        JsonNode history = api.get("/api/cases/alice-marie-johnson/history").expect(200).body();
        assertThat(history.path("events").get(0).path("recordedBy").asText()).isEqualTo("system");
        assertThat(history.path("events").get(0).path("recordedAt").asText()).startsWith("2017-01-16T18:00");
    }

    @Test
    void the_history_of_alice_marie_johnson_is_the_story_as_recorded() {
        Api api = new Api(port);
        JsonNode events = api.get("/api/cases/alice-marie-johnson/history").expect(200).body().path("events");
        java.util.List<String> types = new java.util.ArrayList<>();
        events.forEach(e -> types.add(e.path("type").asText()));
        assertThat(types).containsExactly("CaseOpened", "LetterReceived", "LetterReceived", "PrisonVisitLogged",
                                          "FamilyContacted", "PetitionFiled", "OfficialLobbied", "ClemencyGranted",
                                          "PersonReleased", "NoteAdded");
        assertThat(events.get(6).path("occurredOn").asText()).isEqualTo("2018-05-30");
        assertThat(events.get(6).path("payload").path("official").path("office").asText())
                .isEqualTo("President of the United States");
        assertThat(events.get(7).path("payload").path("kind").asText()).isEqualTo("COMMUTATION");
        assertThat(events.get(7).path("occurredOn").asText()).isEqualTo("2018-06-06");
        events.forEach(e -> assertThat(e.path("recordedBy").asText()).isEqualTo("system"));
        assertThat(api.get("/api/cases/alice-marie-johnson/integrity").body().path("verified").asBoolean()).isTrue();
    }
}
