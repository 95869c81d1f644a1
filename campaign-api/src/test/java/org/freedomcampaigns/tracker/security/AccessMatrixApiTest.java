package org.freedomcampaigns.tracker.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.freedomcampaigns.tracker.Api;
import org.freedomcampaigns.tracker.ApiTestBase;
import org.freedomcampaigns.tracker.Bodies;
import org.freedomcampaigns.tracker.application.ReadModels;
import org.freedomcampaigns.tracker.projections.officials.OfficialsProjection;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.HttpMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Every endpoint the controllers map × every role (and no credentials) × a case or campaign of the user's own
 * campaign and of another one. The endpoints come from the controllers' mappings, so a new endpoint is tested as soon
 * as it exists (and has no rule: the service would not even start).
 *
 * <p>Expected: without credentials 401; a role the rule does not list 403; a listed role on another campaign's case
 * or campaign 404, exactly like a case that does not exist; on its own, success.
 */
class AccessMatrixApiTest extends ApiTestBase {
    private static final Map<String, Map<String, Object>> FACT_BODIES = Map.ofEntries(
            Map.entry("letters", Bodies.letter()), Map.entry("visits", Bodies.visit()),
            Map.entry("family-contacts", Bodies.familyContact()),
            Map.entry("legal-consultations", Bodies.legalConsultation()), Map.entry("lobbying", Bodies.lobbying()),
            Map.entry("petitions", Bodies.petition()), Map.entry("clemency", Bodies.clemency()),
            Map.entry("denials", Bodies.denial()), Map.entry("release", Bodies.release()),
            Map.entry("notes", Bodies.note()), Map.entry("close", Bodies.close()),
            Map.entry("corrections", Bodies.of("sequence", 1, "reason", "Entered on the wrong case")));

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;
    @Autowired
    ReadModels readModels;

    private String ownCampaign;
    private String otherCampaign;

    private record Outcome(String endpoint, String user, String campaign, int expected, int actual) {
    }

    @Test
    void every_endpoint_answers_each_role_and_campaign_as_its_rule_says() {
        ownCampaign = api.post("/api/campaigns", Bodies.campaign(Api.THEIR_CAMPAIGN)).expect(201).text("id");
        otherCampaign = api.post("/api/campaigns", Bodies.campaign("Another campaign")).expect(201).text("id");
        List<String> endpoints = AccessRulesCheck.endpoints(mappings);
        assertThat(endpoints).hasSizeGreaterThan(20).allSatisfy(e -> assertThat(e).doesNotStartWith("ANY "));

        List<Outcome> wrong = new ArrayList<>();
        int checked = 0;
        for (String endpoint : endpoints) {
            String[] parts = endpoint.split(" ", 2);
            HttpMethod method = HttpMethod.valueOf(parts[0]);
            AccessRules.Rule rule = AccessRules.find(method, parts[1]).orElseThrow();
            for (String user : Arrays.asList(null, Api.ADMIN, Api.COORDINATOR, Api.AUDITOR)) {
                for (boolean own : List.of(true, false)) {
                    int expected = expected(rule, user, own);
                    int actual = call(method, parts[1], user, own);
                    checked++;
                    if (!(expected == 200 ? actual >= 200 && actual < 300 : actual == expected)) {
                        wrong.add(new Outcome(endpoint, user, own ? "own" : "other", expected, actual));
                    }
                }
            }
        }
        awaitRebuilds();
        assertThat(wrong).as("answers that differ from the rules, of %d checked", checked).isEmpty();
    }

    /** 200 stands for any 2xx. */
    private static int expected(AccessRules.Rule rule, String user, boolean own) {
        if (user == null) {
            return 401;
        }
        Role role = switch (user) {
            case Api.ADMIN -> Role.ADMIN;
            case Api.COORDINATOR -> Role.COORDINATOR;
            default -> Role.AUDITOR;
        };
        if (!rule.roles().contains(role)) {
            return 403;
        }
        boolean scoped = rule.pattern().contains("{id}") || rule.pattern().equals("/api/cases")
                && rule.method() == HttpMethod.POST;
        return own || role == Role.ADMIN || !scoped ? 200 : 404;
    }

    private int call(HttpMethod method, String pattern, String user, boolean own) {
        String campaign = own ? ownCampaign : otherCampaign;
        Object body = null;
        String path = pattern;
        if (pattern.startsWith("/api/campaigns")) {
            path = pattern.replace("{id}", campaign);
            body = Bodies.campaign("Launched in the access test");
        } else if (pattern.startsWith("/api/cases")) {
            body = Bodies.openCase(campaign);
            if (pattern.contains("{id}")) {
                // a case of its own for each call: facts like a closure must not change what later calls meet
                String caseId = api.post("/api/cases", Bodies.openCase(campaign)).expect(201).text("id");
                api.post("/api/cases/" + caseId + "/letters", Bodies.letter()).expect(201);
                path = pattern.replace("{id}", caseId);
                body = FACT_BODIES.get(pattern.substring(pattern.lastIndexOf('/') + 1));
            }
            if (pattern.endsWith("/state")) {
                path += "?atSequence=0";
            }
        } else if (pattern.startsWith("/api/admin")) {
            path = pattern.replace("{name}", OfficialsProjection.NAME);
        }
        int status = api.as(user).send(method.name(), path, method == HttpMethod.GET ? null : body).status();
        if (pattern.endsWith("/rebuild")) {
            // the next call would meet this rebuild still running (409)
            awaitRebuilds();
        }
        return status;
    }

    private void awaitRebuilds() {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (ReadModels.NAMES.stream().anyMatch(readModels::isRebuilding) && System.nanoTime() < deadline) {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
