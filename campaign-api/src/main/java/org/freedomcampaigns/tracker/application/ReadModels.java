package org.freedomcampaigns.tracker.application;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.UnableToClaimTokenException;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;
import org.freedomcampaigns.tracker.eventstore.MongoEventStore;
import org.freedomcampaigns.tracker.projections.casesummary.CaseSummaryProjection;
import org.freedomcampaigns.tracker.projections.dashboard.CampaignDashboardProjection;
import org.freedomcampaigns.tracker.projections.officials.OfficialsProjection;
import org.freedomcampaigns.tracker.projections.timeline.TimelineProjection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.freedomcampaigns.tracker.application.OperationRefusedException.Reason;
import org.springframework.stereotype.Component;

/**
 * The read models' processors: where each stands against the head of the event store, and rebuilding one from the
 * store (its reset handler empties it, then its processor replays every event, flagged as a replay).
 */
@Component
public class ReadModels {
    public static final List<String> NAMES = List.of(CaseSummaryProjection.NAME, TimelineProjection.NAME,
                                                     CampaignDashboardProjection.NAME, OfficialsProjection.NAME);
    private static final Logger log = LoggerFactory.getLogger(ReadModels.class);

    private final EventProcessingConfiguration processing;
    private final MongoEventStore store;
    private final TokenStore tokens;
    private final Map<String, Rebuild> rebuilds = new ConcurrentHashMap<>();

    private record Rebuild(Instant startedAt, long total, String startedBy) {
    }

    /** A running rebuild's progress. */
    public record Progress(long eventsDone, long eventsTotal, double eventsPerSecond, Long secondsLeft) {
    }

    /**
     * One read model's processor: its position, the head of the store, the lag, and a rebuild if one runs.
     * {@code processedHere} is false while another instance on the same store holds the processor's segment: this
     * instance then has no position of its own and reports no lag. {@code parked} counts the events the read model
     * could not apply, parked with the later events of their cases ({@link DeadLetters}).
     */
    public record Status(String name, boolean running, boolean rebuilding, Long position, Long head, long lag,
                         boolean error, Progress rebuild, boolean processedHere, long parked) {
    }

    public ReadModels(EventProcessingConfiguration processing, MongoEventStore store, TokenStore tokens) {
        this.processing = processing;
        this.store = store;
        this.tokens = tokens;
    }

    private StreamingEventProcessor processor(String name) {
        if (!NAMES.contains(name)) {
            throw new NotFoundException("read model", name);
        }
        return processing.eventProcessor(name, StreamingEventProcessor.class)
                         .orElseThrow(() -> new NotFoundException("read model", name));
    }

    /**
     * True from the moment a rebuild is asked for until the processor has caught up again: Axon reports a replay
     * only once a worker has claimed the reset token, a moment after the rebuild started.
     */
    public boolean isRebuilding(String name) {
        StreamingEventProcessor processor = processor(name);
        if (processor.isReplaying()) {
            return true;
        }
        Rebuild rebuild = rebuilds.get(name);
        if (rebuild == null) {
            return false;
        }
        var segments = processor.processingStatus().values();
        if (!segments.isEmpty() && segments.stream().allMatch(EventTrackerStatus::isCaughtUp)) {
            rebuilds.remove(name, rebuild);
            return false;
        }
        return true;
    }

    /** The lowest position of the processor's segments, or null before any event was processed. */
    private static Long position(StreamingEventProcessor processor) {
        Long position = null;
        for (EventTrackerStatus segment : processor.processingStatus().values()) {
            OptionalLong current = segment.getCurrentPosition();
            if (current.isPresent()) {
                position = position == null ? current.getAsLong() : Math.min(position, current.getAsLong());
            }
        }
        return position;
    }

    public List<Status> statuses() {
        Long head = position(store.createHeadToken());
        List<Status> statuses = new ArrayList<>();
        for (String name : NAMES) {
            statuses.add(status(name, head));
        }
        return statuses;
    }

    public Status status(String name) {
        return status(name, position(store.createHeadToken()));
    }

    private Status status(String name, Long head) {
        StreamingEventProcessor processor = processor(name);
        Long position = position(processor);
        boolean error = processor.processingStatus().values().stream().anyMatch(EventTrackerStatus::isErrorState);
        boolean rebuilding = isRebuilding(name);
        // a running processor without a segment either waits for another instance's claim or is about to claim
        // its own (just started): the token store tells which
        boolean processedHere = !processor.isRunning() || !processor.processingStatus().isEmpty()
                || !tokens.fetchAvailableSegments(name).isEmpty();
        long lag = head == null || !processedHere ? 0 : position == null ? head + 1 : Math.max(0, head - position);
        Progress progress = null;
        Rebuild rebuild = rebuilds.get(name);
        if (rebuilding && rebuild != null) {
            long done = position == null ? 0 : Math.min(position + 1, rebuild.total());
            double seconds = Math.max(0.001, Duration.between(rebuild.startedAt(), Instant.now()).toMillis() / 1000.0);
            double rate = done / seconds;
            Long left = rate > 0 ? Long.valueOf(Math.round((rebuild.total() - done) / rate)) : null;
            progress = new Progress(done, rebuild.total(), Math.round(rate * 10) / 10.0, left);
        }
        long parked = processing.deadLetterQueue(name).map(SequencedDeadLetterQueue::size).orElse(0L);
        return new Status(name, processor.isRunning(), rebuilding, position, head, lag, error, progress,
                          processedHere, parked);
    }

    /** Whether a rebuild this user started is still running. */
    public boolean rebuildingFor(String user) {
        return rebuilds.entrySet().stream()
                       .anyMatch(e -> e.getValue().startedBy().equals(user) && isRebuilding(e.getKey()));
    }

    /**
     * Empties the read model and replays the whole store into it; reads go on meanwhile. One at a time per model.
     *
     * @param user who asked for it
     */
    public synchronized Status rebuild(String name, String user) {
        StreamingEventProcessor processor = processor(name);
        if (isRebuilding(name)) {
            throw new OperationRefusedException(Reason.REBUILD_RUNNING, "read model " + name + " is rebuilding");
        }
        if (!processor.supportsReset()) {
            throw new IllegalStateException("processor " + name + " cannot be reset");
        }
        Long head = position(store.createHeadToken());
        log.info("Rebuilding read model {} from {} events", name, head == null ? 0 : head + 1);
        processor.shutDown();
        try {
            // from before the first event; explicitly, as a processor that has processed nothing yet (an empty
            // store) has no token, and a reset from no token to the store's tail (also none) cannot be stored
            processor.resetTokens(GapAwareTrackingToken.newInstance(-1, new TreeSet<>()));
        } catch (UnableToClaimTokenException e) {
            processor.start();
            throw new OperationRefusedException(Reason.READ_MODEL_HELD_ELSEWHERE,
                                             "read model " + name + " is processed by another instance at the moment;"
                                                     + " rebuild it there, or retry");
        } catch (RuntimeException e) {
            processor.start();
            throw e;
        }
        rebuilds.put(name, new Rebuild(Instant.now(), head == null ? 0 : head + 1, user));
        processor.start();
        return status(name, head);
    }

    private static Long position(TrackingToken token) {
        if (token == null) {
            return null;
        }
        OptionalLong position = token.position();
        return position.isPresent() ? Long.valueOf(position.getAsLong()) : null;
    }
}
