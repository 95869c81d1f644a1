package org.freedomcampaigns.tracker.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.freedomcampaigns.tracker.Api;
import org.freedomcampaigns.tracker.Bodies;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

/**
 * Production identity: with an OIDC issuer configured, requests carry JWT bearer tokens; name, roles and campaigns
 * come from claims. The provider is stood in for by a key pair made here: the service checks signatures with its
 * public key instead of fetching the provider's.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"campaign.storage.embedded.backend=memory",
                      "campaign.security.oidc.issuer-uri=" + OidcApiTest.ISSUER})
class OidcApiTest {
    static final String ISSUER = "https://id.example.test/realms/campaigns";
    private static final KeyPair PROVIDER = keys();
    private static final KeyPair STRANGER = keys();

    @LocalServerPort
    int port;

    @TestConfiguration
    static class ProviderKeys {
        @Bean
        @Primary
        JwtDecoder providerKeys() {
            NimbusJwtDecoder decoder = NimbusJwtDecoder.withPublicKey((RSAPublicKey) PROVIDER.getPublic()).build();
            decoder.setJwtValidator(JwtValidators.createDefaultWithIssuer(ISSUER));
            return decoder;
        }
    }

    private static KeyPair keys() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String token(KeyPair keys, String issuer, Instant expires, Map<String, Object> claims) {
        JWTClaimsSet.Builder set = new JWTClaimsSet.Builder().issuer(issuer).subject("user-" + claims.hashCode())
                                                             .issueTime(new Date())
                                                             .expirationTime(Date.from(expires));
        claims.forEach(set::claim);
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.RS256), set.build());
        try {
            jwt.sign(new RSASSASigner(keys.getPrivate()));
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        return jwt.serialize();
    }

    private Api as(Map<String, Object> claims) {
        return new Api(port, "Bearer " + token(PROVIDER, ISSUER, Instant.now().plusSeconds(300), claims));
    }

    @Test
    void roles_campaigns_and_name_come_from_the_tokens_claims() {
        Api admin = as(Map.of("preferred_username", "root", "roles", List.of("ADMIN")));
        String own = admin.post("/api/campaigns", Bodies.campaign("Token campaign")).expect(201).text("id");
        String other = admin.post("/api/campaigns", Bodies.campaign("Other token campaign")).expect(201).text("id");
        String ownCase = admin.post("/api/cases", Bodies.openCase(own)).expect(201).text("id");
        String otherCase = admin.post("/api/cases", Bodies.openCase(other)).expect(201).text("id");

        Api maria = as(Map.of("preferred_username", "maria", "roles", "COORDINATOR",
                              "campaigns", List.of("Token campaign")));
        maria.post("/api/cases/" + ownCase + "/notes", Bodies.note()).expect(201);
        maria.post("/api/cases/" + otherCase + "/notes", Bodies.note()).expectProblem(404);
        maria.get("/api/cases/" + ownCase + "/history").expectProblem(403);

        JsonNode events = as(Map.of("preferred_username", "ada", "roles", List.of("AUDITOR"), "campaigns", "*"))
                .get("/api/cases/" + ownCase + "/history").expect(200).body().path("events");
        List<String> recordedBy = new ArrayList<>();
        events.forEach(event -> recordedBy.add(event.path("recordedBy").asText()));
        assertThat(recordedBy).containsExactly("root", "maria");

        JsonNode campaigns = as(Map.of("preferred_username", "nobody", "roles", List.of("COORDINATOR")))
                .get("/api/campaigns").expect(200).body();
        assertThat(campaigns).as("a token without the campaigns claim sees none").isEmpty();
    }

    @Test
    void tokens_that_are_missing_forged_expired_or_from_another_issuer_get_401() {
        Map<String, Object> claims = Map.of("preferred_username", "maria", "roles", List.of("ADMIN"));
        Api.Response none = new Api(port, null).get("/api/campaigns").expectProblem(401);
        assertThat(none.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v)
                .startsWith("Bearer"));
        for (String token : List.of(token(STRANGER, ISSUER, Instant.now().plusSeconds(300), claims),
                                    token(PROVIDER, ISSUER, Instant.now().minusSeconds(600), claims),
                                    token(PROVIDER, "https://elsewhere.test", Instant.now().plusSeconds(300), claims),
                                    "not-a-token")) {
            new Api(port, "Bearer " + token).get("/api/campaigns").expectProblem(401);
        }
        // Basic credentials are not accepted once an identity provider is configured
        new Api(port, Api.basic("admin", "admin")).get("/api/campaigns").expectProblem(401);
    }
}
