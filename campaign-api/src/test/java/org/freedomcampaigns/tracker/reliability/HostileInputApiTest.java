package org.freedomcampaigns.tracker.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.freedomcampaigns.tracker.Api;
import org.freedomcampaigns.tracker.ApiTestBase;
import org.freedomcampaigns.tracker.Bodies;
import org.freedomcampaigns.tracker.eventstore.MongoEventStore;
import org.freedomcampaigns.tracker.security.AccessRulesCheck;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Malformed, truncated, deeply nested, oversized, wrong-typed and odd-Unicode bodies, and odd headers, sent to every
 * endpoint the controllers map: never a 5xx, nothing recorded, and the service still answers afterwards.
 */
class HostileInputApiTest extends ApiTestBase {
    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;
    @Autowired
    MongoEventStore store;

    private final HttpClient client = HttpClient.newHttpClient();

    private static Map<String, byte[]> bodies() {
        Map<String, byte[]> bodies = new LinkedHashMap<>();
        for (String text : List.of("", "{", "{\"receivedOn\":", "}", "[]", "null", "123", "\"text\"", "{}",
                                   "{\"receivedOn\": 5, \"from\": [], \"summary\": {}}",
                                   "{\"receivedOn\": \"2024-13-45\", \"from\": \"x\", \"summary\": \"y\"}",
                                   "{\"receivedOn\": NaN}", "{\"a\": Infinity}",
                                   "{\"from\": \"a\", \"from\": \"b\"}",
                                   "{\"from\": \"\\ud800\", \"summary\": \"\\u0000\", \"receivedOn\": \"2024-01-01\"}",
                                   "{\"from\": \"\\u202e\\u0000\", \"summary\": \"\\udfff\\ud800\"}",
                                   "\ufeff{\"from\": \"x\"}",
                                   "{\"campaignId\": {\"$ne\": null}, \"name\": {\"$gt\": \"\"}}",
                                   "{\"sequence\": -1, \"reason\": \"x\"}",
                                   "{\"sequence\": 99999999999999999999, \"reason\": \"x\"}",
                                   "{\"sequence\": \"1; drop\", \"reason\": null}")) {
            bodies.put(text.length() > 40 ? text.substring(0, 40) + "…" : text, text.getBytes(StandardCharsets.UTF_8));
        }
        bodies.put("nested arrays", ("[".repeat(100_000) + "]".repeat(100_000)).getBytes(StandardCharsets.UTF_8));
        bodies.put("nested objects", ("{\"a\":".repeat(50_000) + "1" + "}".repeat(50_000))
                .getBytes(StandardCharsets.UTF_8));
        bodies.put("long string", ("{\"from\": \"" + "é".repeat(100_000) + "\"}").getBytes(StandardCharsets.UTF_8));
        bodies.put("invalid UTF-8", new byte[] {'{', '"', 'f', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'});
        bodies.put("oversized", ("{\"text\": \"" + "x".repeat(400_000) + "\"}").getBytes(StandardCharsets.UTF_8));
        return bodies;
    }

    private static final List<Map<String, String>> HEADERS = List.of(
            Map.of("Content-Type", "application/json"),
            Map.of("Content-Type", "text/plain"),
            Map.of("Content-Type", "application/xml"),
            Map.of("Content-Type", "application/json; charset=nonsense"),
            Map.of("Content-Type", "application/json", "Accept", "image/png"),
            Map.of("Content-Type", "application/json", "X-Request-Id", "x".repeat(5_000)),
            Map.of("Content-Type", "application/json", "X-Request-Id", "\u00e9\u00e8"),
            Map.of("Content-Type", "application/json", "Idempotency-Key", "k".repeat(5_000)),
            Map.of("Content-Type", "application/json", "Idempotency-Key", "\u00e9\u00e8"));

    private int send(String method, String path, byte[] body, Map<String, String> headers, String authorization)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                                                 .method(method, HttpRequest.BodyPublishers.ofByteArray(body));
        headers.forEach(request::header);
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    @Test
    void hostile_bodies_and_headers_never_get_a_5xx_and_record_nothing() throws Exception {
        String campaign = launchCampaign();
        String caseId = openCase(campaign);
        api.post("/api/cases/" + caseId + "/letters", Bodies.letter()).expect(201);
        long head = store.createHeadToken().position().orElseThrow();

        List<String> failures = new ArrayList<>();
        int sent = 0;
        for (String endpoint : AccessRulesCheck.endpoints(mappings)) {
            String[] parts = endpoint.split(" ", 2);
            String path = parts[1].replace("{id}", parts[1].startsWith("/api/campaigns") ? campaign : caseId)
                                  .replace("{name}", "no-such-model");
            if (path.equals("/api/admin/dead-letters/retry")) {
                // takes no body: aimed at a read model that does not exist, so that nothing is retried
                path += "?readModel=no-such-model";
            }
            if (!parts[0].equals("POST")) {
                continue;
            }
            for (Map.Entry<String, byte[]> body : bodies().entrySet()) {
                for (Map<String, String> headers : HEADERS) {
                    for (String authorization : List.of(Api.basic(Api.ADMIN, Api.PASSWORD), "Basic !!!",
                                                        "Bearer x.y.z")) {
                        int status = send("POST", path, body.getValue(), headers, authorization);
                        sent++;
                        if (status < 400 || status >= 500) {
                            failures.add(status + " " + endpoint + " body " + body.getKey() + " headers " + headers
                                                 + " auth " + authorization.substring(0, 6));
                        }
                    }
                }
            }
        }

        System.out.println("[hostile] " + sent + " requests, " + failures.size() + " not answered 4xx");
        assertThat(failures).as("answers that are not 4xx, of %d requests", sent).isEmpty();
        assertThat(store.createHeadToken().position().orElseThrow()).as("nothing recorded").isEqualTo(head);
        assertThat(api.as(null).get("/actuator/health").status()).isEqualTo(200);
        api.post("/api/cases/" + caseId + "/notes", Bodies.note()).expect(201);
    }
}
