package org.freedomcampaigns.tracker;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** A small HTTP client for API tests: real requests against the running service. */
public class Api {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The users every API test's service is started with ({@link ApiTestBase#USERS}); all share a password. */
    public static final String ADMIN = "test-admin";
    public static final String COORDINATOR = "test-coordinator";
    public static final String AUDITOR = "test-auditor";
    public static final String PASSWORD = "test-password";
    /** The campaign the coordinator and the auditor are assigned to, by name. */
    public static final String THEIR_CAMPAIGN = "Their campaign";

    private final HttpClient client = HttpClient.newHttpClient();
    private final String base;
    private final String authorization;
    private final java.util.Map<String, String> headers;

    /** As the test admin. */
    public Api(int port) {
        this(port, ADMIN, PASSWORD);
    }

    /** As this user; a null user sends no credentials. */
    public Api(int port, String user, String password) {
        this(port, user == null ? null : basic(user, password));
    }

    /** With this Authorization header (null: none), e.g. {@code Bearer <token>}. */
    public Api(int port, String authorization) {
        this(port, authorization, java.util.Map.of());
    }

    private Api(int port, String authorization, java.util.Map<String, String> headers) {
        this.base = "http://localhost:" + port;
        this.authorization = authorization;
        this.headers = headers;
    }

    /** The same client, sending this header with every request as well. */
    public Api withHeader(String name, String value) {
        java.util.Map<String, String> more = new java.util.LinkedHashMap<>(headers);
        more.put(name, value);
        return new Api(port(), authorization, java.util.Map.copyOf(more));
    }

    private int port() {
        return Integer.parseInt(base.substring(base.lastIndexOf(':') + 1));
    }

    /** The Authorization header value of HTTP Basic. */
    public static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    /** The same service, as another user (null: no credentials). */
    public Api as(String user) {
        return new Api(port(), user == null ? null : basic(user, PASSWORD), headers);
    }

    /** A response: status, content type, Location and the body parsed as JSON (null when empty). */
    public record Response(int status, String contentType, String location, String readModels, JsonNode body,
                           java.net.http.HttpHeaders headers) {
        public Response expect(int expected) {
            assertThat(status).as("status of a response with body %s", body).isEqualTo(expected);
            return this;
        }

        public Response expectProblem(int expected) {
            expect(expected);
            assertThat(contentType).startsWith("application/problem+json");
            assertThat(body.path("status").asInt()).isEqualTo(expected);
            return this;
        }

        public String text(String field) {
            return body.path(field).asText();
        }
    }

    public Response get(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET());
    }

    /** A request with any method and an optional JSON body. */
    public Response send(String method, String path, Object body) {
        try {
            HttpRequest.BodyPublisher publisher = body == null ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body));
            return send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/json")
                                   .method(method, publisher));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public Response post(String path, String json) {
        return send(HttpRequest.newBuilder(URI.create(base + path))
                               .header("Content-Type", "application/json")
                               .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    /** Writes an object (maps, lists, strings) as a JSON body. */
    public Response post(String path, Object body) {
        try {
            return post(path, JSON.writeValueAsString(body));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private Response send(HttpRequest.Builder request) {
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        headers.forEach(request::header);
        try {
            HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            JsonNode body = response.body().isEmpty() ? null : JSON.readTree(response.body());
            return new Response(response.statusCode(),
                                response.headers().firstValue("Content-Type").orElse(""),
                                response.headers().firstValue("Location").orElse(null),
                                response.headers().firstValue("X-Read-Models").orElse(null),
                                body, response.headers());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * Waits until every read model is caught up (a restarted instance first waits for a dead one's claims).
     *
     * @param here the read models must be processed by this instance (not by another on the same store)
     */
    public void awaitCaughtUp(boolean here) throws InterruptedException {
        long deadline = System.nanoTime() + java.time.Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            boolean caughtUp = true;
            for (JsonNode status : get("/api/admin/projections").expect(200).body()) {
                caughtUp &= status.path("lag").asLong() == 0 && !status.path("rebuilding").asBoolean()
                        && (!here || status.path("processedHere").asBoolean());
            }
            if (caughtUp) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("read models did not catch up");
    }
}
