package org.freedomcampaigns.tracker.projections.support;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.EventMessageHandler;
import org.axonframework.eventhandling.ListenerInvocationErrorHandler;

/**
 * When a read model's handler fails on an event, takes back what that event did to the batch's documents
 * ({@link UndoJournal#undoFailedEvent}, applying the batch's earlier events again through the same handler) and
 * passes the failure on, to be dead-lettered: the rest of the batch goes on as if the event had not been delivered.
 */
public final class UndoFailedEvent implements ListenerInvocationErrorHandler {
    @Override
    public void onError(Exception exception, EventMessage<?> event, EventMessageHandler eventHandler)
            throws Exception {
        UndoJournal.undoFailedEvent(message -> eventHandler.handle((EventMessage<?>) message));
        throw exception;
    }
}
