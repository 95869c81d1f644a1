package org.freedomcampaigns.tracker.health;

import static org.assertj.core.api.Assertions.assertThat;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.freedomcampaigns.tracker.ApiTestBase;
import org.freedomcampaigns.tracker.Bodies;
import org.freedomcampaigns.tracker.projections.officials.OfficialsProjection;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.fasterxml.jackson.databind.JsonNode;

/** {@code /actuator/health}: open to all as UP or DOWN; the store and each read model's lag for an admin. */
class HealthApiTest extends ApiTestBase {
    @Autowired
    EventProcessingConfiguration processing;

    @Test
    void everyone_sees_the_status_and_an_admin_sees_the_store_and_each_read_models_lag() {
        openCase(launchCampaign());
        JsonNode open = api.as(null).get("/actuator/health").expect(200).body();
        assertThat(open.path("status").asText()).isEqualTo("UP");
        assertThat(open.has("components")).as("no details without signing in").isFalse();

        JsonNode health = api.get("/actuator/health").expect(200).body();
        JsonNode store = health.path("components").path("eventStore");
        assertThat(store.path("status").asText()).isEqualTo("UP");
        assertThat(store.path("details").path("head").asLong()).isGreaterThanOrEqualTo(1);
        JsonNode readModels = health.path("components").path("readModels").path("details");
        assertThat(readModels.size()).isEqualTo(4);
        readModels.forEach(model -> {
            assertThat(model.path("status").asText()).isEqualTo("UP");
            assertThat(model.has("lag")).isTrue();
        });
    }

    @Test
    void a_read_model_whose_processor_is_not_running_turns_health_down() {
        StreamingEventProcessor officials = processing.eventProcessor(OfficialsProjection.NAME,
                                                                      StreamingEventProcessor.class).orElseThrow();
        officials.shutDown();
        try {
            String caseId = openCase(launchCampaign());
            api.post("/api/cases/" + caseId + "/lobbying", Bodies.lobbying());
            JsonNode health = api.get("/actuator/health").expect(503).body();
            assertThat(health.path("status").asText()).isEqualTo("DOWN");
            JsonNode model = health.path("components").path("readModels").path("details")
                                   .path(OfficialsProjection.NAME);
            assertThat(model.path("problem").asText()).isEqualTo("not running");
            assertThat(model.path("lag").asLong()).isPositive();
        } finally {
            officials.start();
        }
        long deadline = System.nanoTime() + 30_000_000_000L;
        int status;
        do {
            status = api.get("/actuator/health").status();
        } while (status != 200 && System.nanoTime() < deadline);
        assertThat(status).isEqualTo(200);
    }
}
