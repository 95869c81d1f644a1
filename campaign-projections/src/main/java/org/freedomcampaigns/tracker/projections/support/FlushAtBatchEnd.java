package org.freedomcampaigns.tracker.projections.support;

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
 */
public final class FlushAtBatchEnd implements MessageHandlerInterceptor<EventMessage<?>> {
    @Override
    public Object handle(UnitOfWork<? extends EventMessage<?>> unitOfWork, InterceptorChain interceptorChain)
            throws Exception {
        Object result = interceptorChain.proceed();
        if (!(unitOfWork instanceof BatchingUnitOfWork<?> batch) || batch.isLastMessage()) {
            DocumentWrites.flushCurrentBatch();
        }
        return result;
    }
}
