package org.freedomcampaigns.tracker.eventstore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.freedomcampaigns.tracker.eventstore.EmbeddedMongo.event;
import static org.freedomcampaigns.tracker.eventstore.EmbeddedMongo.events;
import static org.freedomcampaigns.tracker.eventstore.EmbeddedMongo.readOnce;
import static org.freedomcampaigns.tracker.eventstore.EmbeddedMongo.trackAll;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;

import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingEventStream;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.freedomcampaigns.tracker.eventstore.EmbeddedMongo.Noted;
import org.freedomcampaigns.tracker.eventstore.EmbeddedMongo.Tracked;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class GapTrackingTest {
    private EmbeddedMongo mongo;

    @AfterEach
    void tearDown() throws Exception {
        mongo.close();
    }

    private static GapAwareTrackingToken gapAware(TrackingToken token) {
        return (GapAwareTrackingToken) token;
    }

    private void writeLate(long index, String aggregate, long seq, String text) {
        mongo.writeLate(index, List.of(event(aggregate, seq, text)));
    }

    @Test
    void a_reserved_but_never_written_index_is_a_gap_of_the_token_until_the_gap_timeout() throws Exception {
        mongo = EmbeddedMongo.memory();
        MongoEventStore engine = mongo.engine(mongo.builder().gapTimeout(Duration.ofMillis(200)));
        engine.appendEvents(event("a", 0, "first"));                  // index 0
        Tracked first = trackAll(engine, null);
        assertThat(first.texts()).containsExactly("first");

        mongo.reserve(3);                                              // indexes 1..3 never written
        engine.appendEvents(event("b", 0, "after-gap"));              // index 4

        Tracked second = trackAll(engine, first.token());
        assertThat(second.texts()).containsExactly("after-gap");
        assertThat(gapAware(second.token()).getIndex()).isEqualTo(4);
        assertThat(gapAware(second.token()).getGaps()).containsExactly(1L, 2L, 3L);
        assertThat(readOnce(engine, second.token())).isEmpty();       // waiting for the gaps delivers nothing

        TimeUnit.MILLISECONDS.sleep(400);                              // past the gap timeout
        engine.appendEvents(event("c", 0, "later"));                  // index 5

        Tracked third = trackAll(engine, second.token());
        assertThat(third.texts()).containsExactly("later");
        assertThat(gapAware(third.token()).getIndex()).isEqualTo(5);
        assertThat(gapAware(third.token()).getGaps()).isEmpty();
        assertThat(readOnce(engine, third.token())).isEmpty();

        // read from the start: every event once, no gap left behind
        Tracked all = trackAll(engine, null);
        assertThat(all.texts()).containsExactly("first", "after-gap", "later");
        assertThat(gapAware(all.token()).getGaps()).isEmpty();
    }

    @Test
    void a_tracker_starting_from_the_tail_lists_the_reserved_indexes_before_the_first_event_as_gaps() {
        mongo = EmbeddedMongo.memory();
        MongoEventStore engine = mongo.engine();
        mongo.reserve(3);
        engine.appendEvents(event("a", 0, "first"));                  // index 3

        Tracked tracked = trackAll(engine, null);
        assertThat(tracked.texts()).containsExactly("first");
        assertThat(gapAware(tracked.token()).getIndex()).isEqualTo(3);
        assertThat(gapAware(tracked.token()).getGaps()).containsExactly(0L, 1L, 2L);

        writeLate(1, "late", 0, "late");
        Tracked again = trackAll(engine, tracked.token());
        assertThat(again.texts()).containsExactly("late");
        assertThat(gapAware(again.token()).getGaps()).containsExactly(0L, 2L);
    }

    @Test
    void an_index_written_late_is_delivered_once_and_fills_the_gap_of_the_token() {
        mongo = EmbeddedMongo.memory();
        MongoEventStore engine = mongo.engine();
        engine.appendEvents(event("a", 0, "first"));                  // index 0
        mongo.reserve(1);                                              // index 1: an append in flight
        engine.appendEvents(event("b", 0, "second"));                 // index 2

        Tracked before = trackAll(engine, null);
        assertThat(before.texts()).containsExactly("first", "second");
        assertThat(gapAware(before.token()).getGaps()).containsExactly(1L);

        writeLate(1, "late", 0, "late");

        Tracked after = trackAll(engine, before.token());
        assertThat(after.texts()).containsExactly("late");
        assertThat(gapAware(after.token()).getIndex()).isEqualTo(2);
        assertThat(gapAware(after.token()).getGaps()).isEmpty();
        assertThat(readOnce(engine, after.token())).isEmpty();

        engine.appendEvents(event("c", 0, "third"));
        assertThat(trackAll(engine, after.token()).texts()).containsExactly("third");
        assertThat(trackAll(engine, null).texts()).containsExactly("first", "late", "second", "third");
    }

    @Test
    void a_late_multi_event_commit_is_delivered_once_through_the_embedded_event_store() throws Exception {
        mongo = EmbeddedMongo.memory();
        MongoEventStore engine = mongo.engine();
        EmbeddedEventStore eventStore = EmbeddedEventStore.builder().storageEngine(engine).build();
        try {
            engine.appendEvents(event("a", 0, "first"));              // index 0
            mongo.reserve(3);                                          // 1..3: an append of 3 events in flight
            engine.appendEvents(event("b", 0, "second"));             // index 4

            try (TrackingEventStream stream = eventStore.openStream(null)) {
                assertThat(text(stream.nextAvailable())).isEqualTo("first");
                assertThat(text(stream.nextAvailable())).isEqualTo("second");
                mongo.writeLate(1, events("late", 0, 3));
                engine.appendEvents(event("c", 0, "third"));          // index 5

                assertThat(List.of(text(next(stream)), text(next(stream)), text(next(stream)), text(next(stream))))
                        .containsExactly("e0", "e1", "e2", "third");
                assertThat(stream.hasNextAvailable(300, TimeUnit.MILLISECONDS)).isFalse();
            }
        } finally {
            eventStore.shutDown();
        }
    }

    private static TrackedEventMessage<?> next(TrackingEventStream stream) throws InterruptedException {
        assertThat(stream.hasNextAvailable(5, TimeUnit.SECONDS)).isTrue();
        return stream.nextAvailable();
    }

    private static String text(TrackedEventMessage<?> event) {
        return ((Noted) event.getPayload()).text();
    }

    @Test
    void a_window_of_more_than_batch_size_reserved_but_empty_indexes_is_looked_past() {
        mongo = EmbeddedMongo.memory();
        MongoEventStore engine = mongo.engine(mongo.builder().batchSize(100));
        engine.appendEvents(event("a", 0, "first"));                  // index 0
        Tracked first = trackAll(engine, null);
        mongo.reserve(500);                                            // 1..500 never written
        engine.appendEvents(event("b", 0, "far"));                    // index 501

        Tracked fromToken = trackAll(engine, first.token());
        assertThat(fromToken.texts()).containsExactly("far");
        assertThat(gapAware(fromToken.token()).getIndex()).isEqualTo(501);
        assertThat(gapAware(fromToken.token()).getGaps()).hasSize(500);

        assertThat(trackAll(engine, null).texts()).containsExactly("first", "far");
    }

    @Test
    void a_tracker_from_the_tail_finds_the_first_event_after_more_than_batch_size_empty_indexes() {
        mongo = EmbeddedMongo.memory();
        MongoEventStore engine = mongo.engine(mongo.builder().batchSize(100).gapTimeout(Duration.ZERO));
        mongo.reserve(2_500);
        engine.appendEvents(events("a", 0, 2));                        // 2500, 2501

        Tracked tracked = trackAll(engine, null);
        assertThat(tracked.texts()).containsExactly("e0", "e1");
        assertThat(gapAware(tracked.token()).getIndex()).isEqualTo(2501);
    }

    /**
     * A processor stores the token of every event it handled. If it stops after the first event of a commit of
     * several events, it resumes from a token in the middle of that commit; the rest of the commit must follow.
     */
    @Test
    void a_token_in_the_middle_of_a_multi_event_commit_resumes_with_the_rest_of_that_commit() {
        mongo = EmbeddedMongo.memory();
        MongoEventStore engine = mongo.engine();
        engine.appendEvents(events("a", 0, 3));                        // one commit: indexes 0..2
        engine.appendEvents(event("b", 0, "next"));                   // index 3

        Tracked all = trackAll(engine, null);
        assertThat(all.texts()).containsExactly("e0", "e1", "e2", "next");
        TrackingToken afterFirst = all.events().get(0).trackingToken();
        TrackingToken afterSecond = all.events().get(1).trackingToken();

        assertThat(trackAll(engine, afterFirst).texts()).containsExactly("e1", "e2", "next");
        assertThat(trackAll(engine, afterSecond).texts()).containsExactly("e2", "next");
    }

    /**
     * The gap timeout gives up indexes that hold nothing. An index that was filled (shortly after the event that
     * follows it) must still be delivered when the tracker reads it only after the timeout: a processor that was
     * stopped, restarted or lagging with a stored token that lists the gap.
     */
    @Test
    void a_gap_filled_before_the_timeout_is_delivered_even_when_read_after_the_timeout() throws Exception {
        mongo = EmbeddedMongo.memory();
        MongoEventStore engine = mongo.engine(mongo.builder().gapTimeout(Duration.ofMillis(200)));
        engine.appendEvents(event("a", 0, "first"));                  // index 0
        mongo.reserve(1);                                              // index 1: an append in flight
        engine.appendEvents(event("b", 0, "second"));                 // index 2
        Tracked before = trackAll(engine, null);
        assertThat(gapAware(before.token()).getGaps()).containsExactly(1L);
        writeLate(1, "late", 0, "late");                               // filled right away

        TimeUnit.MILLISECONDS.sleep(400);                              // the processor was down for a while

        Tracked after = trackAll(engine, before.token());
        assertThat(after.texts()).containsExactly("late");
    }

    @Test
    void tokens_never_go_backwards_and_no_event_is_delivered_twice_when_gaps_are_filled_in_any_order() {
        mongo = EmbeddedMongo.memory();
        MongoEventStore engine = mongo.engine();
        engine.appendEvents(event("a", 0, "i0"));
        mongo.reserve(4);                                              // 1..4
        engine.appendEvents(event("a", 1, "i5"));
        Tracked tracked = trackAll(engine, null);
        assertThat(gapAware(tracked.token()).getGaps()).containsExactly(1L, 2L, 3L, 4L);

        TrackingToken token = tracked.token();
        List<Long> fillOrder = List.of(3L, 1L, 4L, 2L);
        for (long index : fillOrder) {
            writeLate(index, "late-" + index, 0, "i" + index);
            Tracked step = trackAll(engine, token);
            assertThat(step.texts()).containsExactly("i" + index);
            assertThat(gapAware(step.token()).getIndex()).isEqualTo(5);
            assertThat(step.token().covers(token)).isTrue();
            token = step.token();
        }
        assertThat(gapAware(token).getGaps()).isEmpty();
        assertThat(trackAll(engine, null).texts())
                .isEqualTo(LongStream.rangeClosed(0, 5).mapToObj(i -> "i" + i).toList());
    }
}
