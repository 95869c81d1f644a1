package org.freedomcampaigns.tracker.projections.support;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.deadletter.EnqueueDecision;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;

/**
 * A dead-letter queue whose letters, parked while a batch is handled, are written with the batch: after its
 * read-model documents ({@link DocumentWrites}), before the processor stores its token. A batch that fails, or a
 * crash before it is written, then leaves no letter behind, and its redelivery parks the same events again in the
 * same order. (Written at once, as the queue itself would, a letter parked mid-batch outlived a failed batch, and on
 * redelivery the case's earlier events of that batch, not yet written, were parked behind it: out of order, and then
 * skipped by the read model as older than what it had applied.) Outside a unit of work it writes at once.
 */
public final class ParkAtBatchEnd implements SequencedDeadLetterQueue<EventMessage<?>> {
    /** Written after every read-model collection of the batch. */
    private static final int AFTER_DOCUMENTS = Integer.MAX_VALUE;

    private final SequencedDeadLetterQueue<EventMessage<?>> queue;
    private final String resourceKey = ParkAtBatchEnd.class.getName() + ":" + System.identityHashCode(this);

    public ParkAtBatchEnd(SequencedDeadLetterQueue<EventMessage<?>> queue) {
        this.queue = queue;
    }

    /** The letters the current batch parked, in order, and their sequences. */
    private static final class Parked {
        final List<Object> sequences = new ArrayList<>();
        final List<DeadLetter<? extends EventMessage<?>>> letters = new ArrayList<>();
        final Set<Object> sequenceSet = new HashSet<>();
    }

    private Parked parked() {
        if (!CurrentUnitOfWork.isStarted()) {
            return null;
        }
        return BatchResources.perBatch(resourceKey, Parked::new, AFTER_DOCUMENTS, this::write);
    }

    private void write(Parked parked) {
        for (int i = 0; i < parked.letters.size(); i++) {
            queue.enqueue(parked.sequences.get(i), parked.letters.get(i));
        }
        parked.letters.clear();
        parked.sequences.clear();
    }

    @Override
    public void enqueue(Object sequenceIdentifier, DeadLetter<? extends EventMessage<?>> letter) {
        Parked parked = parked();
        if (parked == null) {
            queue.enqueue(sequenceIdentifier, letter);
            return;
        }
        parked.sequences.add(sequenceIdentifier);
        parked.letters.add(letter);
        parked.sequenceSet.add(sequenceIdentifier);
    }

    @Override
    public boolean enqueueIfPresent(Object sequenceIdentifier,
                                    Supplier<DeadLetter<? extends EventMessage<?>>> letterBuilder) {
        if (!contains(sequenceIdentifier)) {
            return false;
        }
        enqueue(sequenceIdentifier, letterBuilder.get());
        return true;
    }

    @Override
    public boolean contains(Object sequenceIdentifier) {
        Parked parked = parked();
        return parked != null && parked.sequenceSet.contains(sequenceIdentifier) || queue.contains(sequenceIdentifier);
    }

    @Override
    public void evict(DeadLetter<? extends EventMessage<?>> letter) {
        queue.evict(letter);
    }

    @Override
    public void requeue(DeadLetter<? extends EventMessage<?>> letter,
                        UnaryOperator<DeadLetter<? extends EventMessage<?>>> letterUpdater) {
        queue.requeue(letter, letterUpdater);
    }

    @Override
    public Iterable<DeadLetter<? extends EventMessage<?>>> deadLetterSequence(Object sequenceIdentifier) {
        return queue.deadLetterSequence(sequenceIdentifier);
    }

    @Override
    public Iterable<Iterable<DeadLetter<? extends EventMessage<?>>>> deadLetters() {
        return queue.deadLetters();
    }

    @Override
    public boolean isFull(Object sequenceIdentifier) {
        return queue.isFull(sequenceIdentifier);
    }

    @Override
    public long size() {
        return queue.size();
    }

    @Override
    public long sequenceSize(Object sequenceIdentifier) {
        return queue.sequenceSize(sequenceIdentifier);
    }

    @Override
    public long amountOfSequences() {
        return queue.amountOfSequences();
    }

    @Override
    public boolean process(Predicate<DeadLetter<? extends EventMessage<?>>> sequenceFilter,
                           Function<DeadLetter<? extends EventMessage<?>>, EnqueueDecision<EventMessage<?>>> task) {
        return queue.process(sequenceFilter, task);
    }

    @Override
    public void clear() {
        queue.clear();
    }
}
