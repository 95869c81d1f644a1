package org.freedomcampaigns.benchmark;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** A JSON client of the service on loopback (HTTP/1.1, connections kept alive and shared by the client threads). */
final class Http {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient client = HttpClient.newBuilder()
                                                .version(HttpClient.Version.HTTP_1_1)
                                                .connectTimeout(Duration.ofSeconds(10))
                                                .build();
    static final String USER = "benchmark";
    static final String PASSWORD = "benchmark-password";
    private static final String AUTHORIZATION = "Basic " + Base64.getEncoder().encodeToString(
            (USER + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));

    private final String base;

    Http(int port) {
        this.base = "http://127.0.0.1:" + port;
    }

    HttpResponse<String> post(String path, String json) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + path))
                                         .timeout(Duration.ofSeconds(60))
                                         .header("Content-Type", "application/json")
                                         .header("Authorization", AUTHORIZATION)
                                         .POST(HttpRequest.BodyPublishers.ofString(json))
                                         .build();
        return client.send(request, HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> get(String path) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + path))
                                         .timeout(Duration.ofSeconds(60))
                                         .header("Authorization", AUTHORIZATION)
                                         .GET()
                                         .build();
        return client.send(request, HttpResponse.BodyHandlers.ofString());
    }

    /** Posts and expects {@code expected}; returns the body as JSON. */
    JsonNode postExpecting(String path, String json, int expected) throws IOException, InterruptedException {
        HttpResponse<String> response = post(path, json);
        if (response.statusCode() != expected) {
            throw new IllegalStateException("POST " + path + " answered " + response.statusCode() + ": "
                                                    + response.body());
        }
        return JSON.readTree(response.body());
    }

    static JsonNode json(String body) throws IOException {
        return JSON.readTree(body);
    }
}
