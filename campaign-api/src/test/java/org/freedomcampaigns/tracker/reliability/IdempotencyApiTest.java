package org.freedomcampaigns.tracker.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.freedomcampaigns.tracker.Api;
import org.freedomcampaigns.tracker.ApiTestBase;
import org.freedomcampaigns.tracker.Bodies;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Every POST that records takes an {@code Idempotency-Key}: a retry with the same key and request gets the original
 * answer and records nothing new; the same key with another request is a 422 and records nothing.
 */
class IdempotencyApiTest extends ApiTestBase {
    private static final String KEY = "Idempotency-Key";

    private Api keyed(String key) {
        return api.withHeader(KEY, key);
    }

    private static String newKey() {
        return "key-" + UUID.randomUUID();
    }

    private List<String> history(String caseId) {
        List<String> types = new ArrayList<>();
        api.get("/api/cases/" + caseId + "/history").expect(200).body().path("events")
           .forEach(e -> types.add(e.path("type").asText()));
        return types;
    }

    @Test
    void a_retried_fact_gets_the_original_answer_and_records_nothing_new() {
        String caseId = openCase(launchCampaign());
        Api client = keyed(newKey());

        Api.Response first = client.post("/api/cases/" + caseId + "/letters", Bodies.letter()).expect(201);
        Api.Response retry = client.post("/api/cases/" + caseId + "/letters", Bodies.letter()).expect(201);

        assertThat(first.body()).isEqualTo(retry.body());
        assertThat(first.body().path("sequence").asLong()).isEqualTo(1);
        assertThat(first.headers().firstValue("Idempotent-Replayed")).isEmpty();
        assertThat(retry.headers().firstValue("Idempotent-Replayed")).hasValue("true");
        assertThat(history(caseId)).containsExactly("CaseOpened", "LetterReceived");
    }

    @Test
    void a_rule_that_the_original_made_true_does_not_refuse_its_retry() {
        String caseId = openCase(launchCampaign());
        Api client = keyed(newKey());

        long granted = client.post("/api/cases/" + caseId + "/clemency", Bodies.clemency()).expect(201)
                             .body().path("sequence").asLong();

        assertThat(client.post("/api/cases/" + caseId + "/clemency", Bodies.clemency()).expect(201)
                         .body().path("sequence").asLong()).isEqualTo(granted);
        assertThat(api.post("/api/cases/" + caseId + "/clemency", Bodies.clemency()).expectProblem(409)
                      .text("code")).as("without the key it is a second grant").isEqualTo("CLEMENCY_ALREADY_GRANTED");
    }

    @Test
    void the_same_key_with_another_request_is_422_and_records_nothing() {
        String caseId = openCase(launchCampaign());
        String otherCase = openCase(launchCampaign());
        Api client = keyed(newKey());
        client.post("/api/cases/" + caseId + "/letters", Bodies.letter()).expect(201);

        JsonNode otherBody = client.post("/api/cases/" + caseId + "/letters",
                                         Bodies.of("receivedOn", "2017-02-03", "from", "Someone else",
                                                   "summary", "Another letter."))
                                   .expectProblem(422).body();
        client.post("/api/cases/" + caseId + "/notes", Bodies.note()).expectProblem(422);
        client.post("/api/cases/" + otherCase + "/letters", Bodies.letter()).expectProblem(422);
        client.post("/api/cases", Bodies.openCase(launchCampaign())).expectProblem(422);

        assertThat(otherBody.path("code").asText()).isEqualTo("IDEMPOTENCY_KEY_REUSED");
        assertThat(history(caseId)).containsExactly("CaseOpened", "LetterReceived");
        assertThat(history(otherCase)).containsExactly("CaseOpened");
    }

    @Test
    void the_same_fields_in_another_order_and_spacing_are_the_same_request() {
        String caseId = openCase(launchCampaign());
        Api client = keyed(newKey());
        String path = "/api/cases/" + caseId + "/letters";

        client.post(path, "{\"receivedOn\":\"2017-02-03\",\"from\":\"Alice\",\"summary\":\"Thanks.\"}").expect(201);
        client.post(path, "{ \"summary\" : \"Thanks.\",\n \"from\": \"Alice\", \"receivedOn\": \"2017-02-03\" }")
              .expect(201);

        assertThat(history(caseId)).containsExactly("CaseOpened", "LetterReceived");
    }

    @Test
    void a_retried_opening_answers_the_case_it_opened() {
        String campaignId = launchCampaign();
        Api client = keyed(newKey());

        Api.Response first = client.post("/api/cases", Bodies.openCase(campaignId)).expect(201);
        Api.Response retry = client.post("/api/cases", Bodies.openCase(campaignId)).expect(201);

        assertThat(retry.text("id")).isEqualTo(first.text("id"));
        assertThat(retry.location()).isEqualTo(first.location());
        assertThat(api.get("/api/cases?campaignId=" + campaignId).expect(200).body().path("total").asLong())
                .isEqualTo(1);
    }

    @Test
    void a_retried_launch_answers_the_campaign_it_launched() {
        Api client = keyed(newKey());
        String name = "Retried campaign " + UUID.randomUUID();

        Api.Response first = client.post("/api/campaigns", Bodies.campaign(name)).expect(201);
        Api.Response retry = client.post("/api/campaigns", Bodies.campaign(name)).expect(201);

        assertThat(retry.text("id")).isEqualTo(first.text("id"));
        assertThat(retry.location()).isEqualTo(first.location());
        List<String> named = new ArrayList<>();
        api.get("/api/campaigns").expect(200).body().forEach(c -> {
            if (c.path("name").asText().equals(name)) {
                named.add(c.path("id").asText());
            }
        });
        assertThat(named).containsExactly(first.text("id"));
    }

    @Test
    void a_retried_correction_answers_its_replacement_and_corrects_once() {
        String caseId = openCase(launchCampaign());
        api.post("/api/cases/" + caseId + "/letters", Bodies.letter()).expect(201);
        Api client = keyed(newKey());
        var correction = Bodies.of("sequence", 1, "reason", "wrong sender",
                                   "replacement", Bodies.of("receivedOn", "2017-02-03", "from", "Bob",
                                                            "summary", "Thanks the team."));

        long first = client.post("/api/cases/" + caseId + "/corrections", correction).expect(201)
                           .body().path("sequence").asLong();
        long retry = client.post("/api/cases/" + caseId + "/corrections", correction).expect(201)
                           .body().path("sequence").asLong();

        assertThat(retry).isEqualTo(first).isEqualTo(3);
        assertThat(history(caseId)).containsExactly("CaseOpened", "LetterReceived", "EntryCorrected",
                                                    "LetterReceived");
    }

    @Test
    void keys_belong_to_their_user() {
        String campaignId = api.post("/api/campaigns", Bodies.campaign(Api.THEIR_CAMPAIGN)).expect(201).text("id");
        String caseId = openCase(campaignId);
        String key = newKey();

        long byAdmin = keyed(key).post("/api/cases/" + caseId + "/letters", Bodies.letter()).expect(201)
                                 .body().path("sequence").asLong();
        long byCoordinator = api.as(Api.COORDINATOR).withHeader(KEY, key)
                                .post("/api/cases/" + caseId + "/letters", Bodies.letter()).expect(201)
                                .body().path("sequence").asLong();

        assertThat(byCoordinator).isNotEqualTo(byAdmin);
        assertThat(history(caseId)).containsExactly("CaseOpened", "LetterReceived", "LetterReceived");
    }

    @Test
    void concurrent_retries_of_one_request_record_it_once_and_all_get_its_answer() throws Exception {
        String caseId = openCase(launchCampaign());
        String key = newKey();
        int clients = 8;
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Api.Response>> answers = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            answers.add(pool.submit(() -> {
                start.await();
                return keyed(key).post("/api/cases/" + caseId + "/letters", Bodies.letter());
            }));
        }
        start.countDown();
        Set<Long> sequences = new TreeSet<>();
        for (Future<Api.Response> answer : answers) {
            sequences.add(answer.get().expect(201).body().path("sequence").asLong());
        }
        pool.shutdown();

        assertThat(sequences).containsExactly(1L);
        assertThat(history(caseId)).containsExactly("CaseOpened", "LetterReceived");
    }

    @Test
    void a_key_that_is_not_one_short_visible_ascii_text_is_400_and_records_nothing() {
        String caseId = openCase(launchCampaign());
        String path = "/api/cases/" + caseId + "/letters";

        for (String bad : List.of("x".repeat(256), "with space", "tab\there")) {
            JsonNode problem = keyed(bad).post(path, Bodies.letter()).expectProblem(400).body();
            assertThat(problem.path("errors").get(0).path("field").asText()).isEqualTo(KEY);
        }
        keyed("a").withHeader(KEY + "-unrelated", "b").post(path, Bodies.letter()).expect(201);

        assertThat(history(caseId)).containsExactly("CaseOpened", "LetterReceived");
    }
}
