package org.freedomcampaigns.tracker.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import org.freedomcampaigns.tracker.Api;
import org.freedomcampaigns.tracker.ApiTestBase;
import org.freedomcampaigns.tracker.Bodies;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

/** Bodies past the cap (256 KiB) are refused with 413, with or without a declared length, and record nothing. */
class BodyLimitApiTest extends ApiTestBase {
    private static final String HUGE_NOTE = "{\"text\": \"" + "x".repeat(300 * 1024) + "\"}";

    private HttpResponse<String> post(String path, HttpRequest.BodyPublisher body) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                                         .header("Content-Type", "application/json")
                                         .header("Authorization", Api.basic(Api.ADMIN, Api.PASSWORD))
                                         .POST(body).build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void a_body_declared_larger_than_the_cap_is_refused_with_413() throws Exception {
        String caseId = openCase(launchCampaign());
        HttpResponse<String> response = post("/api/cases/" + caseId + "/notes",
                                              HttpRequest.BodyPublishers.ofString(HUGE_NOTE));
        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(new ObjectMapper().readTree(response.body()).path("status").asInt()).isEqualTo(413);
        assertThat(api.get("/api/cases/" + caseId).expect(200).body().path("version").asLong()).isZero();
    }

    @Test
    void a_body_sent_without_a_length_is_cut_at_the_cap_and_refused_with_413() throws Exception {
        String caseId = openCase(launchCampaign());
        byte[] bytes = HUGE_NOTE.getBytes(StandardCharsets.UTF_8);
        HttpResponse<String> response = post("/api/cases/" + caseId + "/notes",
                                              HttpRequest.BodyPublishers.ofInputStream(
                                                      () -> new ByteArrayInputStream(bytes)));
        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(api.get("/api/cases/" + caseId).expect(200).body().path("version").asLong()).isZero();
        // an ordinary body on the same endpoint still goes through
        api.post("/api/cases/" + caseId + "/notes", Bodies.note()).expect(201);
    }
}
