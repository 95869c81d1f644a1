package org.freedomcampaigns.tracker.application;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.freedomcampaigns.tracker.facts.CampaignId;
import org.freedomcampaigns.tracker.facts.CaseId;
import org.freedomcampaigns.tracker.facts.FactRecorded;
import org.freedomcampaigns.tracker.facts.StoredNames;
import org.freedomcampaigns.tracker.eventstore.MongoEventStore;
import org.freedomcampaigns.tracker.eventstore.RecordedRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Sends commands and waits for their result, stamped with who sent them and the request they came with: Axon copies
 * both into the metadata of every event the command records ({@link EventMetadata}). A command that lost an
 * optimistic-concurrency race (another instance, or a stale cached aggregate, changed the same case first) is retried
 * a bounded number of times on fresh state before the conflict reaches the client as a 409.
 *
 * <p>A request with an {@link Idempotency Idempotency-Key} is recorded at most once. Its key and fingerprint go into
 * the metadata of its events, and the event store refuses a second append of the same key in the same write that
 * stores the events, so neither a retry racing the original nor a crash between the two can record it twice. A retry
 * finds what the original recorded and gets the same result back; with another request under the same key it fails
 * with {@link Idempotency.KeyReusedException}.
 */
@Component
public class Commands {
    private static final Logger log = LoggerFactory.getLogger(Commands.class);

    private final CommandGateway gateway;
    private final Idempotency idempotency;
    private final MongoEventStore store;
    private final Serializer serializer;
    private final int attempts;

    public Commands(CommandGateway gateway, Idempotency idempotency, MongoEventStore store,
                    @Qualifier("eventSerializer") Serializer serializer,
                    @Value("${campaign.commands.attempts:5}") int attempts) {
        this.gateway = gateway;
        this.idempotency = idempotency;
        this.store = store;
        this.serializer = serializer;
        this.attempts = attempts;
    }

    /**
     * Sends on behalf of the current request's user; if the request carries an idempotency key that recorded
     * something already, answers what it recorded instead.
     */
    public <R> R send(Object command) {
        Optional<Idempotency.Key> key = idempotency.current();
        if (key.isEmpty()) {
            return sendAs(EventMetadata.currentActor(), EventMetadata.currentRequestId(), command, Map.of());
        }
        Optional<R> earlier = recordedBefore(key.get());
        if (earlier.isPresent()) {
            return earlier.get();
        }
        try {
            return sendAs(EventMetadata.currentActor(), EventMetadata.currentRequestId(), command,
                          Map.of(EventMetadata.IDEMPOTENCY_KEY, key.get().id(),
                                 EventMetadata.REQUEST_FINGERPRINT, key.get().fingerprint()));
        } catch (RuntimeException e) {
            // the original may have been recorded while this retry ran: the store refused this one, or the
            // aggregate, already holding the original's fact, refused it by a rule (clemency granted twice)
            Optional<R> meanwhile;
            try {
                meanwhile = recordedBefore(key.get());
            } catch (RuntimeException lookup) {
                lookup.addSuppressed(e);
                throw lookup;
            }
            if (meanwhile.isPresent()) {
                return meanwhile.get();
            }
            throw e;
        }
    }

    /** Sends on behalf of the given actor (e.g. {@code system}), with the given correlation id if any. */
    public <R> R sendAs(String actor, String requestId, Object command) {
        return sendAs(actor, requestId, command, Map.of());
    }

    private <R> R sendAs(String actor, String requestId, Object command, Map<String, String> more) {
        Map<String, Object> metaData = new HashMap<>(more);
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

    /**
     * The result the request with this key got when it was recorded: a campaign's id for a launch, the case and
     * the sequence number of the last event recorded for a case command.
     */
    @SuppressWarnings("unchecked")
    private <R> Optional<R> recordedBefore(Idempotency.Key key) {
        Optional<RecordedRequest> recorded = store.recordedRequest(key.id());
        if (recorded.isEmpty()) {
            return Optional.empty();
        }
        RecordedRequest request = recorded.get();
        Map<String, ?> metaData = serializer.deserialize(new SimpleSerializedObject<>(
                request.events().get(0).metaData(), String.class, MetaData.class.getName(), null));
        if (!key.fingerprint().equals(metaData.get(EventMetadata.REQUEST_FINGERPRINT))) {
            throw new Idempotency.KeyReusedException();
        }
        idempotency.markReplayed();
        if (request.aggregateType().equals(StoredNames.CAMPAIGN)) {
            return Optional.of((R) new CampaignId(request.aggregateId()));
        }
        if (request.aggregateType().equals(StoredNames.CASE)) {
            return Optional.of((R) new FactRecorded(new CaseId(request.aggregateId()),
                                                    request.lastEvent().sequence()));
        }
        throw new IllegalStateException("no result is known for requests on a " + request.aggregateType());
    }
}
