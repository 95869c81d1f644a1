package org.freedomcampaigns.tracker.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.freedomcampaigns.tracker.Api;
import org.freedomcampaigns.tracker.ApiTestBase;
import org.freedomcampaigns.tracker.Bodies;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Eight clients recording on the same case at once: every write is acknowledged with its own sequence, none is
 * lost, and each client reads its own write straight after.
 */
class ConcurrentWritesApiTest extends ApiTestBase {
    private static final int CLIENTS = 8;
    private static final int WRITES_EACH = 10;

    @Test
    void concurrent_writes_on_one_case_are_all_kept_in_one_gapless_sequence() throws Exception {
        String caseId = openCase(launchCampaign());
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
        List<Future<List<Long>>> results = new ArrayList<>();
        for (int client = 0; client < CLIENTS; client++) {
            results.add(pool.submit(() -> {
                Api own = new Api(port);
                List<Long> sequences = new ArrayList<>();
                for (int i = 0; i < WRITES_EACH; i++) {
                    long sequence = own.post("/api/cases/" + caseId + "/letters", Bodies.letter()).expect(201)
                                       .body().path("sequence").asLong();
                    assertThat(own.get("/api/cases/" + caseId).body().path("version").asLong())
                            .as("read-your-writes").isGreaterThanOrEqualTo(sequence);
                    sequences.add(sequence);
                }
                return sequences;
            }));
        }
        Set<Long> all = new TreeSet<>();
        int acknowledged = 0;
        for (Future<List<Long>> result : results) {
            List<Long> sequences = result.get();
            acknowledged += sequences.size();
            all.addAll(sequences);
        }
        pool.shutdown();

        int total = CLIENTS * WRITES_EACH;
        assertThat(acknowledged).isEqualTo(total);
        assertThat(all).hasSize(total).first().isEqualTo(1L);
        assertThat(all).last().isEqualTo((long) total);
        JsonNode summary = api.get("/api/cases/" + caseId).expect(200).body();
        assertThat(summary.path("counts").path("letters").asInt()).isEqualTo(total);
        assertThat(summary.path("version").asLong()).isEqualTo(total);
        assertThat(api.get("/api/cases/" + caseId + "/timeline").body().path("entries")).hasSize(total + 1);
    }
}
