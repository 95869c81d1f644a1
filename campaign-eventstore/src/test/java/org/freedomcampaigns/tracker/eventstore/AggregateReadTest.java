package org.freedomcampaigns.tracker.eventstore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.freedomcampaigns.tracker.eventstore.EmbeddedMongo.event;
import static org.freedomcampaigns.tracker.eventstore.EmbeddedMongo.events;
import static org.freedomcampaigns.tracker.eventstore.EmbeddedMongo.read;
import static org.freedomcampaigns.tracker.eventstore.EmbeddedMongo.sequences;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.LongStream;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.freedomcampaigns.tracker.eventstore.EmbeddedMongo.Noted;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import com.mongodb.event.CommandSucceededEvent;

class AggregateReadTest {
    private EmbeddedMongo mongo;

    @AfterEach
    void tearDown() throws Exception {
        if (mongo != null) {
            mongo.close();
        }
    }

    private static List<Long> range(long fromInclusive, long toInclusive) {
        return LongStream.rangeClosed(fromInclusive, toInclusive).boxed().toList();
    }

    @Test
    void appended_events_are_read_back_in_order_with_payload_and_metadata() {
        mongo = EmbeddedMongo.memory();
        MongoEventStore engine = mongo.engine();
        engine.appendEvents(new GenericDomainEventMessage<>("Campaign", "c-1", 0, new Noted("c-1", 0, "launched"))
                                    .andMetaData(java.util.Map.of("user", "ana")));
        engine.appendEvents(events("c-1", 1, 3));
        engine.appendEvents(events("other", 0, 2));

        List<DomainEventMessage<?>> read = read(engine, "c-1");

        assertThat(read).extracting(DomainEventMessage::getSequenceNumber).containsExactly(0L, 1L, 2L, 3L);
        assertThat(read).allSatisfy(e -> {
            assertThat(e.getAggregateIdentifier()).isEqualTo("c-1");
            assertThat(e.getType()).isEqualTo("Campaign");
        });
        assertThat(read.get(0).getPayload()).isEqualTo(new Noted("c-1", 0, "launched"));
        assertThat(read.get(0).getMetaData()).containsEntry("user", "ana");
        assertThat(read.get(2).getPayload()).isEqualTo(new Noted("c-1", 2, "e2"));
    }

    @Test
    void reading_from_a_sequence_number_in_the_middle_of_a_multi_event_commit_starts_at_that_event() {
        mongo = EmbeddedMongo.memory();
        MongoEventStore engine = mongo.engine();
        engine.appendEvents(events("c-1", 0, 5));   // one commit: 0..4
        engine.appendEvents(events("c-1", 5, 5));   // one commit: 5..9
        engine.appendEvents(events("c-1", 10, 1));  // one commit: 10

        assertThat(sequences(engine, "c-1", 0)).isEqualTo(range(0, 10));
        assertThat(sequences(engine, "c-1", 3)).isEqualTo(range(3, 10));
        assertThat(sequences(engine, "c-1", 5)).isEqualTo(range(5, 10));
        assertThat(sequences(engine, "c-1", 7)).isEqualTo(range(7, 10));
        assertThat(sequences(engine, "c-1", 10)).containsExactly(10L);
        assertThat(sequences(engine, "c-1", 11)).isEmpty();
        assertThat(sequences(engine, "unknown", 0)).isEmpty();
    }

    @Test
    void an_aggregate_of_350_single_event_commits_is_read_across_several_fetch_windows() {
        mongo = EmbeddedMongo.memory();
        MongoEventStore engine = mongo.engine(mongo.builder().batchSize(100));
        for (long seq = 0; seq < 350; seq++) {
            engine.appendEvents(event("c-1", seq));
            if (seq % 50 == 0) {
                engine.appendEvents(event("noise-" + seq, 0)); // other aggregates in between
            }
        }

        assertThat(sequences(engine, "c-1", 0)).isEqualTo(range(0, 349));
        assertThat(sequences(engine, "c-1", 123)).isEqualTo(range(123, 349));
        assertThat(sequences(engine, "c-1", 300)).isEqualTo(range(300, 349));
        assertThat(sequences(engine, "c-1", 349)).containsExactly(349L);
        assertThat(sequences(engine, "c-1", 350)).isEmpty();
    }

    @Test
    void reading_from_sequence_30_of_a_single_40_event_commit_looks_back_beyond_16() {
        mongo = EmbeddedMongo.memory();
        MongoEventStore engine = mongo.engine(mongo.builder().batchSize(10));
        engine.appendEvents(events("c-1", 0, 40));

        assertThat(sequences(engine, "c-1", 30)).isEqualTo(range(30, 39));
        assertThat(sequences(engine, "c-1", 17)).isEqualTo(range(17, 39));
        assertThat(sequences(engine, "c-1", 39)).containsExactly(39L);
        assertThat(sequences(engine, "c-1", 0)).isEqualTo(range(0, 39));

        engine.appendEvents(events("c-1", 40, 1));
        assertThat(sequences(engine, "c-1", 30)).isEqualTo(range(30, 40));
    }

    @Test
    void a_very_large_commit_is_found_from_a_sequence_far_past_its_start() {
        mongo = EmbeddedMongo.memory();
        MongoEventStore engine = mongo.engine(mongo.builder().batchSize(20));
        engine.appendEvents(events("c-1", 0, 3));
        engine.appendEvents(events("c-1", 3, 500));   // 3..502
        engine.appendEvents(events("c-1", 503, 2));   // 503..504

        assertThat(sequences(engine, "c-1", 450)).isEqualTo(range(450, 504));
        assertThat(sequences(engine, "c-1", 2)).isEqualTo(range(2, 504));
    }

    @Test
    void mixed_commit_sizes_are_read_from_every_starting_point() {
        mongo = EmbeddedMongo.memory();
        MongoEventStore engine = mongo.engine(mongo.builder().batchSize(7));
        int[] sizes = {1, 3, 17, 1, 1, 40, 2, 5, 1, 25, 1};
        long seq = 0;
        for (int size : sizes) {
            engine.appendEvents(events("c-1", seq, size));
            seq += size;
        }
        long last = seq - 1;
        for (long from = 0; from <= last + 1; from++) {
            assertThat(sequences(engine, "c-1", from)).as("from %d", from)
                                                      .isEqualTo(from > last ? List.of() : range(from, last));
        }
    }

    @Test
    void events_that_belong_to_no_aggregate_are_tracked_but_not_part_of_any_aggregate() {
        mongo = EmbeddedMongo.memory();
        MongoEventStore engine = mongo.engine();
        engine.appendEvents(event("c-1", 0));
        engine.appendEvents(GenericEventMessage.asEventMessage(new Noted(null, 0, "plain-1")),
                            GenericEventMessage.asEventMessage(new Noted(null, 0, "plain-2")));
        engine.appendEvents(event("c-1", 1));

        assertThat(EmbeddedMongo.trackAll(engine, null).texts()).containsExactly("e0", "plain-1", "plain-2", "e1");
        assertThat(sequences(engine, "c-1", 0)).containsExactly(0L, 1L);
    }

    /**
     * Loading an aggregate from a snapshot taken at its last event (what a snapshot is for) asks for the events
     * after the snapshot. There are none; the engine should notice that with the commits near the requested
     * sequence number, not read every earlier commit of the aggregate.
     */
    @Test
    void reading_past_the_last_event_of_a_long_aggregate_does_not_read_its_earlier_commits() {
        AtomicInteger returned = new AtomicInteger();
        List<Integer> findRequests = new ArrayList<>();
        CommandListener listener = new CommandListener() {
            @Override
            public void commandStarted(CommandStartedEvent event) {
                if (event.getCommandName().equals("find")
                        && event.getCommand().getString("find").getValue().equals(MongoEventStore.COMMITS)) {
                    synchronized (findRequests) {
                        findRequests.add(event.getRequestId());
                    }
                }
            }

            @Override
            public void commandSucceeded(CommandSucceededEvent event) {
                boolean ours;
                synchronized (findRequests) {
                    ours = findRequests.contains(event.getRequestId());
                }
                if (ours && event.getResponse().containsKey("cursor")) {
                    returned.addAndGet(event.getResponse().getDocument("cursor").getArray("firstBatch").size());
                }
            }
        };
        mongo = EmbeddedMongo.memory(listener);
        MongoEventStore engine = mongo.engine(mongo.builder().batchSize(100));
        for (long seq = 0; seq < 1000; seq++) {
            engine.appendEvents(event("c-1", seq));
        }
        SoftAssertions softly = new SoftAssertions();

        returned.set(0);
        assertThat(sequences(engine, "c-1", 1000)).isEmpty();          // e.g. from a snapshot at 999
        softly.assertThat(returned.get()).as("commit documents read to find out there is nothing after 999")
              .isLessThanOrEqualTo(17);

        returned.set(0);
        assertThat(sequences(engine, "c-1", 0)).hasSize(1000);         // a full load
        softly.assertThat(returned.get()).as("commit documents read for a full load of 1,000 events")
              .isLessThanOrEqualTo(1000 + 17);

        returned.set(0);
        assertThat(engine.lastSequenceNumberFor("c-1")).contains(999L);
        softly.assertThat(returned.get()).as("commit documents read by lastSequenceNumberFor")
              .isLessThanOrEqualTo(1000 + 17);
        softly.assertAll();
    }
}
