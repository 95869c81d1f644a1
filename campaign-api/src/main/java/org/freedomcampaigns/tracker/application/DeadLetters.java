package org.freedomcampaigns.tracker.application;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.deadletter.SequencedDeadLetterProcessor;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;
import org.freedomcampaigns.tracker.facts.CaseEvent;
import org.freedomcampaigns.tracker.facts.FactKind;
import org.freedomcampaigns.tracker.projections.support.BatchLocks;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.freedomcampaigns.tracker.application.OperationRefusedException.Reason;
import org.springframework.stereotype.Component;

/**
 * The read models' dead letters: events a read model failed on, parked per case with every later event of that case
 * (see {@code PoisonEvents}), listed for an admin and retried, in order, once the cause is fixed. A retry holds the
 * read model's batch lock, so it never interleaves with a batch of its processor; on several instances, retry on the
 * one that processes the read model.
 */
@Component
public class DeadLetters {
    private static final Logger log = LoggerFactory.getLogger(DeadLetters.class);

    private final EventProcessingConfiguration processing;
    private final BatchLocks batchLocks;
    private final ReadModels readModels;

    public DeadLetters(EventProcessingConfiguration processing, BatchLocks batchLocks, ReadModels readModels) {
        this.processing = processing;
        this.batchLocks = batchLocks;
        this.readModels = readModels;
    }

    /**
     * One parked event: never its payload (personal data), only where it stands and the kind of failure (the
     * exception's class; its message can quote payload values and stays in the queue, for the logs of whoever fixes
     * it).
     */
    public record Letter(long sequence, String type, String eventId, Instant recordedAt, Instant parkedAt,
                         Instant lastTriedAt, String cause) {
    }

    /** A case's parked events, in the order they will be retried. */
    public record Parked(String caseId, List<Letter> letters) {
    }

    /** A read model's dead letters. */
    public record ReadModelLetters(String readModel, long letters, List<Parked> cases) {
    }

    /** What a retry did to one case's parked events. */
    public record Retried(String readModel, String caseId, boolean applied, long stillParked) {
    }

    private SequencedDeadLetterQueue<EventMessage<?>> queue(String readModel) {
        if (!ReadModels.NAMES.contains(readModel)) {
            throw new NotFoundException("read model", readModel);
        }
        return processing.deadLetterQueue(readModel)
                         .orElseThrow(() -> new IllegalStateException(readModel + " has no dead-letter queue"));
    }

    /** Every read model's dead letters. */
    public List<ReadModelLetters> all() {
        List<ReadModelLetters> result = new ArrayList<>();
        for (String name : ReadModels.NAMES) {
            List<Parked> cases = new ArrayList<>();
            for (Iterable<DeadLetter<? extends EventMessage<?>>> sequence : queue(name).deadLetters()) {
                List<Letter> letters = new ArrayList<>();
                String caseId = null;
                for (DeadLetter<? extends EventMessage<?>> letter : sequence) {
                    caseId = caseOf(letter);
                    letters.add(letter(letter));
                }
                if (caseId != null) {
                    cases.add(new Parked(caseId, letters));
                }
            }
            result.add(new ReadModelLetters(name, cases.stream().mapToLong(c -> c.letters().size()).sum(), cases));
        }
        return result;
    }

    /** How many events the read model has parked. */
    public long count(String readModel) {
        return queue(readModel).size();
    }

    /** Whether the read model has parked the case's events. */
    public boolean isParked(String readModel, String caseId) {
        return queue(readModel).contains(caseId);
    }

    /**
     * Retries the parked events of the given read model (all if null) and case (all if null), each case's in order:
     * a case's events are applied until one fails again, which stays parked with those after it. Refused for a read
     * model another instance on the same store processes at the moment: its batches would not wait for this retry.
     */
    public List<Retried> retry(String readModel, String caseId) {
        List<String> names = readModel == null ? ReadModels.NAMES : List.of(readModel);
        // every read model is checked before any is retried: a refusal leaves nothing half done
        for (String name : names) {
            if (queue(name).size() > 0 && !readModels.status(name).processedHere()) {
                throw new OperationRefusedException(Reason.READ_MODEL_HELD_ELSEWHERE,
                                                 "read model " + name + " is processed by another instance at the"
                                                         + " moment; retry its dead letters there");
            }
        }
        List<Retried> result = new ArrayList<>();
        for (String name : names) {
            SequencedDeadLetterQueue<EventMessage<?>> queue = queue(name);
            Set<String> cases = new LinkedHashSet<>();
            for (Iterable<DeadLetter<? extends EventMessage<?>>> sequence : queue.deadLetters()) {
                for (DeadLetter<? extends EventMessage<?>> letter : sequence) {
                    cases.add(caseOf(letter));
                    break;
                }
            }
            if (caseId != null) {
                cases.retainAll(Set.of(caseId));
            }
            SequencedDeadLetterProcessor<EventMessage<?>> processor =
                    processing.sequencedDeadLetterProcessor(name).orElseThrow();
            ReentrantLock lock = batchLocks.of(name);
            for (String parked : cases) {
                boolean applied;
                lock.lock();
                try {
                    applied = processor.process(letter -> parked.equals(caseOf(letter)));
                } finally {
                    lock.unlock();
                }
                long left = queue.sequenceSize(parked);
                log.info("Retried the dead letters of {} in {}: {}", parked, name,
                         left == 0 ? "all applied" : left + " still parked");
                result.add(new Retried(name, parked, applied && left == 0, left));
            }
        }
        return result;
    }

    private static String caseOf(DeadLetter<? extends EventMessage<?>> letter) {
        return letter.message() instanceof DomainEventMessage<?> domain ? domain.getAggregateIdentifier()
                : letter.message().getIdentifier();
    }

    private static Letter letter(DeadLetter<? extends EventMessage<?>> letter) {
        EventMessage<?> message = letter.message();
        long sequence = message instanceof DomainEventMessage<?> domain ? domain.getSequenceNumber() : -1;
        String type = message.getPayload() instanceof CaseEvent event ? FactKind.of(event).wireName()
                : message.getPayloadType().getSimpleName();
        return new Letter(sequence, type, message.getIdentifier(),
                          message.getTimestamp(), letter.enqueuedAt(), letter.lastTouched(),
                          letter.cause().map(c -> c.type()).orElse(null));
    }
}
