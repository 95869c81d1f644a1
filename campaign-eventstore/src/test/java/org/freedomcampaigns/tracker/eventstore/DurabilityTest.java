package org.freedomcampaigns.tracker.eventstore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.freedomcampaigns.tracker.eventstore.EmbeddedMongo.event;
import static org.freedomcampaigns.tracker.eventstore.EmbeddedMongo.events;
import static org.freedomcampaigns.tracker.eventstore.EmbeddedMongo.sequences;
import static org.freedomcampaigns.tracker.eventstore.EmbeddedMongo.trackAll;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import org.axonframework.eventhandling.DomainEventMessage;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.mongodb.client.MongoCollection;

import de.bwaldvogel.mongo.backend.h2.H2Backend;

class DurabilityTest {
    private final List<AutoCloseable> toClose = new ArrayList<>();
    private ExecutorService executor;

    @AfterEach
    void tearDown() throws Exception {
        if (executor != null) {
            executor.shutdownNow();
            executor.awaitTermination(5, TimeUnit.SECONDS);
        }
        for (AutoCloseable closeable : toClose) {
            closeable.close();
        }
    }

    private static Set<String> storedEventIds(MongoCollection<Document> commits) {
        Set<String> ids = ConcurrentHashMap.newKeySet();
        for (Document commit : commits.find()) {
            commit.getList("events", Document.class).forEach(e -> ids.add(e.getString("eventId")));
        }
        return ids;
    }

    @Test
    void durability_runs_once_per_append_when_appends_come_one_at_a_time() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        EmbeddedMongo mongo = EmbeddedMongo.memory();
        toClose.add(0, mongo);
        MongoEventStore engine = mongo.engine(mongo.builder().durability(calls::incrementAndGet));

        for (int i = 0; i < 10; i++) {
            engine.appendEvents(events("a", i * 2L, 2));
            assertThat(calls).hasValue(i + 1);
        }
    }

    @Test
    void durability_runs_once_per_group_after_the_write_and_before_the_appenders_return() throws Exception {
        EmbeddedMongo mongo = EmbeddedMongo.memory();
        toClose.add(0, mongo);
        MongoCollection<Document> commits = mongo.db.getCollection(MongoEventStore.COMMITS);
        AtomicInteger calls = new AtomicInteger();
        AtomicReference<Set<String>> durable = new AtomicReference<>(Set.of());
        AtomicInteger concurrentDurabilityCalls = new AtomicInteger();
        AtomicInteger overlap = new AtomicInteger();
        MongoEventStore engine = mongo.engine(mongo.builder().durability(() -> {
            if (concurrentDurabilityCalls.incrementAndGet() > 1) {
                overlap.incrementAndGet();
            }
            calls.incrementAndGet();
            durable.set(storedEventIds(commits));   // what is written now is what this call makes durable
            concurrentDurabilityCalls.decrementAndGet();
        }));

        int threads = 8;
        int appendsPerThread = 10;
        executor = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> results = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            String aggregate = "t" + t;
            results.add(executor.submit(() -> {
                start.await();
                int notDurable = 0;
                for (int i = 0; i < appendsPerThread; i++) {
                    DomainEventMessage<?> event = event(aggregate, i);
                    engine.appendEvents(event);
                    if (!durable.get().contains(event.getIdentifier())) {
                        notDurable++;
                    }
                }
                return notDurable;
            }));
        }
        start.countDown();
        for (Future<Integer> result : results) {
            assertThat(result.get(30, TimeUnit.SECONDS)).as("appends acknowledged before durable").isZero();
        }

        int appends = threads * appendsPerThread;
        assertThat(calls.get()).isBetween(1, appends);
        assertThat(overlap).as("durability calls never overlap").hasValue(0);
        assertThat(trackAll(engine, null).events()).hasSize(appends);
    }

    /**
     * A crash is simulated by copying the store file while the first server still runs (what a kill -9 would leave
     * on disk) and opening the copy with a new backend.
     */
    @Test
    void with_the_h2_backend_acknowledged_appends_are_in_the_store_file_when_durability_commits(@TempDir Path dir)
            throws Exception {
        Path file = dir.resolve("events.mv");
        H2Backend backend = new H2Backend(file.toString());
        EmbeddedMongo mongo = EmbeddedMongo.on(backend);
        toClose.add(0, mongo);
        MongoEventStore engine = mongo.engine(mongo.builder().durability(backend::commit));

        engine.appendEvents(events("a", 0, 3));
        engine.appendEvents(event("b", 0));
        assertThat(backend.getMvStore().hasUnsavedChanges()).isFalse();

        Path copy = dir.resolve("after-crash.mv");
        Files.copy(file, copy);
        EmbeddedMongo recovered = EmbeddedMongo.on(new H2Backend(copy.toString()));
        toClose.add(0, recovered);
        MongoEventStore recoveredEngine = recovered.engine();
        assertThat(sequences(recoveredEngine, "a", 0)).containsExactly(0L, 1L, 2L);
        assertThat(sequences(recoveredEngine, "b", 0)).containsExactly(0L);
        assertThat(trackAll(recoveredEngine, null).events()).hasSize(4);
        assertThat(recovered.nextIndex()).isEqualTo(4);

        // the recovered store goes on where the first one stopped
        recoveredEngine.appendEvents(events("a", 3, 1));
        assertThat(sequences(recoveredEngine, "a", 0)).containsExactly(0L, 1L, 2L, 3L);
    }
}
