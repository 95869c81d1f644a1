package org.freedomcampaigns.tracker.health;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

import org.bson.conversions.Bson;
import org.freedomcampaigns.tracker.application.ReadModels;
import org.freedomcampaigns.tracker.eventstore.MongoEventStore;
import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.Status;

import com.mongodb.MongoTimeoutException;
import com.mongodb.client.MongoDatabase;

class HealthIndicatorsTest {
    /** A clock the test moves. */
    private static final class TestClock extends Clock {
        private Instant now = Instant.parse("2026-11-22T10:00:00Z");

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    private static ReadModels.Status status(long position, long head) {
        return new ReadModels.Status("case-summary", true, false, position, head, head - position, false, null,
                                     true, 0);
    }

    @Test
    void a_processor_behind_that_does_not_move_for_the_stuck_time_is_down_and_up_again_once_it_moves() {
        ReadModels readModels = mock(ReadModels.class);
        TestClock clock = new TestClock();
        ReadModelsHealth health = new ReadModelsHealth(readModels, clock, Duration.ofSeconds(60));

        when(readModels.statuses()).thenReturn(List.of(status(10, 15)));
        assertThat(health.health().getStatus()).isEqualTo(Status.UP);
        clock.now = clock.now.plusSeconds(59);
        assertThat(health.health().getStatus()).isEqualTo(Status.UP);
        clock.now = clock.now.plusSeconds(2);
        Health stuck = health.health();
        assertThat(stuck.getStatus()).isEqualTo(Status.DOWN);
        assertThat(((Map<?, ?>) stuck.getDetails().get("case-summary")).get("problem")).isEqualTo("stuck");

        when(readModels.statuses()).thenReturn(List.of(status(12, 15)));
        assertThat(health.health().getStatus()).as("it moved").isEqualTo(Status.UP);

        when(readModels.statuses()).thenReturn(List.of(status(15, 15)));
        clock.now = clock.now.plusSeconds(3600);
        assertThat(health.health().getStatus()).as("caught up and idle is not stuck").isEqualTo(Status.UP);
    }

    @Test
    void a_store_that_fails_or_does_not_answer_is_down() throws Exception {
        MongoEventStore store = mock(MongoEventStore.class);
        MongoDatabase failing = mock(MongoDatabase.class);
        when(failing.runCommand(any(Bson.class))).thenThrow(new MongoTimeoutException("no server"));
        Health unreachable = new EventStoreHealth(failing, store, Duration.ofSeconds(2)).health();
        assertThat(unreachable.getStatus()).isEqualTo(Status.DOWN);
        assertThat(unreachable.getDetails()).containsEntry("problem", "unreachable");

        CountDownLatch never = new CountDownLatch(1);
        MongoDatabase hanging = mock(MongoDatabase.class);
        when(hanging.runCommand(any(Bson.class))).thenAnswer(invocation -> {
            never.await();
            return null;
        });
        Health silent = new EventStoreHealth(hanging, store, Duration.ofMillis(200)).health();
        assertThat(silent.getStatus()).isEqualTo(Status.DOWN);
        assertThat((String) silent.getDetails().get("problem")).startsWith("no answer within");
        never.countDown();
    }
}
