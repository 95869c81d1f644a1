package org.freedomcampaigns.tracker.projections;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

import org.axonframework.config.Configuration;
import org.axonframework.config.Configurer;
import org.axonframework.config.DefaultConfigurer;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.axonframework.eventhandling.deadletter.DeadLetteringEventHandlerInvoker;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.deadletter.GenericDeadLetter;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.deadletter.InMemorySequencedDeadLetterQueue;
import org.axonframework.messaging.deadletter.SequencedDeadLetterProcessor;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;
import org.bson.Document;
import org.freedomcampaigns.tracker.projections.support.CaseEntries;
import org.freedomcampaigns.tracker.projections.support.DocumentWrites;
import org.freedomcampaigns.tracker.projections.support.Documents;
import org.freedomcampaigns.tracker.projections.support.FlushAtBatchEnd;
import org.freedomcampaigns.tracker.projections.support.ParkAtBatchEnd;
import org.freedomcampaigns.tracker.projections.support.PoisonEvents;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.mongodb.client.MongoCollection;

/**
 * A read model that throws on one event, in a real tracking processor with batched writes: that case's events are
 * parked in order while every other case's go on in the same batch; the failed event leaves nothing in the shared
 * document the batch's earlier events had changed; retried after the fix, the parked events are applied in order and
 * the read model equals one that never failed.
 */
class PoisonEventTest extends MongoTestBase {
    private static final String GROUP = "shelves";

    /** A fact of the test read model: an item put on a case's shelf. */
    record Put(String caseId, String item) {
    }

    /**
     * The test read model: a document per case (its items, in order) and one shared document with an entry per case
     * (its count), each idempotent by sequence number. It fails on the items in {@link #poison}, after it has changed
     * both documents.
     */
    @ProcessingGroup(GROUP)
    static final class Shelves {
        final Set<String> poison = ConcurrentHashMap.newKeySet();
        final DocumentWrites cases;
        final DocumentWrites shared;

        Shelves(MongoCollection<Document> collection) {
            this.cases = new DocumentWrites(collection, 0);
            this.shared = new DocumentWrites(collection, 1);
        }

        @EventHandler
        void on(Put put, @SequenceNumber long sequence) {
            Document all = shared.find("all");
            if (all == null) {
                all = new Document();
            }
            Document entry = CaseEntries.of(all, put.caseId());
            if (!CaseEntries.applied(entry, sequence)) {
                entry.put("count", entry.getInteger("count", 0) + 1);
                entry.put("seq", sequence);
                shared.save("all", all);
            }
            Document shelf = cases.find(put.caseId());
            if (shelf == null) {
                shelf = new Document("items", new ArrayList<String>()).append("version", -1L);
            }
            if (Documents.longValue(shelf, "version", -1) < sequence) {
                shelf.getList("items", String.class).add(put.item());
                shelf.put("version", sequence);
                cases.save(put.caseId(), shelf);
            }
            if (poison.contains(put.item())) {
                throw new IllegalStateException("cannot shelve " + put.item());
            }
        }
    }

    private MongoCollection<Document> collection;
    private Shelves shelves;
    private Configuration configuration;
    private SequencedDeadLetterQueue<EventMessage<?>> queue;

    @Override
    protected void createProjections() {
        collection = database.getCollection("shelves");
        shelves = new Shelves(collection);
    }

    @AfterEach
    void stop() {
        if (configuration != null) {
            configuration.shutdown();
        }
    }

    /** Stores the stream, then starts the processor: it takes the whole stream in one batch. */
    private void process(List<Put> stream) {
        Configurer configurer = DefaultConfigurer.defaultConfiguration()
                                                 .configureEmbeddedEventStore(c -> new InMemoryEventStorageEngine());
        queue = InMemorySequencedDeadLetterQueue.defaultQueue();
        configurer.eventProcessing()
                  .registerTrackingEventProcessor(GROUP, c -> c.eventStore(), c -> TrackingEventProcessorConfiguration
                          .forSingleThreadedProcessing().andBatchSize(100))
                  .registerEventHandler(c -> shelves)
                  .registerHandlerInterceptor(GROUP, c -> new FlushAtBatchEnd());
        PoisonEvents.park(configurer.eventProcessing(), GROUP, c -> queue);
        configuration = configurer.buildConfiguration();
        EventStore store = configuration.eventStore();
        Map<String, Long> sequences = new TreeMap<>();
        List<EventMessage<?>> events = new ArrayList<>();
        for (Put put : stream) {
            long sequence = sequences.merge(put.caseId(), 0L, (a, b) -> a + 1);
            events.add(new GenericDomainEventMessage<>("Case", put.caseId(), sequence, put));
        }
        store.publish(events);
        configuration.start();
        awaitProcessed(stream.size() - 1);
    }

    private void awaitProcessed(long index) {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < deadline) {
            var processor = configuration.eventProcessingConfiguration()
                                         .eventProcessor(GROUP, org.axonframework.eventhandling.StreamingEventProcessor.class)
                                         .orElseThrow();
            boolean done = processor.processingStatus().values().stream()
                                    .anyMatch(s -> s.getCurrentPosition().orElse(-1) >= index);
            if (done) {
                return;
            }
            Thread.onSpinWait();
        }
        throw new AssertionError("not processed");
    }

    private List<String> items(String caseId) {
        Document shelf = Documents.byId(collection, caseId);
        return shelf == null ? List.of() : shelf.getList("items", String.class);
    }

    private Map<String, Integer> counts() {
        Map<String, Integer> counts = new TreeMap<>();
        Document all = Documents.byId(collection, "all");
        CaseEntries.all(all).forEach(e -> counts.put(e.getString("caseId"), e.getInteger("count")));
        return counts;
    }

    private List<String> parked(String caseId) {
        List<String> items = new ArrayList<>();
        for (DeadLetter<? extends EventMessage<?>> letter : queue.deadLetterSequence(caseId)) {
            items.add(((Put) letter.message().getPayload()).item());
        }
        return items;
    }

    private static final List<Put> STREAM = List.of(
            new Put("a", "a1"), new Put("b", "b1"), new Put("c", "c1"), new Put("a", "a2"), new Put("b", "b2"),
            new Put("b", "b3-poison"), new Put("a", "a3"), new Put("b", "b4"), new Put("c", "c2"),
            new Put("b", "b5"));

    @Test
    void a_poison_event_parks_its_case_and_leaves_nothing_behind_while_other_cases_flow() {
        shelves.poison.add("b3-poison");

        process(STREAM);

        assertThat(items("a")).containsExactly("a1", "a2", "a3");
        assertThat(items("c")).containsExactly("c1", "c2");
        assertThat(items("b")).as("up to the poison, and nothing of it").containsExactly("b1", "b2");
        assertThat(counts()).isEqualTo(Map.of("a", 3, "b", 2, "c", 2));
        assertThat(parked("b")).containsExactly("b3-poison", "b4", "b5");
        assertThat(queue.amountOfSequences()).isEqualTo(1);
    }

    @Test
    void parked_events_retried_after_the_fix_are_applied_in_order() {
        shelves.poison.add("b3-poison");
        process(STREAM);

        shelves.poison.clear();
        SequencedDeadLetterProcessor<EventMessage<?>> retry = configuration.eventProcessingConfiguration()
                                                                           .sequencedDeadLetterProcessor(GROUP)
                                                                           .orElseThrow();
        assertThat(retry).isInstanceOf(DeadLetteringEventHandlerInvoker.class);
        assertThat(retry.processAny()).isTrue();

        assertThat(items("b")).containsExactly("b1", "b2", "b3-poison", "b4", "b5");
        assertThat(counts()).isEqualTo(Map.of("a", 3, "b", 5, "c", 2));
        assertThat(queue.size()).isZero();
    }

    @Test
    void a_retry_that_fails_again_keeps_the_events_parked_and_changes_nothing() {
        shelves.poison.add("b3-poison");
        process(STREAM);
        Map<String, Integer> before = counts();

        assertThat(configuration.eventProcessingConfiguration().sequencedDeadLetterProcessor(GROUP).orElseThrow()
                                .processAny()).isFalse();

        assertThat(items("b")).containsExactly("b1", "b2");
        assertThat(counts()).isEqualTo(before);
        assertThat(parked("b")).containsExactly("b3-poison", "b4", "b5");
    }

    @Test
    void a_letter_parked_in_a_batch_that_fails_is_not_kept_and_one_in_a_batch_that_is_written_is() {
        SequencedDeadLetterQueue<EventMessage<?>> stored = InMemorySequencedDeadLetterQueue.defaultQueue();
        ParkAtBatchEnd parking = new ParkAtBatchEnd(stored);
        EventMessage<?> event = new GenericDomainEventMessage<>("Case", "b", 3, new Put("b", "b3"));

        DefaultUnitOfWork<EventMessage<?>> failed = DefaultUnitOfWork.startAndGet(event);
        parking.enqueue("b", new GenericDeadLetter<>("b", event));
        assertThat(parking.contains("b")).as("seen by the rest of its batch").isTrue();
        assertThat(stored.contains("b")).as("not written before the batch").isFalse();
        failed.rollback();
        assertThat(stored.size()).isZero();

        DefaultUnitOfWork<EventMessage<?>> written = DefaultUnitOfWork.startAndGet(event);
        parking.enqueue("b", new GenericDeadLetter<>("b", event));
        written.commit();
        assertThat(stored.size()).isEqualTo(1);
    }
}
