package org.freedomcampaigns.tracker.projections.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.bson.Document;
import org.freedomcampaigns.tracker.projections.MongoTestBase;
import org.junit.jupiter.api.Test;

import com.mongodb.client.MongoCollection;

/** {@link DocumentWrites}: a batch reads each document once, changes it in memory and writes it once, at its end. */
class DocumentWritesTest extends MongoTestBase {
    private MongoCollection<Document> collection;
    private DocumentWrites writes;

    @Override
    protected void createProjections() {
        collection = database.getCollection("counters");
        collection.insertOne(new Document("_id", "a").append("n", 1));
        writes = new DocumentWrites(collection).prefetching(payload -> (String) payload);
    }

    private int finds() {
        return finds.getOrDefault("counters", new java.util.concurrent.atomic.AtomicInteger()).get();
    }

    /** Each message's payload is the id of the document it adds one to. */
    private void inOneBatch(String... ids) throws Exception {
        List<EventMessage<?>> messages = java.util.Arrays.stream(ids)
                                                         .<EventMessage<?>>map(GenericEventMessage::asEventMessage)
                                                         .toList();
        BatchingUnitOfWork<EventMessage<?>> batch = new BatchingUnitOfWork<>(messages);
        batch.executeWithResult(() -> {
            String id = (String) batch.getMessage().getPayload();
            Document document = writes.find(id);
            writes.save(id, new Document("n", document == null ? 1 : document.getInteger("n") + 1));
            if (batch.isLastMessage()) {
                assertThat(collection.countDocuments()).as("nothing written before the batch ends").isEqualTo(1);
            }
            return null;
        });
    }

    @Test
    void a_batch_reads_its_documents_in_one_query_and_writes_them_at_its_end() throws Exception {
        finds.clear();

        inOneBatch("a", "b", "a", "c", "a");

        assertThat(finds()).as("one prefetch for a, b and c").isEqualTo(1);
        assertThat(collection.find(new Document("_id", "a")).first().getInteger("n")).isEqualTo(4);
        assertThat(collection.find(new Document("_id", "b")).first().getInteger("n")).isEqualTo(1);
        assertThat(collection.countDocuments()).isEqualTo(3);
    }

    @Test
    void outside_a_unit_of_work_reads_and_writes_go_straight_to_the_store() {
        writes.save("b", new Document("n", 7));

        assertThat(writes.find("b").getInteger("n")).isEqualTo(7);
        assertThat(collection.countDocuments()).isEqualTo(2);
    }

    @Test
    void a_document_inserted_once_is_left_as_it_is_when_delivered_again() {
        writes.insertOnce("entry", new Document("text", "first"));
        writes.insertOnce("entry", new Document("text", "again"));

        assertThat(collection.find(new Document("_id", "entry")).first().getString("text")).isEqualTo("first");
    }
}
