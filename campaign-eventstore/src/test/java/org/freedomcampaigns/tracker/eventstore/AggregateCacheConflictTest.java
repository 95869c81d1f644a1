package org.freedomcampaigns.tracker.eventstore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

import org.axonframework.common.Registration;
import org.axonframework.common.caching.Cache;
import org.axonframework.eventsourcing.CachingEventSourcingRepository;
import org.axonframework.eventsourcing.EventSourcingRepository;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.modelling.command.ConcurrencyException;
import org.freedomcampaigns.tracker.eventstore.TestCampaign.Launched;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AggregateCacheConflictTest {
    private EmbeddedMongo mongo;
    private MongoEventStore engine;
    private EmbeddedEventStore eventStore;

    /** A cache that holds its entries strongly, so that only eviction removes them. */
    static class MapCache implements Cache {
        final Map<Object, Object> entries = new ConcurrentHashMap<>();
        final AtomicInteger removals = new AtomicInteger();

        @Override
        @SuppressWarnings("unchecked")
        public <K, V> V get(K key) {
            return (V) entries.get(key);
        }

        @Override
        public void put(Object key, Object value) {
            if (value == null) {
                remove(key);
            } else {
                entries.put(key, value);
            }
        }

        @Override
        public boolean putIfAbsent(Object key, Object value) {
            return entries.putIfAbsent(key, value) == null;
        }

        @Override
        @SuppressWarnings("unchecked")
        public <T> T computeIfAbsent(Object key, Supplier<T> valueSupplier) {
            return (T) entries.computeIfAbsent(key, k -> valueSupplier.get());
        }

        @Override
        public boolean remove(Object key) {
            removals.incrementAndGet();
            return entries.remove(key) != null;
        }

        @Override
        public void removeAll() {
            entries.clear();
        }

        @Override
        public boolean containsKey(Object key) {
            return entries.containsKey(key);
        }

        @Override
        public Registration registerCacheEntryListener(EntryListener cacheEntryListener) {
            return () -> true;
        }

        @Override
        @SuppressWarnings("unchecked")
        public <V> void computeIfPresent(Object key, UnaryOperator<V> update) {
            entries.computeIfPresent(key, (k, v) -> update.apply((V) v));
        }
    }

    @BeforeEach
    void setUp() {
        mongo = EmbeddedMongo.memory();
        engine = mongo.engine();
        eventStore = EmbeddedEventStore.builder().storageEngine(engine).build();
    }

    @AfterEach
    void tearDown() throws Exception {
        eventStore.shutDown();
        mongo.close();
    }

    private static void join(EventSourcingRepository<TestCampaign> repository, String supporter) {
        DefaultUnitOfWork.startAndGet(null).execute(() -> repository.load("camp").execute(c -> c.join(supporter)));
    }

    private List<String> supporters() {
        EventSourcingRepository<TestCampaign> fresh =
                EventSourcingRepository.builder(TestCampaign.class).eventStore(eventStore).build();
        List<String> supporters = new ArrayList<>();
        DefaultUnitOfWork.startAndGet(null).execute(
                () -> fresh.load("camp").execute(c -> supporters.addAll(c.supporters)));
        return supporters;
    }

    @Test
    void a_stale_cached_aggregate_fails_with_a_concurrency_exception_is_evicted_and_a_retry_succeeds() {
        engine.appendEvents(new GenericDomainEventMessage<>(TestCampaign.class.getSimpleName(), "camp", 0,
                                                            new Launched("camp", "Free them")));
        MapCache cache = new MapCache();
        EventSourcingRepository<TestCampaign> cached =
                EventSourcingRepository.builder(TestCampaign.class).eventStore(eventStore).cache(cache).build();
        EventSourcingRepository<TestCampaign> other =
                EventSourcingRepository.builder(TestCampaign.class).eventStore(eventStore).build();
        assertThat(cached).isInstanceOf(CachingEventSourcingRepository.class);

        join(cached, "ana");                                 // seq 1, and "camp" is now cached
        assertThat(cache.containsKey("camp")).isTrue();
        join(other, "ben");                                  // seq 2 by the other instance: the cache is stale

        assertThatThrownBy(() -> join(cached, "cy")).isInstanceOf(ConcurrencyException.class);
        assertThat(cache.containsKey("camp")).as("stale entry evicted").isFalse();
        assertThat(supporters()).containsExactly("ana", "ben");
        assertThat(engine.lastSequenceNumberFor("camp")).contains(2L);

        join(cached, "cy");                                  // the retry loads fresh state
        assertThat(supporters()).containsExactly("ana", "ben", "cy");
        assertThat(engine.lastSequenceNumberFor("camp")).contains(3L);
        assertThat(cache.containsKey("camp")).isTrue();

        join(cached, "dee");                                 // and the cache is right again
        assertThat(supporters()).containsExactly("ana", "ben", "cy", "dee");
    }
}
