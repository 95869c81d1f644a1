package org.freedomcampaigns.tracker.web;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.ConcurrencyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Sends commands and waits for their result. A command that lost an optimistic-concurrency race (another instance,
 * or a stale cached aggregate, changed the same case first) is retried a bounded number of times on fresh state
 * before the conflict reaches the client as a 409.
 */
@Component
public class Commands {
    private static final Logger log = LoggerFactory.getLogger(Commands.class);

    private final CommandGateway gateway;
    private final int attempts;

    public Commands(CommandGateway gateway, @Value("${campaign.commands.attempts:5}") int attempts) {
        this.gateway = gateway;
        this.attempts = attempts;
    }

    public <R> R send(Object command) {
        for (int attempt = 1; ; attempt++) {
            try {
                return gateway.sendAndWait(command);
            } catch (ConcurrencyException e) {
                if (attempt >= attempts) {
                    throw e;
                }
                log.debug("Concurrent change on attempt {} of {}; retrying", attempt, attempts);
            }
        }
    }
}
