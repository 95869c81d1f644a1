package org.freedomcampaigns.tracker.eventstore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.freedomcampaigns.tracker.eventstore.EmbeddedMongo.events;
import static org.freedomcampaigns.tracker.eventstore.EmbeddedMongo.readOnce;
import static org.freedomcampaigns.tracker.eventstore.EmbeddedMongo.sequences;
import static org.freedomcampaigns.tracker.eventstore.EmbeddedMongo.trackAll;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.LongStream;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;

class ConcurrentAppendOrderingTest {
    private static final int THREADS = 8;
    private static final int EVENTS_PER_THREAD = 200;
    private static final int AGGREGATES_PER_THREAD = 4;

    private EmbeddedMongo mongo;
    private ExecutorService executor;

    @AfterEach
    void tearDown() throws Exception {
        if (mongo == null) {
            return;
        }
        if (executor != null) {
            executor.shutdownNow();
            executor.awaitTermination(5, TimeUnit.SECONDS);
        }
        mongo.close();
    }

    @Test
    void concurrent_appenders_are_tracked_exactly_once_in_global_order_and_in_sequence_order_per_aggregate()
            throws Exception {
        mongo = EmbeddedMongo.memory();
        MongoEventStore engine = mongo.engine(mongo.builder().batchSize(100));
        executor = Executors.newFixedThreadPool(THREADS + 1);
        CountDownLatch start = new CountDownLatch(1);
        AtomicBoolean appending = new AtomicBoolean(true);

        // a tracker that polls while the appenders run
        Future<List<TrackedEventMessage<?>>> live = executor.submit(() -> {
            List<TrackedEventMessage<?>> seen = new ArrayList<>();
            TrackingToken token = null;
            start.await();
            while (true) {
                boolean wasAppending = appending.get();
                List<TrackedEventMessage<?>> batch = readOnce(engine, token);
                if (!batch.isEmpty()) {
                    seen.addAll(batch);
                    token = batch.get(batch.size() - 1).trackingToken();
                } else if (!wasAppending) {
                    return seen;
                }
            }
        });

        List<Future<?>> appenders = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            int thread = t;
            appenders.add(executor.submit(() -> {
                start.await();
                long[] next = new long[AGGREGATES_PER_THREAD];
                int appended = 0;
                int round = 0;
                while (appended < EVENTS_PER_THREAD) {
                    int aggregate = round % AGGREGATES_PER_THREAD;
                    int size = Math.min(1 + round % 3, EVENTS_PER_THREAD - appended); // commits of 1, 2, 3 events
                    engine.appendEvents(events("t" + thread + "-a" + aggregate, next[aggregate], size));
                    next[aggregate] += size;
                    appended += size;
                    round++;
                }
                return null;
            }));
        }
        start.countDown();
        for (Future<?> appender : appenders) {
            appender.get(30, TimeUnit.SECONDS);
        }
        appending.set(false);

        int total = THREADS * EVENTS_PER_THREAD;
        // the tracker that ran alongside got every event once (its order: see the disabled test below)
        List<TrackedEventMessage<?>> seenLive = live.get(30, TimeUnit.SECONDS);
        assertThat(seenLive).hasSize(total);
        assertThat(seenLive.stream().map(TrackedEventMessage::getIdentifier).distinct()).hasSize(total);
        // a tracker reading from the start afterwards: once each, in global order, each aggregate in sequence
        assertExactlyOnceAndOrdered(trackAll(engine, null).events(), total);

        assertThat(mongo.nextIndex()).isEqualTo(total); // no index was lost: every reservation was written
        for (int t = 0; t < THREADS; t++) {
            for (int a = 0; a < AGGREGATES_PER_THREAD; a++) {
                List<Long> seqs = sequences(engine, "t" + t + "-a" + a, 0);
                assertThat(seqs).isEqualTo(LongStream.range(0, seqs.size()).boxed().toList());
            }
        }
    }

    private static void assertExactlyOnceAndOrdered(List<TrackedEventMessage<?>> tracked, int total) {
        assertThat(tracked).hasSize(total);
        Set<String> ids = new HashSet<>();
        Map<String, Long> lastSeq = new HashMap<>();
        long lastIndex = -1;
        for (TrackedEventMessage<?> event : tracked) {
            assertThat(ids.add(event.getIdentifier())).as("delivered once: %s", event.getIdentifier()).isTrue();
            GapAwareTrackingToken token = (GapAwareTrackingToken) event.trackingToken();
            assertThat(token.getIndex()).isGreaterThan(lastIndex);
            assertThat(token.getGaps()).isEmpty();
            lastIndex = token.getIndex();
            DomainEventMessage<?> domain = (DomainEventMessage<?>) event;
            long expected = lastSeq.getOrDefault(domain.getAggregateIdentifier(), -1L) + 1;
            assertThat(domain.getSequenceNumber()).as("sequence of %s", domain.getAggregateIdentifier())
                                                  .isEqualTo(expected);
            lastSeq.put(domain.getAggregateIdentifier(), expected);
        }
        assertThat(lastIndex).isEqualTo(total - 1);
    }

    /**
     * Replays, deterministically, what a tracker running alongside the appenders above hits now and then (1 run in
     * 5 to 10 on a busy machine): its fetch finds nothing in its window because the append that reserved it is still
     * being written; before it reads the counter to look past the window, that append is stored and acknowledged and
     * the same aggregate appends again. The tracker must not deliver the later event before the earlier ones.
     */
    @Test
    void a_tracker_that_looks_past_an_in_flight_window_does_not_deliver_an_aggregates_later_events_first()
            throws Exception {
        AtomicBoolean fired = new AtomicBoolean();
        MongoEventStore[] engineRef = new MongoEventStore[1];
        EmbeddedMongo[] mongoRef = new EmbeddedMongo[1];
        CommandListener listener = new CommandListener() {
            @Override
            public void commandStarted(CommandStartedEvent event) {
                if (event.getCommandName().equals("find") && event.getDatabaseName().equals("events")
                        && event.getCommand().getString("find").getValue().equals(MongoEventStore.COUNTERS)
                        && armed && fired.compareAndSet(false, true)) {
                    // between the tracker's window query and its counter read: the in-flight append of X 0..9 is
                    // stored (at the indexes it reserved) and acknowledged, then X appends its event 10
                    mongoRef[0].writeLate(1, events("X", 0, 10));
                    engineRef[0].appendEvents(EmbeddedMongo.event("X", 10));
                }
            }
        };
        mongo = EmbeddedMongo.memory(listener);
        mongoRef[0] = mongo;
        MongoEventStore engine = mongo.engine(mongo.builder().batchSize(10));
        engineRef[0] = engine;
        engine.appendEvents(EmbeddedMongo.event("first", 0));            // index 0
        TrackingToken token = trackAll(engine, null).token();
        mongo.reserve(10);                                                  // 1..10: X's append, in flight

        armed = true;
        List<String> delivered = trackAll(engine, token).events().stream()
                                                        .map(e -> ((DomainEventMessage<?>) e).getAggregateIdentifier()
                                                                + "/" + ((DomainEventMessage<?>) e).getSequenceNumber())
                                                        .toList();

        assertThat(fired).isTrue();
        assertThat(delivered).hasSize(11).startsWith("X/0").endsWith("X/10");
    }

    private volatile boolean armed;
}
