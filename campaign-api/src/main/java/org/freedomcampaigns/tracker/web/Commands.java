package org.freedomcampaigns.tracker.web;

import java.util.HashMap;
import java.util.Map;

import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.ConcurrencyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Sends commands and waits for their result, stamped with who sent them and the request they came with: Axon copies
 * both into the metadata of every event the command records ({@link EventMetadata}). A command that lost an
 * optimistic-concurrency race (another instance, or a stale cached aggregate, changed the same case first) is retried
 * a bounded number of times on fresh state before the conflict reaches the client as a 409.
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

    /** Sends on behalf of the current request's user. */
    public <R> R send(Object command) {
        return sendAs(EventMetadata.currentActor(), RequestIds.current(), command);
    }

    /** Sends on behalf of the given actor (e.g. {@code system}), with the given correlation id if any. */
    public <R> R sendAs(String actor, String requestId, Object command) {
        Map<String, Object> metaData = new HashMap<>();
        metaData.put(EventMetadata.RECORDED_BY, actor);
        if (requestId != null) {
            metaData.put(EventMetadata.REQUEST_ID, requestId);
        }
        var message = GenericCommandMessage.asCommandMessage(command).andMetaData(MetaData.from(metaData));
        for (int attempt = 1; ; attempt++) {
            try {
                return gateway.sendAndWait(message);
            } catch (ConcurrencyException e) {
                if (attempt >= attempts) {
                    throw e;
                }
                log.debug("Concurrent change on attempt {} of {}; retrying", attempt, attempts);
            }
        }
    }
}
