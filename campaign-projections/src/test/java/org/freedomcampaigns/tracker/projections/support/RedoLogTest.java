package org.freedomcampaigns.tracker.projections.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.bson.Document;
import org.freedomcampaigns.tracker.projections.MongoTestBase;
import org.junit.jupiter.api.Test;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;

/** {@link RedoLog}: a batch's writes to several collections land together, or are completed before the next. */
class RedoLogTest extends MongoTestBase {
    private static final int DOCUMENTS = 600;

    private MongoCollection<Document> totals;
    private MongoCollection<Document> items;

    @Override
    protected void createProjections() {
        totals = database.getCollection("totals");
        items = database.getCollection("items");
    }

    /** A new process's read model: two collections journaled in one log. */
    private List<DocumentWrites> restarted() {
        RedoLog log = new RedoLog(database, "test");
        return List.of(new DocumentWrites(totals).journaled(log), new DocumentWrites(items).journaled(log));
    }

    /** One batch: each message's payload is an item id; the item is saved, and the total counts it. */
    private void inOneBatch(List<DocumentWrites> writes, List<String> ids) {
        List<EventMessage<?>> messages = new ArrayList<>();
        ids.forEach(id -> messages.add(GenericEventMessage.asEventMessage(id)));
        BatchingUnitOfWork<EventMessage<?>> batch = new BatchingUnitOfWork<>(messages);
        batch.execute(() -> {
            String id = (String) batch.getMessage().getPayload();
            Document total = writes.get(0).find("total");
            int n = total == null ? 0 : total.getInteger("n");
            writes.get(0).save("total", new Document("n", n + 1));
            writes.get(1).save(id, new Document("item", id));
            if (batch.isLastMessage()) {
                BatchResources.writeCurrentBatch();
            }
        });
    }

    private static List<String> ids(String prefix, int count) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            ids.add(prefix + i);
        }
        return ids;
    }

    @Test
    void a_batch_whose_writes_stopped_part_way_is_completed_by_the_next_process() {
        inOneBatch(restarted(), ids("a", DOCUMENTS));
        // as if the process had died after the log and the total were written, before the items
        items.deleteMany(new Document());

        inOneBatch(restarted(), List.of("b0"));

        assertThat(items.countDocuments()).isEqualTo(DOCUMENTS + 1);
        assertThat(totals.find().first().getInteger("n")).isEqualTo(DOCUMENTS + 1);
    }

    @Test
    void a_log_cut_short_is_not_applied() {
        inOneBatch(restarted(), ids("a", DOCUMENTS));
        // as if the process had died writing the next batch's log: its first part written, not its second
        MongoCollection<Document> log = database.getCollection(RedoLog.COLLECTION);
        log.updateOne(Filters.eq("_id", "test#0"), Updates.combine(
                Updates.set("stamp", "next"),
                Updates.set("writes", List.of(new Document("c", "totals").append("id", "total").append("insert", false)
                                                                        .append("doc", new Document("_id", "total")
                                                                                .append("n", 999))))));

        inOneBatch(restarted(), List.of("b0"));

        assertThat(totals.find().first().getInteger("n")).isEqualTo(DOCUMENTS + 1);
    }

    @Test
    void a_log_forgotten_is_not_applied() {
        List<DocumentWrites> writes = restarted();
        inOneBatch(writes, List.of("a0"));
        new RedoLog(database, "test").clear();
        totals.deleteMany(new Document());

        inOneBatch(restarted(), List.of("b0"));

        assertThat(totals.find().first().getInteger("n")).isEqualTo(1);
    }
}
