package org.freedomcampaigns.tracker.storage;

import static org.assertj.core.api.Assertions.assertThat;

import org.bson.Document;
import org.freedomcampaigns.tracker.ApiTestBase;
import org.freedomcampaigns.tracker.Bodies;
import org.freedomcampaigns.tracker.eventstore.MongoEventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;

/** A case with a long history is snapshotted, so that loading it does not replay everything. */
class SnapshotApiTest extends ApiTestBase {
    @Autowired
    MongoDatabase database;

    @Test
    void a_case_is_snapshotted_every_hundred_events() throws Exception {
        String caseId = openCase(launchCampaign());
        for (int i = 0; i < 105; i++) {
            api.post("/api/cases/" + caseId + "/letters", Bodies.letter()).expect(201);
        }
        Document snapshot = null;
        long deadline = System.currentTimeMillis() + 10_000;
        while (snapshot == null && System.currentTimeMillis() < deadline) {
            snapshot = database.getCollection(MongoEventStore.SNAPSHOTS).find(Filters.eq("_id", caseId)).first();
            Thread.sleep(20);
        }
        assertThat(snapshot).as("snapshot of the case").isNotNull();
        assertThat(snapshot.get("seq", Number.class).longValue()).isGreaterThanOrEqualTo(99);
        assertThat(snapshot.getString("payload")).contains("\"kinds\"");
        // the case goes on from its snapshot
        assertThat(api.post("/api/cases/" + caseId + "/notes", Bodies.note()).expect(201).body().path("sequence")
                      .asLong()).isEqualTo(106);
        assertThat(api.get("/api/cases/" + caseId + "/integrity").body().path("events").asLong()).isEqualTo(107);
    }
}
