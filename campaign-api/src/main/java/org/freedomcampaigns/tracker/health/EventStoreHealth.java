package org.freedomcampaigns.tracker.health;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.bson.Document;
import org.freedomcampaigns.tracker.eventstore.MongoEventStore;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.stereotype.Component;

import com.mongodb.client.MongoDatabase;

/**
 * {@code eventStore} in {@code /actuator/health}: the store answers a ping within
 * {@code campaign.health.store-timeout} (2 s by default), and the head of the event stream. Down otherwise.
 */
@Component("eventStoreHealthIndicator")
public class EventStoreHealth implements HealthIndicator {
    private final MongoDatabase database;
    private final MongoEventStore store;
    private final Duration timeout;
    /** Pings run here, so that a store that hangs holds up this thread, not the caller. */
    private final ExecutorService pinger = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "event-store-health");
        thread.setDaemon(true);
        return thread;
    });

    public EventStoreHealth(MongoDatabase database, MongoEventStore store,
                            @Value("${campaign.health.store-timeout:2s}") Duration timeout) {
        this.database = database;
        this.store = store;
        this.timeout = timeout;
    }

    @Override
    public Health health() {
        CompletableFuture<Long> head = CompletableFuture.supplyAsync(() -> {
            database.runCommand(new Document("ping", 1));
            var token = store.createHeadToken();
            return token == null ? -1L : token.position().orElse(-1L);
        }, pinger);
        try {
            return Health.up().withDetail("head", head.get(timeout.toMillis(), TimeUnit.MILLISECONDS)).build();
        } catch (TimeoutException e) {
            head.cancel(true);
            return Health.down().withDetail("problem", "no answer within " + timeout.toMillis() + " ms").build();
        } catch (ExecutionException e) {
            return Health.down().withDetail("problem", "unreachable").build();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Health.down().withDetail("problem", "interrupted").build();
        }
    }
}
