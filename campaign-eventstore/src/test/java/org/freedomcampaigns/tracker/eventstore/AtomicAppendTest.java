package org.freedomcampaigns.tracker.eventstore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.freedomcampaigns.tracker.eventstore.EmbeddedMongo.event;
import static org.freedomcampaigns.tracker.eventstore.EmbeddedMongo.events;
import static org.freedomcampaigns.tracker.eventstore.EmbeddedMongo.read;
import static org.freedomcampaigns.tracker.eventstore.EmbeddedMongo.sequences;
import static org.freedomcampaigns.tracker.eventstore.EmbeddedMongo.trackAll;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.freedomcampaigns.tracker.eventstore.EmbeddedMongo.Noted;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AtomicAppendTest {
    private EmbeddedMongo mongo;
    private MongoEventStore engine;
    /** Groups the writer finished (durability runs last, after the rollback of a failed append). */
    private final AtomicInteger groupsDone = new AtomicInteger();

    @BeforeEach
    void setUp() {
        mongo = EmbeddedMongo.memory();
        engine = mongo.engine(mongo.builder().durability(groupsDone::incrementAndGet));
    }

    /**
     * Waits until the writer finished the given number of groups. A failed append is reported to its appender
     * before its other commits are deleted (see the disabled test at the end), so the checks of what is stored wait
     * for the writer first.
     */
    private void awaitGroupsDone(int groups) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 5_000;
        while (groupsDone.get() < groups && System.currentTimeMillis() < deadline) {
            TimeUnit.MILLISECONDS.sleep(5);
        }
        assertThat(groupsDone.get()).isGreaterThanOrEqualTo(groups);
    }

    @AfterEach
    void tearDown() throws Exception {
        mongo.close();
    }

    private static List<String> texts(List<? extends EventMessage<?>> events) {
        return events.stream().map(e -> ((Noted) e.getPayload()).text()).toList();
    }

    @Test
    void a_second_append_at_sequence_0_throws_aggregate_stream_creation_exception_and_stores_nothing()
            throws Exception {
        engine.appendEvents(events("a", 0, 3));

        assertThatThrownBy(() -> engine.appendEvents(event("a", 0, "dup-0"), event("a", 1, "dup-1")))
                .isInstanceOf(AggregateStreamCreationException.class);
        awaitGroupsDone(2);

        assertThat(texts(read(engine, "a"))).containsExactly("e0", "e1", "e2");
        assertThat(trackAll(engine, null).texts()).containsExactly("e0", "e1", "e2");
    }

    @Test
    void a_conflicting_append_at_the_same_first_sequence_number_throws_concurrency_exception_and_stores_nothing()
            throws Exception {
        engine.appendEvents(events("a", 0, 3));
        engine.appendEvents(events("a", 3, 2));

        assertThatThrownBy(() -> engine.appendEvents(event("a", 3, "dup-3"), event("a", 4, "dup-4"),
                                                     event("a", 5, "dup-5")))
                .isInstanceOf(ConcurrencyException.class)
                .isNotInstanceOf(AggregateStreamCreationException.class);
        awaitGroupsDone(3);

        assertThat(texts(read(engine, "a"))).containsExactly("e0", "e1", "e2", "e3", "e4");
        assertThat(sequences(engine, "a", 4)).containsExactly(4L);
        assertThat(engine.lastSequenceNumberFor("a")).contains(4L);
        assertThat(trackAll(engine, null).texts()).containsExactly("e0", "e1", "e2", "e3", "e4");

        // the aggregate goes on normally afterwards
        engine.appendEvents(events("a", 5, 1));
        assertThat(sequences(engine, "a", 0)).containsExactly(0L, 1L, 2L, 3L, 4L, 5L);
    }

    @Test
    void an_append_of_two_aggregates_where_one_conflicts_stores_neither() throws Exception {
        engine.appendEvents(events("a", 0, 2));   // commit 0..1
        engine.appendEvents(events("a", 2, 1));   // commit 2

        // conflict last, and conflict first
        assertThatThrownBy(() -> engine.appendEvents(event("b", 0, "b0"), event("b", 1, "b1"),
                                                     event("a", 2, "a-dup")))
                .isInstanceOf(ConcurrencyException.class);
        assertThatThrownBy(() -> engine.appendEvents(event("a", 2, "a-dup"), event("a", 3, "a-dup-3"),
                                                     event("c", 0, "c0")))
                .isInstanceOf(ConcurrencyException.class);
        awaitGroupsDone(4);

        assertThat(read(engine, "b")).isEmpty();
        assertThat(read(engine, "c")).isEmpty();
        assertThat(engine.lastSequenceNumberFor("b")).isEmpty();
        assertThat(texts(read(engine, "a"))).containsExactly("e0", "e1", "e2");
        assertThat(trackAll(engine, null).texts()).containsExactly("e0", "e1", "e2");

        // b and c can still be created: nothing of them was left behind
        engine.appendEvents(event("b", 0, "b0-again"), event("c", 0, "c0-again"));
        assertThat(texts(read(engine, "b"))).containsExactly("b0-again");
        assertThat(trackAll(engine, null).texts()).containsExactly("e0", "e1", "e2", "b0-again", "c0-again");
    }

    @Test
    void a_conflict_in_one_append_does_not_affect_other_appends_of_the_same_group() throws Exception {
        engine.appendEvents(events("a", 0, 2));   // commit 0..1
        engine.appendEvents(events("a", 2, 1));   // commit 2
        // many appenders at once so that they share groups; every second one conflicts on "a"
        List<Thread> threads = new ArrayList<>();
        List<Throwable> failures = java.util.Collections.synchronizedList(new ArrayList<>());
        for (int t = 0; t < 16; t++) {
            int n = t;
            threads.add(new Thread(() -> {
                try {
                    if (n % 2 == 0) {
                        engine.appendEvents(event("ok-" + n, 0), event("ok-" + n, 1));
                    } else {
                        engine.appendEvents(event("bad-" + n, 0), event("a", 2, "a-dup-" + n));
                    }
                } catch (Throwable e) {
                    failures.add(e);
                }
            }));
        }
        threads.forEach(Thread::start);
        for (Thread thread : threads) {
            thread.join(10_000);
        }
        // the writer handles groups one after the other: once this append returns, all earlier groups are done
        engine.appendEvents(event("barrier", 0));

        assertThat(failures).hasSize(8).allSatisfy(e -> assertThat(e).isInstanceOf(ConcurrencyException.class));
        for (int n = 0; n < 16; n++) {
            if (n % 2 == 0) {
                assertThat(sequences(engine, "ok-" + n, 0)).containsExactly(0L, 1L);
            } else {
                assertThat(read(engine, "bad-" + n)).isEmpty();
            }
        }
        List<String> tracked = trackAll(engine, null).events().stream()
                                                    .map(e -> ((DomainEventMessage<?>) e).getAggregateIdentifier())
                                                    .toList();
        assertThat(tracked).hasSize(3 + 8 * 2 + 1).noneMatch(id -> id.startsWith("bad-"));
    }

    @Test
    void a_conflicting_publish_through_the_embedded_event_store_rolls_back_the_unit_of_work_and_stores_nothing()
            throws Exception {
        EmbeddedEventStore eventStore = EmbeddedEventStore.builder().storageEngine(engine).build();
        try {
            DefaultUnitOfWork.startAndGet(null).execute(() -> eventStore.publish(event("a", 0)));
            DefaultUnitOfWork.startAndGet(null).execute(() -> eventStore.publish(event("a", 1)));

            assertThatThrownBy(() -> DefaultUnitOfWork.startAndGet(null).execute(
                    () -> eventStore.publish(event("b", 0, "b0"), event("a", 1, "a-dup"), event("a", 2, "a2"))))
                    .isInstanceOf(ConcurrencyException.class);
            awaitGroupsDone(3);

            assertThat(eventStore.readEvents("b").asStream()).isEmpty();
            assertThat(eventStore.readEvents("a").asStream().map(DomainEventMessage::getSequenceNumber))
                    .containsExactly(0L, 1L);
        } finally {
            eventStore.shutDown();
        }
    }

    /**
     * Axon asks for "a unique combination of aggregate id and sequence number". The unique commit key only
     * stops a second commit that STARTS at the same sequence number; an append that starts inside an existing
     * multi-event commit is stored. Axon's repositories always append right after the end of a commit, so they do
     * not hit this; code that appends domain events itself (imports, migrations, tools) can.
     */
    @Test
    void an_append_that_overlaps_an_existing_multi_event_commit_is_rejected() {
        engine.appendEvents(events("a", 0, 2));   // commit 0..1

        assertThatThrownBy(() -> engine.appendEvents(event("a", 1, "a-dup")))
                .isInstanceOf(ConcurrencyException.class);
        assertThat(trackAll(engine, null).texts()).containsExactly("e0", "e1");
    }

    /**
     * When an append of several aggregates fails on one of them, the commits stored for the others are deleted. The
     * appender must not get its exception before that: it (or a retry of its command) would still see the events
     * of the failed append.
     */
    @Test
    void when_a_failed_append_throws_none_of_its_events_is_readable_any_more() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        com.mongodb.event.CommandListener holdDeletes = new com.mongodb.event.CommandListener() {
            @Override
            public void commandStarted(com.mongodb.event.CommandStartedEvent event) {
                if (event.getCommandName().equals("delete")) {
                    try {
                        release.await(2, TimeUnit.SECONDS); // holds the writer just before the rollback delete
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
            }
        };
        EmbeddedMongo held = EmbeddedMongo.memory(holdDeletes);
        try {
            MongoEventStore heldEngine = held.engine();
            heldEngine.appendEvents(events("a", 0, 1));

            assertThatThrownBy(() -> heldEngine.appendEvents(event("b", 0, "b0"), event("a", 0, "a-dup")))
                    .isInstanceOf(AggregateStreamCreationException.class);
            List<DomainEventMessage<?>> leftOver = read(heldEngine, "b");
            release.countDown();

            assertThat(leftOver).isEmpty();
        } finally {
            release.countDown();
            held.close();
        }
    }
}
