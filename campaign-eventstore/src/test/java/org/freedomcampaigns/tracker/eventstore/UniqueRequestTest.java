package org.freedomcampaigns.tracker.eventstore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.freedomcampaigns.tracker.eventstore.EmbeddedMongo.event;
import static org.freedomcampaigns.tracker.eventstore.EmbeddedMongo.read;
import static org.freedomcampaigns.tracker.eventstore.EmbeddedMongo.trackAll;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A request identifier in the events' metadata is stored once: a second append carrying it stores nothing. */
class UniqueRequestTest {
    private static final String REQUEST = "request";

    private EmbeddedMongo mongo;
    private MongoEventStore engine;

    @BeforeEach
    void setUp() {
        mongo = EmbeddedMongo.memory();
        engine = mongo.engine(mongo.builder().uniqueRequests(REQUEST));
    }

    @AfterEach
    void tearDown() throws Exception {
        mongo.close();
    }

    private static DomainEventMessage<?> of(String request, DomainEventMessage<?> event) {
        return event.andMetaData(Map.of(REQUEST, request));
    }

    private static List<String> texts(List<? extends EventMessage<?>> events) {
        return events.stream().map(e -> ((EmbeddedMongo.Noted) e.getPayload()).text()).toList();
    }

    @Test
    void a_request_appended_again_stores_nothing_whatever_aggregate_it_is_for() {
        engine.appendEvents(of("r1", event("a", 0, "first")), of("r1", event("a", 1, "second")));

        assertThatThrownBy(() -> engine.appendEvents(of("r1", event("a", 2, "again"))))
                .isInstanceOf(RequestAlreadyRecordedException.class)
                .extracting(e -> ((RequestAlreadyRecordedException) e).request()).isEqualTo("r1");
        assertThatThrownBy(() -> engine.appendEvents(of("r1", event("b", 0, "elsewhere"))))
                .isInstanceOf(RequestAlreadyRecordedException.class);

        assertThat(texts(read(engine, "a"))).containsExactly("first", "second");
        assertThat(read(engine, "b")).isEmpty();
        assertThat(trackAll(engine, null).texts()).containsExactly("first", "second");
        // the aggregates go on with other requests
        engine.appendEvents(of("r2", event("a", 2, "third")));
        engine.appendEvents(of("r3", event("b", 0, "b0")));
        assertThat(texts(read(engine, "a"))).containsExactly("first", "second", "third");
    }

    @Test
    void the_events_of_a_request_are_found_as_stored() {
        engine.appendEvents(event("a", 0, "before"));
        engine.appendEvents(of("r1", event("a", 1, "first")), of("r1", event("a", 2, "second")));

        RecordedRequest request = engine.recordedRequest("r1").orElseThrow();
        List<StoredEvent> recorded = request.events();

        assertThat(request.aggregateType()).isEqualTo(EmbeddedMongo.TYPE);
        assertThat(request.aggregateId()).isEqualTo("a");
        assertThat(recorded).extracting(StoredEvent::aggregateId).containsOnly("a");
        assertThat(recorded).extracting(StoredEvent::sequence).containsExactly(1L, 2L);
        assertThat(recorded).extracting(StoredEvent::globalIndex).containsExactly(1L, 2L);
        assertThat(recorded.get(0).metaData()).contains("r1");
        assertThat(engine.recordedRequest("r2")).isEmpty();
    }

    @Test
    void appends_without_a_request_are_not_limited() {
        for (int i = 0; i < 20; i++) {
            engine.appendEvents(event("a", i, "e" + i));
        }
        assertThat(read(engine, "a")).hasSize(20);
    }

    @Test
    void a_request_is_remembered_by_a_new_engine_on_the_same_store() {
        engine.appendEvents(of("r1", event("a", 0, "first")));

        MongoEventStore reopened = mongo.engine(mongo.builder().uniqueRequests(REQUEST));

        assertThat(reopened.recordedRequest("r1")).isPresent();
        assertThatThrownBy(() -> reopened.appendEvents(of("r1", event("b", 0, "again"))))
                .isInstanceOf(RequestAlreadyRecordedException.class);
    }

    @Test
    void of_concurrent_appends_of_one_request_exactly_one_is_stored() throws Exception {
        int appenders = 8;
        CountDownLatch start = new CountDownLatch(1);
        List<Throwable> failures = Collections.synchronizedList(new ArrayList<>());
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < appenders; t++) {
            // half race on one aggregate (same sequence), half on aggregates of their own
            String aggregate = t % 2 == 0 ? "shared" : "own-" + t;
            int n = t;
            threads.add(new Thread(() -> {
                try {
                    start.await();
                    engine.appendEvents(of("r1", event(aggregate, 0, "try-" + n)));
                } catch (Throwable e) {
                    failures.add(e);
                }
            }));
        }
        threads.forEach(Thread::start);
        start.countDown();
        for (Thread thread : threads) {
            thread.join(10_000);
        }

        assertThat(failures).hasSize(appenders - 1)
                            .allMatch(e -> e instanceof RequestAlreadyRecordedException
                                    || e instanceof org.axonframework.modelling.command.ConcurrencyException);
        assertThat(trackAll(engine, null).events()).hasSize(1);
        assertThat(engine.recordedRequest("r1").orElseThrow().events()).hasSize(1);
    }
}
