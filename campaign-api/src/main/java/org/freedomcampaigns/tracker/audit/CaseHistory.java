package org.freedomcampaigns.tracker.audit;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.freedomcampaigns.tracker.facts.CaseEvent;
import org.freedomcampaigns.tracker.facts.CaseId;
import org.freedomcampaigns.tracker.facts.FactKind;
import org.freedomcampaigns.tracker.eventstore.IntegrityReport;
import org.freedomcampaigns.tracker.eventstore.MongoEventStore;
import org.freedomcampaigns.tracker.eventstore.StoredEvent;
import org.freedomcampaigns.tracker.application.EventMetadata;
import org.freedomcampaigns.tracker.application.NotFoundException;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A case's history read from the event store itself, never from a read model: every event in order with what was
 * recorded, when, by whom and in which request.
 */
@Component
public class CaseHistory {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final MongoEventStore events;
    private final Serializer serializer;

    public CaseHistory(MongoEventStore events, @Qualifier("eventSerializer") Serializer serializer) {
        this.events = events;
        this.serializer = serializer;
    }

    /** One recorded event as an auditor sees it. */
    public record Entry(long sequence, long globalIndex, String eventId, String type, String payloadType,
                        String revision, String occurredOn, String recordedAt, String recordedBy,
                        String correlationId, String causationId, String hash, JsonNode payload) {
    }

    /** A page of a case's history; {@code nextSequence} is where the next page starts, or null at the end. */
    public record Page(String caseId, long fromSequence, List<Entry> events, Long nextSequence) {
    }

    public Page read(CaseId caseId, long fromSequence, int limit) {
        List<StoredEvent> stored = events.storedEvents(caseId.value(), fromSequence, limit + 1);
        if (stored.isEmpty() && (fromSequence == 0 || events.storedEvents(caseId.value(), 0, 1).isEmpty())) {
            throw new NotFoundException("case", caseId.value());
        }
        List<Entry> entries = new ArrayList<>();
        for (StoredEvent event : stored.subList(0, Math.min(limit, stored.size()))) {
            entries.add(entry(caseId, event));
        }
        Long next = stored.size() > limit ? stored.get(limit).sequence() : null;
        return new Page(caseId.value(), fromSequence, entries, next);
    }

    /** A stored event with its payload read back. */
    public record Recorded(StoredEvent stored, CaseEvent event, Instant recordedAt) {
    }

    /** Every event of the case, read back, in order; 404 if there is no such case. */
    public List<Recorded> all(CaseId caseId) {
        List<Recorded> recorded = new ArrayList<>();
        for (StoredEvent event : events.storedEvents(caseId.value(), 0, Integer.MAX_VALUE)) {
            recorded.add(new Recorded(event, payload(caseId, event), Instant.parse(event.timestamp())));
        }
        if (recorded.isEmpty()) {
            throw new NotFoundException("case", caseId.value());
        }
        return recorded;
    }

    /**
     * Checks the case's hash chain in the store. 404 if the store holds nothing under this id, or the events under
     * it are not a case's.
     */
    public IntegrityReport verify(CaseId caseId) {
        IntegrityReport report = events.verify(caseId.value());
        if (report.verified() && report.events() == 0) {
            throw new NotFoundException("case", caseId.value());
        }
        events.storedEvents(caseId.value(), 0, 1).forEach(first -> payload(caseId, first));
        return report;
    }

    private CaseEvent payload(CaseId caseId, StoredEvent event) {
        Object payload = serializer.deserialize(new SimpleSerializedObject<>(event.payload(), String.class,
                                                                             event.payloadType(), event.revision()));
        if (!(payload instanceof CaseEvent caseEvent)) {
            throw new NotFoundException("case", caseId.value());
        }
        return caseEvent;
    }

    private Entry entry(CaseId caseId, StoredEvent event) {
        CaseEvent caseEvent = payload(caseId, event);
        Map<String, ?> metaData = serializer.deserialize(new SimpleSerializedObject<>(
                event.metaData(), String.class, MetaData.class.getName(), null));
        return new Entry(event.sequence(), event.globalIndex(), event.eventId(), FactKind.of(caseEvent).wireName(),
                         event.payloadType(),
                         event.revision(),
                         caseEvent.occurredOn() == null ? null : caseEvent.occurredOn().toString(),
                         event.timestamp(),
                         text(metaData.get(EventMetadata.RECORDED_BY)),
                         text(metaData.get(EventMetadata.REQUEST_ID)),
                         text(metaData.get(EventMetadata.CAUSATION_ID)),
                         event.hash(),
                         json(event.payload()));
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }

    private static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored payload is not JSON", e);
        }
    }
}
