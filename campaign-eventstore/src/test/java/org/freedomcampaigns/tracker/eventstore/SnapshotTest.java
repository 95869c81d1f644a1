package org.freedomcampaigns.tracker.eventstore;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.EventSourcingRepository;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.freedomcampaigns.tracker.eventstore.EmbeddedMongo.Noted;
import org.freedomcampaigns.tracker.eventstore.TestCampaign.Joined;
import org.freedomcampaigns.tracker.eventstore.TestCampaign.Launched;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SnapshotTest {
    private EmbeddedMongo mongo;
    private MongoEventStore engine;

    @BeforeEach
    void setUp() {
        mongo = EmbeddedMongo.memory();
        engine = mongo.engine();
    }

    @AfterEach
    void tearDown() throws Exception {
        mongo.close();
    }

    private static DomainEventMessage<Noted> snapshot(String aggregate, long seq) {
        return new GenericDomainEventMessage<>(EmbeddedMongo.TYPE, aggregate, seq,
                                               new Noted(aggregate, seq, "snapshot@" + seq));
    }

    private String snapshotText(String aggregate) {
        return engine.readSnapshot(aggregate).map(s -> ((Noted) s.getPayload()).text()).orElse(null);
    }

    @Test
    void the_newest_stored_snapshot_is_read_back() {
        assertThat(engine.readSnapshot("a")).isEmpty();
        engine.storeSnapshot(snapshot("a", 3));
        assertThat(snapshotText("a")).isEqualTo("snapshot@3");
        engine.storeSnapshot(snapshot("a", 7));

        DomainEventMessage<?> read = engine.readSnapshot("a").orElseThrow();
        assertThat(read.getSequenceNumber()).isEqualTo(7);
        assertThat(read.getAggregateIdentifier()).isEqualTo("a");
        assertThat(read.getType()).isEqualTo(EmbeddedMongo.TYPE);
        assertThat(read.getPayload()).isEqualTo(new Noted("a", 7, "snapshot@7"));
        assertThat(engine.readSnapshot("b")).isEmpty();
    }

    @Test
    void an_older_snapshot_does_not_overwrite_a_newer_one() {
        engine.storeSnapshot(snapshot("a", 7));
        engine.storeSnapshot(snapshot("a", 3));
        assertThat(snapshotText("a")).isEqualTo("snapshot@7");
        engine.storeSnapshot(snapshot("a", 7));
        assertThat(engine.readSnapshot("a").orElseThrow().getSequenceNumber()).isEqualTo(7);
    }

    @Test
    void a_repository_rebuilds_the_state_from_a_snapshot_and_the_events_after_it() {
        EmbeddedEventStore eventStore = EmbeddedEventStore.builder().storageEngine(engine).build();
        try {
            String type = TestCampaign.class.getSimpleName();
            engine.appendEvents(new GenericDomainEventMessage<>(type, "camp", 0, new Launched("camp", "Free them")),
                                new GenericDomainEventMessage<>(type, "camp", 1, new Joined("camp", "ana")),
                                new GenericDomainEventMessage<>(type, "camp", 2, new Joined("camp", "ben")));
            engine.appendEvents(new GenericDomainEventMessage<>(type, "camp", 3, new Joined("camp", "cy")));

            // the snapshot says something the events do not, so the test can tell it was used
            TestCampaign state = new TestCampaign();
            state.id = "camp";
            state.title = "Free them (from snapshot)";
            state.supporters = new ArrayList<>(List.of("ana", "ben", "cy"));
            engine.storeSnapshot(new GenericDomainEventMessage<>(type, "camp", 3, state));

            engine.appendEvents(new GenericDomainEventMessage<>(type, "camp", 4, new Joined("camp", "dee")),
                                new GenericDomainEventMessage<>(type, "camp", 5, new Joined("camp", "eli")));

            EventSourcingRepository<TestCampaign> repository =
                    EventSourcingRepository.builder(TestCampaign.class).eventStore(eventStore).build();
            TestCampaign[] loaded = new TestCampaign[1];
            long[] version = new long[1];
            DefaultUnitOfWork.startAndGet(null).execute(() -> {
                var aggregate = repository.load("camp");
                version[0] = aggregate.version();
                aggregate.execute(c -> loaded[0] = c);
            });

            assertThat(loaded[0].title).isEqualTo("Free them (from snapshot)");
            assertThat(loaded[0].supporters).containsExactly("ana", "ben", "cy", "dee", "eli");
            assertThat(version[0]).isEqualTo(5);

            // and a command on it appends at the right sequence number
            DefaultUnitOfWork.startAndGet(null).execute(() -> repository.load("camp").execute(c -> c.join("fay")));
            assertThat(engine.lastSequenceNumberFor("camp")).contains(6L);
            assertThat(engine.readEvents("camp", 6).asStream().map(e -> ((Joined) e.getPayload()).supporter()))
                    .containsExactly("fay");
        } finally {
            eventStore.shutDown();
        }
    }

    /**
     * Snapshotters usually run asynchronously; two snapshots of one aggregate can be stored at the same time. The
     * older one must not win because it was written last.
     */
    @Test
    void an_older_snapshot_stored_concurrently_with_a_newer_one_does_not_overwrite_it() throws Exception {
        java.util.concurrent.atomic.AtomicBoolean armed = new java.util.concurrent.atomic.AtomicBoolean();
        MongoEventStore[] engineRef = new MongoEventStore[1];
        com.mongodb.event.CommandListener listener = new com.mongodb.event.CommandListener() {
            @Override
            public void commandStarted(com.mongodb.event.CommandStartedEvent event) {
                if (event.getCommandName().equals("update") && armed.compareAndSet(true, false)) {
                    engineRef[0].storeSnapshot(snapshot("a", 7)); // lands just before the older one's write
                }
            }
        };
        EmbeddedMongo racing = EmbeddedMongo.memory(listener);
        try {
            MongoEventStore racingEngine = racing.engine();
            engineRef[0] = racingEngine;
            racingEngine.storeSnapshot(snapshot("a", 1));

            armed.set(true);
            racingEngine.storeSnapshot(snapshot("a", 3));

            assertThat(racingEngine.readSnapshot("a").orElseThrow().getSequenceNumber()).isEqualTo(7);
        } finally {
            racing.close();
        }
    }
}
