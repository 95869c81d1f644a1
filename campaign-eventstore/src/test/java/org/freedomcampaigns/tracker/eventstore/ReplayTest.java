package org.freedomcampaigns.tracker.eventstore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.freedomcampaigns.tracker.eventstore.EmbeddedMongo.event;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.eventhandling.AllowReplay;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ReplayStatus;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SimpleEventHandlerInvoker;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.inmemory.InMemoryTokenStore;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.freedomcampaigns.tracker.eventstore.EmbeddedMongo.Noted;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ReplayTest {
    private EmbeddedMongo mongo;
    private MongoEventStore engine;
    private EmbeddedEventStore eventStore;
    private TrackingEventProcessor processor;
    private final InMemoryTokenStore tokenStore = new InMemoryTokenStore();
    private final ReadModel readModel = new ReadModel();
    private final Mailer mailer = new Mailer();

    /** Rebuildable: allows replays, and records whether each event came as a replay. */
    @AllowReplay
    static class ReadModel {
        final List<String> live = Collections.synchronizedList(new ArrayList<>());
        final List<String> replayed = Collections.synchronizedList(new ArrayList<>());
        final List<Boolean> replayTokenFlags = Collections.synchronizedList(new ArrayList<>());
        final AtomicInteger resets = new AtomicInteger();

        @EventHandler
        void on(Noted noted, ReplayStatus status, EventMessage<?> message) {
            (status.isReplay() ? replayed : live).add(noted.text());
            replayTokenFlags.add(ReplayToken.isReplay(message));
        }

        @ResetHandler
        void reset() {
            resets.incrementAndGet();
            live.clear();
            replayed.clear();
            replayTokenFlags.clear();
        }
    }

    /** A side effect: must run once per event, never on a replay. */
    @DisallowReplay
    static class Mailer {
        final List<String> sent = Collections.synchronizedList(new ArrayList<>());

        @EventHandler
        void on(Noted noted) {
            sent.add(noted.text());
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
        if (processor != null) {
            processor.shutDown();
        }
        eventStore.shutDown();
        mongo.close();
    }

    private void startProcessor() {
        processor = TrackingEventProcessor.builder()
                                          .name("read-model")
                                          .eventHandlerInvoker(SimpleEventHandlerInvoker.builder()
                                                                                        .eventHandlers(readModel, mailer)
                                                                                        .build())
                                          .messageSource(eventStore)
                                          .tokenStore(tokenStore)
                                          .transactionManager(NoTransactionManager.INSTANCE)
                                          .trackingEventProcessorConfiguration(
                                                  TrackingEventProcessorConfiguration.forSingleThreadedProcessing()
                                                                                     .andBatchSize(10)
                                                                                     .andTokenClaimInterval(
                                                                                             100, TimeUnit.MILLISECONDS))
                                          .build();
        processor.start();
    }

    private void publish(int from, int count) {
        for (int i = from; i < from + count; i++) {
            int n = i;
            // a few aggregates, one event per unit of work
            DefaultUnitOfWork.startAndGet(null).execute(() -> eventStore.publish(event("c-" + (n % 7), n / 7, "n" + n)));
        }
    }

    private static void await(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 10_000;
        while (!condition.getAsBoolean()) {
            assertThat(System.currentTimeMillis()).as("condition within 10 s").isLessThan(deadline);
            TimeUnit.MILLISECONDS.sleep(20);
        }
    }

    private static List<String> texts(int from, int count) {
        List<String> texts = new ArrayList<>();
        for (int i = from; i < from + count; i++) {
            texts.add("n" + i);
        }
        return texts;
    }

    @Test
    void after_a_reset_the_events_are_replayed_flagged_as_replays_and_disallow_replay_handlers_do_not_run_again()
            throws Exception {
        startProcessor();
        await(() -> processor.processingStatus().size() == 1);        // claimed its segment on the empty store
        publish(0, 100);
        await(() -> readModel.live.size() == 100);
        assertThat(readModel.live).isEqualTo(texts(0, 100));
        assertThat(readModel.replayed).isEmpty();
        assertThat(readModel.replayTokenFlags).containsOnly(false);
        assertThat(mailer.sent).isEqualTo(texts(0, 100));

        processor.shutDown();
        processor.resetTokens();
        assertThat(readModel.resets).hasValue(1);
        TrackingToken reset = tokenStore.fetchToken("read-model", 0);
        assertThat(reset).isInstanceOf(ReplayToken.class);
        processor.start();

        await(() -> readModel.replayed.size() == 100);
        assertThat(readModel.replayed).isEqualTo(texts(0, 100));
        assertThat(readModel.live).isEmpty();
        assertThat(readModel.replayTokenFlags).hasSize(100).containsOnly(true);
        assertThat(mailer.sent).hasSize(100);                          // not run again

        // the replay ends at the position of the reset: new events are live again, for both handlers
        publish(100, 5);
        await(() -> readModel.live.size() == 5);
        assertThat(readModel.live).isEqualTo(texts(100, 5));
        assertThat(readModel.replayed).hasSize(100);
        await(() -> mailer.sent.size() == 105);
        assertThat(mailer.sent.subList(100, 105)).isEqualTo(texts(100, 5));
        await(() -> !processor.processingStatus().get(0).isReplaying());
        TrackingToken after = tokenStore.fetchToken("read-model", 0);
        assertThat(after).isNotInstanceOf(ReplayToken.class);
        assertThat(EmbeddedMongo.trackAll(engine, null).token()).isEqualTo(after);
    }

    @Test
    void with_the_default_initial_token_events_stored_before_the_first_start_are_replays_and_later_ones_live()
            throws Exception {
        publish(0, 100);
        startProcessor();

        await(() -> readModel.replayed.size() == 100);
        assertThat(readModel.replayed).isEqualTo(texts(0, 100));
        assertThat(mailer.sent).isEmpty();

        publish(100, 3);
        await(() -> readModel.live.size() == 3);
        await(() -> mailer.sent.size() == 3);
        assertThat(mailer.sent).isEqualTo(texts(100, 3));
        assertThat(readModel.replayed).hasSize(100);
    }
}
