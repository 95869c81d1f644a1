package org.freedomcampaigns.tracker.projections.support;

import java.util.function.Function;

import org.axonframework.config.Configuration;
import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;

/**
 * How a read model lives with an event it cannot handle (a poison event): the event is parked in the read model's
 * dead-letter queue, with every later event of the same sequence (the same case, by Axon's default sequencing per
 * aggregate), while the other cases keep flowing. The failed event leaves nothing of itself in the batch's documents
 * ({@link UndoFailedEvent}), and its letter is written with the batch ({@link ParkAtBatchEnd}). Parked events
 * are retried in order through the processor's dead-letter processor, once
 * the cause is fixed; a rebuild (a reset) empties the queue, as it replays everything anyway.
 */
public final class PoisonEvents {
    private PoisonEvents() {
    }

    /**
     * Gives the processing group a dead-letter queue. Its processor must also have {@link FlushAtBatchEnd} as a
     * handler interceptor.
     */
    public static void park(EventProcessingConfigurer processing, String processingGroup,
                            Function<Configuration, SequencedDeadLetterQueue<EventMessage<?>>> queue) {
        processing.registerDeadLetterQueue(processingGroup, config -> new ParkAtBatchEnd(queue.apply(config)))
                  .registerDeadLetteringEventHandlerInvokerConfiguration(
                          processingGroup, (configuration, invoker) -> invoker
                                  .listenerInvocationErrorHandler(new UndoFailedEvent())
                                  // asks the queue only about sequences that may be in it, not on every event
                                  .enableSequenceIdentifierCache()
                                  .allowReset(true));
    }
}
