package org.freedomcampaigns.tracker.eventstore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.freedomcampaigns.tracker.eventstore.EmbeddedMongo.event;
import static org.freedomcampaigns.tracker.eventstore.EmbeddedMongo.events;
import static org.freedomcampaigns.tracker.eventstore.EmbeddedMongo.trackAll;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.serialization.SerializedObject;
import org.freedomcampaigns.tracker.eventstore.EmbeddedMongo.Noted;
import org.freedomcampaigns.tracker.eventstore.EmbeddedMongo.Tracked;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TokenTest {
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

    @Test
    void the_token_of_a_store_of_10000_events_without_gaps_serializes_to_under_200_bytes() {
        MongoEventStore bigBatches = mongo.engine(mongo.builder().batchSize(1_000));
        for (int chunk = 0; chunk < 10; chunk++) {
            List<DomainEventMessage<?>> batch = new ArrayList<>();
            for (int i = 0; i < 1_000; i++) {
                int n = chunk * 1_000 + i;
                batch.add(event("c-" + n, 0));
            }
            bigBatches.appendEvents(batch);
        }

        Tracked tracked = trackAll(bigBatches, null);
        assertThat(tracked.events()).hasSize(10_000);
        GapAwareTrackingToken token = (GapAwareTrackingToken) tracked.token();
        assertThat(token.getIndex()).isEqualTo(9_999);
        assertThat(token.getGaps()).isEmpty();

        SerializedObject<byte[]> serialized = mongo.serializer.serialize(token, byte[].class);
        assertThat(serialized.getData().length).isLessThan(200);
        TrackingToken back = mongo.serializer.deserialize(serialized);
        assertThat(back).isEqualTo(token);
        // and reading on from the deserialized token delivers nothing twice
        assertThat(EmbeddedMongo.readOnce(bigBatches, back)).isEmpty();
    }

    @Test
    void the_tail_token_is_null_and_reads_everything() {
        assertThat(engine.createTailToken()).isNull();
        engine.appendEvents(events("a", 0, 3));
        assertThat(engine.createTailToken()).isNull();
        assertThat(trackAll(engine, engine.createTailToken()).texts()).containsExactly("e0", "e1", "e2");
    }

    @Test
    void the_head_token_is_null_on_an_empty_store_and_then_the_last_reserved_index() {
        assertThat(engine.createHeadToken()).isNull();

        engine.appendEvents(events("a", 0, 3));  // 0..2
        engine.appendEvents(events("b", 0, 2));  // 3..4
        TrackingToken head = engine.createHeadToken();
        assertThat(head).isEqualTo(GapAwareTrackingToken.newInstance(4, new TreeSet<>()));
        assertThat(trackAll(engine, head).events()).isEmpty();

        engine.appendEvents(event("c", 0, "after-head"));
        assertThat(trackAll(engine, head).texts()).containsExactly("after-head");
        assertThat(trackAll(engine, null).token()).isEqualTo(engine.createHeadToken());
    }

    @Test
    void a_token_at_a_time_reads_the_events_stored_at_or_after_it() throws Exception {
        Instant beforeAll = Instant.now().minusSeconds(1);
        engine.appendEvents(events("a", 0, 3));                        // 0..2
        engine.appendEvents(event("b", 0, "b-early"));                // 3
        TimeUnit.MILLISECONDS.sleep(20);
        Instant between = Instant.now();
        TimeUnit.MILLISECONDS.sleep(20);
        engine.appendEvents(event("c", 0, "c-late"));                 // 4
        engine.appendEvents(event("a", 3, "a-late"));                 // 5

        assertThat(engine.createTokenAt(beforeAll)).isNull();
        assertThat(trackAll(engine, engine.createTokenAt(beforeAll)).events()).hasSize(6);

        TrackingToken atBetween = engine.createTokenAt(between);
        assertThat(atBetween).isEqualTo(GapAwareTrackingToken.newInstance(3, new TreeSet<>()));
        assertThat(trackAll(engine, atBetween).texts()).containsExactly("c-late", "a-late");

        TrackingToken future = engine.createTokenAt(Instant.now().plusSeconds(60));
        assertThat(future).isEqualTo(engine.createHeadToken());
        assertThat(trackAll(engine, future).events()).isEmpty();
    }

    @Test
    void last_sequence_number_is_empty_for_an_unknown_aggregate_and_the_last_event_otherwise() {
        assertThat(engine.lastSequenceNumberFor("a")).isEmpty();
        engine.appendEvents(events("a", 0, 3));
        assertThat(engine.lastSequenceNumberFor("a")).contains(2L);
        engine.appendEvents(events("a", 3, 1));
        engine.appendEvents(events("a", 4, 20));
        assertThat(engine.lastSequenceNumberFor("a")).contains(23L);
        assertThat(engine.lastSequenceNumberFor("b")).isEmpty();
    }

    @Test
    void last_sequence_number_takes_the_snapshot_and_the_events_after_it_into_account() {
        engine.appendEvents(events("a", 0, 3));   // 0..2
        engine.appendEvents(events("a", 3, 4));   // 3..6
        engine.storeSnapshot(snapshot("a", 6));
        assertThat(engine.lastSequenceNumberFor("a")).contains(6L);

        engine.appendEvents(events("a", 7, 2));   // 7..8
        assertThat(engine.lastSequenceNumberFor("a")).contains(8L);

        engine.appendEvents(events("b", 0, 5));   // 0..4
        engine.storeSnapshot(snapshot("b", 2));   // in the middle of the commit
        assertThat(engine.lastSequenceNumberFor("b")).contains(4L);

        // a snapshot of an aggregate whose events are not (or no longer) here
        engine.storeSnapshot(snapshot("only-snapshot", 41));
        assertThat(engine.lastSequenceNumberFor("only-snapshot")).contains(41L);
    }

    private static DomainEventMessage<Noted> snapshot(String aggregate, long seq) {
        return new GenericDomainEventMessage<>(EmbeddedMongo.TYPE, aggregate, seq,
                                               new Noted(aggregate, seq, "snapshot@" + seq));
    }
}
