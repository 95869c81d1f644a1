package org.freedomcampaigns.tracker.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.freedomcampaigns.tracker.Api.Response;
import org.freedomcampaigns.tracker.ApiTestBase;
import org.freedomcampaigns.tracker.Bodies;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Every client mistake answers 400, 404 or 409 with a problem body, and records nothing: after each one the case's
 * version and timeline are as before.
 */
class CaseApiErrorsTest extends ApiTestBase {
    private String campaignId;
    private String caseId;

    @BeforeEach
    void openACase() {
        campaignId = launchCampaign();
        caseId = openCase(campaignId);
    }

    private long version() {
        return api.get("/api/cases/" + caseId).expect(200).body().path("version").asLong();
    }

    private List<String> fields(Response response) {
        List<String> fields = new ArrayList<>();
        response.body().path("errors").forEach(e -> fields.add(e.path("field").asText()));
        return fields;
    }

    private Response rejected(String path, Object body, int status) {
        long before = version();
        Response response = body instanceof String json ? api.post(path, json) : api.post(path, body);
        response.expectProblem(status);
        assertThat(version()).as("nothing recorded").isEqualTo(before);
        assertThat(response.body().toString()).doesNotContain("Exception").doesNotContain("org.");
        return response;
    }

    private String facts(String kind) {
        return "/api/cases/" + caseId + "/" + kind;
    }

    @Test
    void malformed_json_is_a_400() {
        Response response = rejected(facts("letters"), "{\"receivedOn\": \"2020-01-01\",", 400);
        assertThat(response.text("detail")).contains("not well-formed JSON");
        rejected(facts("letters"), "", 400);
        rejected(facts("letters"), "[1, 2]", 400);
    }

    @Test
    void missing_and_blank_fields_are_each_named() {
        Response response = rejected(facts("letters"), Bodies.of("from", "  "), 400);
        assertThat(fields(response)).containsExactly("from", "receivedOn", "summary");

        Map<String, Object> open = Bodies.openCase(campaignId);
        open.put("person", Bodies.of("name", "", "facility", "F"));
        open.remove("offense");
        long casesBefore = api.get("/api/cases?campaignId=" + campaignId).body().path("total").asLong();
        Response openResponse = api.post("/api/cases", open).expectProblem(400);
        assertThat(fields(openResponse)).contains("offense", "person.name", "person.jurisdiction");
        assertThat(api.get("/api/cases?campaignId=" + campaignId).body().path("total").asLong())
                .isEqualTo(casesBefore);
    }

    @Test
    void unknown_enum_values_are_a_400_listing_the_allowed_ones() {
        Map<String, Object> lobbying = Bodies.lobbying();
        lobbying.put("channel", "CARRIER_PIGEON");
        Response response = rejected(facts("lobbying"), lobbying, 400);
        assertThat(fields(response)).containsExactly("channel");
        assertThat(response.text("detail")).contains("MEETING");

        Map<String, Object> release = Bodies.release();
        release.put("reason", "ESCAPED");
        rejected(facts("release"), release, 400);
    }

    @Test
    void text_over_the_limits_is_a_400() {
        Map<String, Object> letter = Bodies.letter();
        letter.put("summary", "x".repeat(10_001));
        assertThat(fields(rejected(facts("letters"), letter, 400))).containsExactly("summary");
        Map<String, Object> visit = Bodies.visit();
        visit.put("visitors", java.util.Collections.nCopies(51, "Visitor"));
        assertThat(fields(rejected(facts("visits"), visit, 400))).containsExactly("visitors");
    }

    @Test
    void unknown_properties_are_a_400_naming_the_typo() {
        Map<String, Object> letter = Bodies.letter();
        letter.put("sumary", letter.remove("summary"));
        assertThat(fields(rejected(facts("letters"), letter, 400))).containsExactly("sumary");
    }

    @Test
    void wrong_types_are_a_400() {
        Map<String, Object> letter = Bodies.letter();
        letter.put("from", 42);
        assertThat(fields(rejected(facts("letters"), letter, 400))).containsExactly("from");
        letter = Bodies.letter();
        letter.put("receivedOn", "2020-13-45");
        assertThat(fields(rejected(facts("letters"), letter, 400))).containsExactly("receivedOn");
        Map<String, Object> open = Bodies.openCase(campaignId);
        ((Map<String, Object>) open.get("sentence")).put("lifeSentence", "yes");
        assertThat(fields(api.post("/api/cases", open).expectProblem(400))).containsExactly("sentence.lifeSentence");
    }

    @Test
    void a_date_in_the_future_is_a_400() {
        Map<String, Object> letter = Bodies.letter();
        letter.put("receivedOn", LocalDate.now().plusDays(3).toString());
        assertThat(fields(rejected(facts("letters"), letter, 400))).containsExactly("receivedOn");
    }

    @Test
    void a_date_before_the_sentence_is_a_400() {
        Map<String, Object> visit = Bodies.visit();
        visit.put("visitedOn", "1996-12-31");
        Response response = rejected(facts("visits"), visit, 400);
        assertThat(fields(response)).containsExactly("visitedOn");
        assertThat(response.text("detail")).contains("1997-01-10");
    }

    @Test
    void an_unknown_case_is_a_404() {
        api.get("/api/cases/no-such-case").expectProblem(404);
        api.get("/api/cases/no-such-case/timeline").expectProblem(404);
        api.post("/api/cases/no-such-case/letters", Bodies.letter()).expectProblem(404);
        api.post("/api/cases/no-such-case/close", Bodies.close()).expectProblem(404);
        // a campaign's id is not a case's
        api.post("/api/cases/" + campaignId + "/notes", Bodies.note()).expectProblem(404);
        api.get("/api/cases/no-such-case").expectProblem(404);
    }

    @Test
    void an_unknown_campaign_is_a_404_to_read_and_a_409_to_open_a_case_in() {
        api.get("/api/campaigns/no-such-campaign").expectProblem(404);
        Response response = api.post("/api/cases", Bodies.openCase("no-such-campaign")).expectProblem(409);
        assertThat(response.text("code")).isEqualTo("UNKNOWN_CAMPAIGN");
        // nor is a case's id a campaign's
        assertThat(api.post("/api/cases", Bodies.openCase(caseId)).expectProblem(409).text("code"))
                .isEqualTo("UNKNOWN_CAMPAIGN");
    }

    @Test
    void nothing_is_recorded_on_a_closed_case() {
        api.post(facts("close"), Bodies.close()).expect(201);
        for (String kind : List.of("letters", "notes", "close")) {
            Map<String, Object> body = switch (kind) {
                case "letters" -> Bodies.letter();
                case "notes" -> Bodies.note();
                default -> Bodies.close();
            };
            assertThat(rejected(facts(kind), body, 409).text("code")).isEqualTo("CASE_CLOSED");
        }
    }

    @Test
    void clemency_is_granted_at_most_once() {
        api.post(facts("clemency"), Bodies.clemency()).expect(201);
        assertThat(rejected(facts("clemency"), Bodies.clemency(), 409).text("code"))
                .isEqualTo("CLEMENCY_ALREADY_GRANTED");
    }

    @Test
    void clemency_is_never_granted_after_release() {
        Map<String, Object> release = Bodies.release();
        release.put("reason", "PAROLE");
        api.post(facts("release"), release).expect(201);
        assertThat(rejected(facts("clemency"), Bodies.clemency(), 409).text("code"))
                .isEqualTo("CLEMENCY_AFTER_RELEASE");
    }

    @Test
    void a_person_is_released_at_most_once() {
        api.post(facts("release"), Bodies.release()).expect(201);
        assertThat(rejected(facts("release"), Bodies.release(), 409).text("code"))
                .isEqualTo("PERSON_ALREADY_RELEASED");
    }

    @Test
    void bad_list_parameters_are_a_400() {
        assertThat(fields(api.get("/api/cases?status=LOST").expectProblem(400))).containsExactly("status");
        assertThat(fields(api.get("/api/cases?size=1000").expectProblem(400))).containsExactly("size");
        assertThat(fields(api.get("/api/cases?page=-1").expectProblem(400))).containsExactly("page");
        assertThat(fields(api.get("/api/cases?size=ten").expectProblem(400))).containsExactly("size");
    }

    @Test
    void a_bad_campaign_is_a_400() {
        Response response = api.post("/api/campaigns", Bodies.of("description", "no name")).expectProblem(400);
        assertThat(fields(response)).containsExactly("name");
        api.post("/api/campaigns", "{").expectProblem(400);
    }

    @Test
    void odd_bodies_are_a_400() {
        rejected(facts("letters"), "null", 400);
        rejected(facts("letters"), "\"a letter\"", 400);
        rejected(facts("letters"), "[".repeat(5_000) + "]".repeat(5_000), 400);
        rejected(facts("letters"), "{\"receivedOn\":\"2020-01-01\",\"from\":\"a\",\"from\":\"b\",\"summary\":\"c\"}",
                 400);
        Map<String, Object> open = Bodies.openCase(campaignId);
        open.put("person", "Alice Marie Johnson");
        assertThat(fields(api.post("/api/cases", open).expectProblem(400))).containsExactly("person");
    }

    @Test
    void control_characters_and_broken_unicode_are_a_400() {
        Map<String, Object> letter = Bodies.letter();
        letter.put("from", "Alice\u0000Johnson");
        assertThat(fields(rejected(facts("letters"), letter, 400))).containsExactly("from");
        // a JSON escape of half a surrogate pair (a client encoder would replace a raw one)
        String halfEmoji = "{\"receivedOn\":\"2017-02-03\",\"from\":\"x\",\"summary\":\"half \\ud83d an emoji\"}";
        assertThat(fields(rejected(facts("letters"), halfEmoji, 400))).containsExactly("summary");
        // line breaks in free text, and whole emoji and accents anywhere, are fine
        letter = Bodies.letter();
        letter.put("from", "Zoë Müller \ud83d\ude00");
        letter.put("summary", "First line.\nSecond line.\tIndented.");
        api.post(facts("letters"), letter).expect(201);
    }

    @Test
    void a_successful_write_after_failures_takes_the_next_sequence() {
        rejected(facts("letters"), Bodies.of("from", "x"), 400);
        JsonNode recorded = api.post(facts("letters"), Bodies.letter()).expect(201).body();
        assertThat(recorded.path("sequence").asLong()).isEqualTo(1);
    }
}
