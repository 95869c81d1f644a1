package org.freedomcampaigns.benchmark;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.freedomcampaigns.tracker.CampaignTrackerApplication;
import org.freedomcampaigns.tracker.storage.StoreCommitter;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

import com.mongodb.client.MongoDatabase;

/** The whole service (HTTP, Axon, event store, read models) started in-process for one setup. */
final class App implements AutoCloseable {
    final Setup setup;
    final ConfigurableApplicationContext context;
    final int port;
    final CommandGateway gateway;
    final MongoDatabase database;
    private final EventStore eventStore;

    private App(Setup setup, ConfigurableApplicationContext context) {
        this.setup = setup;
        this.context = context;
        this.port = Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
        this.gateway = context.getBean(CommandGateway.class);
        this.database = context.getBean(MongoDatabase.class);
        this.eventStore = context.getBean(EventStore.class);
    }

    /**
     * Starts the service with the setup's storage in {@code dataDir} (embedded server files under {@code mongo/},
     * the peer's H2 database as {@code peer.mv.db}), its warnings and errors logged to {@code logFile}.
     */
    static App start(Setup setup, Path dataDir, Path logFile, String... extraArgs) {
        List<String> args = new ArrayList<>(List.of(
                "--server.port=0",
                "--campaign.storage.embedded.backend=" + setup.backend,
                "--campaign.storage.embedded.data-dir=" + dataDir.resolve("mongo"),
                // the service logs warnings and errors to a file (summarised in the report), nothing to the console
                "--logging.level.root=WARN",
                "--logging.threshold.console=OFF",
                "--logging.file.name=" + logFile.toAbsolutePath(),
                "--spring.main.banner-mode=off",
                // the HTTP clients sign in as this admin (a bcrypt hash, checked once: the service remembers it)
                "--campaign.security.users[0].name=" + Http.USER,
                "--campaign.security.users[0].password={bcrypt}" + new BCryptPasswordEncoder(4).encode(Http.PASSWORD),
                "--campaign.security.users[0].roles=ADMIN"));
        SpringApplicationBuilder builder = new SpringApplicationBuilder(CampaignTrackerApplication.class)
                .logStartupInfo(false);
        if (setup.nonDurable) {
            builder.sources(NonDurableConfiguration.class);
        }
        if (setup.peer) {
            builder.sources(PeerEngineConfiguration.class);
            args.add("--bench.peer.url=jdbc:h2:file:" + dataDir.resolve("peer").toAbsolutePath() + ";WRITE_DELAY=0");
        }
        args.addAll(List.of(extraArgs));
        return new App(setup, builder.run(args.toArray(String[]::new)));
    }

    StoreCommitter storeCommitter() {
        return context.getBean(StoreCommitter.class);
    }

    PeerEngineConfiguration.PeerDatabase peerDatabase() {
        return context.getBean(PeerEngineConfiguration.PeerDatabase.class);
    }

    List<TrackingEventProcessor> processors() {
        Map<String, EventProcessor> all = context.getBean(EventProcessingConfiguration.class).eventProcessors();
        List<TrackingEventProcessor> tracking = new ArrayList<>();
        all.values().forEach(p -> {
            if (p instanceof TrackingEventProcessor t) {
                tracking.add(t);
            }
        });
        return tracking;
    }

    /** Global position of the last event stored (reserved, for ours), or -1. */
    long head() {
        TrackingToken head = eventStore.createHeadToken();
        return head == null ? -1 : head.position().orElse(-1);
    }

    /**
     * Waits until every tracking processor has processed everything up to {@code position}; {@code whileWaiting} is
     * called between polls (for sampling). Returns false on timeout.
     */
    boolean awaitProcessed(long position, Duration timeout, long pollMillis, Runnable whileWaiting) {
        long deadline = System.nanoTime() + timeout.toNanos();
        List<TrackingEventProcessor> processors = processors();
        while (true) {
            if (processors.stream().allMatch(p -> reached(p, position))) {
                return true;
            }
            if (System.nanoTime() > deadline) {
                return false;
            }
            whileWaiting.run();
            if (pollMillis > 0) {
                sleep(pollMillis);
            } else {
                Thread.onSpinWait();
            }
        }
    }

    boolean awaitCaughtUp(Duration timeout) {
        return awaitProcessed(head(), timeout, 2, () -> {
        });
    }

    void awaitCaughtUpOrFail(Duration timeout) {
        if (!awaitCaughtUp(timeout)) {
            throw new IllegalStateException("the read models did not catch up within " + timeout + ": " + status());
        }
    }

    private static boolean reached(TrackingEventProcessor processor, long position) {
        Map<Integer, EventTrackerStatus> status = processor.processingStatus();
        if (status.isEmpty()) {
            return position < 0;
        }
        return status.values().stream().allMatch(s -> !s.isErrorState()
                && s.getCurrentPosition().orElse(-1) >= position);
    }

    String status() {
        StringBuilder text = new StringBuilder();
        for (TrackingEventProcessor p : processors()) {
            text.append(p.getName()).append('=');
            p.processingStatus().values().forEach(s -> text.append(s.getCurrentPosition().orElse(-1))
                                                          .append(s.isErrorState() ? "(error " + s.getError() + ")"
                                                                                    : "")
                                                          .append(' '));
        }
        return text.append("head=").append(head()).toString();
    }

    /** Shuts the read-model processors down (their tokens stay where they are). */
    void pauseProcessors() {
        processors().forEach(TrackingEventProcessor::shutDown);
    }

    void resumeProcessors() {
        processors().forEach(TrackingEventProcessor::start);
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        context.close();
    }
}
