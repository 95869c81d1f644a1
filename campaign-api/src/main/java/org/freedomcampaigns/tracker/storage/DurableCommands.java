package org.freedomcampaigns.tracker.storage;

import org.axonframework.commandhandling.CommandBus;

/**
 * Registers a handler interceptor that commits the store in the commit phase of every command's unit of work: after
 * the events were appended (prepare-commit) and before the result is returned. If the commit fails, the command
 * fails, so nothing is acknowledged that is not durable.
 */
public class DurableCommands {
    public DurableCommands(CommandBus commandBus, StoreCommitter committer) {
        commandBus.registerHandlerInterceptor((unitOfWork, chain) -> {
            unitOfWork.onCommit(u -> committer.commit());
            return chain.proceed();
        });
    }
}
