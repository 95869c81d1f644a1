package org.freedomcampaigns.tracker.audit;

import static org.assertj.core.api.Assertions.assertThat;

import org.freedomcampaigns.tracker.Api;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.fasterxml.jackson.databind.JsonNode;

/** The demo story is recorded as the team would have recorded it, so its past can be asked about. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"campaign.storage.embedded.backend=memory", "campaign.demo.enabled=true"})
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
}
