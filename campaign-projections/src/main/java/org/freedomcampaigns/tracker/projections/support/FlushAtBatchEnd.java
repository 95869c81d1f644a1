package org.freedomcampaigns.tracker.projections.support;

import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantLock;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;

/**
 * Writes a batch's read-model documents right after its last event has been handled, inside the handling itself:
 * a write that fails then fails the batch before the processor stores its token, and a crash after the write only
 * makes the processor deliver the batch again (the read models are idempotent). Register it on every processor that
 * feeds read models written through {@link DocumentWrites}.
 *
 * <p>It also marks where each event's handling begins, so that an event that fails can be taken back on its own
 * ({@link UndoJournal#undoFailedEvent}); a failure that reaches it (a dead letter retried on its own) is taken back
 * before it goes on.
 *
 * <p>A batch holds its read model's {@code batchLock} from its first event until it is done: whoever else writes the
 * read model's documents (retrying its dead letters) takes the lock too, so that the documents a batch holds in
 * memory are not changed under it.
 */
public final class FlushAtBatchEnd implements MessageHandlerInterceptor<EventMessage<?>> {
    private static final String LOCKED = FlushAtBatchEnd.class.getName() + ":locked";
    private final Lock batchLock;

    public FlushAtBatchEnd() {
        this(new ReentrantLock());
    }

    public FlushAtBatchEnd(Lock batchLock) {
        this.batchLock = batchLock;
    }

    @Override
    public Object handle(UnitOfWork<? extends EventMessage<?>> unitOfWork, InterceptorChain interceptorChain)
            throws Exception {
        UnitOfWork<?> root = unitOfWork.root();
        root.getOrComputeResource(LOCKED, key -> {
            batchLock.lock();
            root.onCleanup(u -> batchLock.unlock());
            return Boolean.TRUE;
        });
        UndoJournal.beginEvent(unitOfWork.getMessage());
        Object result;
        try {
            result = interceptorChain.proceed();
        } catch (Exception | Error e) {
            UndoJournal.undoFailedEvent(null);
            throw e;
        }
        if (!(unitOfWork instanceof BatchingUnitOfWork<?> batch) || batch.isLastMessage()) {
            BatchResources.writeCurrentBatch();
        }
        return result;
    }
}
