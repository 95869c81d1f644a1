package org.freedomcampaigns.tracker.eventstore;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.axonframework.common.DateTimeUtils;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.bson.Document;

/**
 * The stored shape of events. All events of one aggregate appended together form one <em>commit document</em>,
 * inserted in one write, so they are stored all or none:
 *
 * <pre>
 * { _id: global index of its last event (long; its events take the indexes up to it, in order),
 *   key: "&lt;length of id&gt;:&lt;aggregate id&gt;:&lt;first sequence number&gt;" (unique),
 *   aggregateId, type, firstSeq, lastSeq,
 *   appendedAt: store time in epoch millis,
 *   request: the request that recorded the events (optional; unique),
 *   events: [ { eventId, seq, timestamp, payloadType, revision, payload, metaData } ] }
 * </pre>
 *
 * Every read goes by {@code _id} or {@code key}, exact or {@code $in}: the indexes the embedded server serves. The
 * unique {@code key} is the optimistic lock: two commits starting at the same sequence number of one aggregate
 * cannot both be stored. An event that belongs to no aggregate gets a commit of its own, keyed by its identifier.
 */
final class CommitDocuments {
    static final String ID = "_id";
    static final String KEY = "key";
    static final String AGGREGATE_ID = "aggregateId";
    static final String TYPE = "type";
    static final String FIRST_SEQ = "firstSeq";
    static final String LAST_SEQ = "lastSeq";
    static final String APPENDED_AT = "appendedAt";
    static final String EVENTS = "events";
    static final String REQUEST = "request";

    private CommitDocuments() {
    }

    static String key(String aggregateId, long sequence) {
        return aggregateId.length() + ":" + aggregateId + ":" + sequence;
    }

    /** The hash of the event before the given sequence number of an aggregate ("" before the first). */
    @FunctionalInterface
    interface PreviousHash {
        String before(String aggregateId, long sequence);
    }

    /**
     * Groups events into commit documents (one per aggregate, in order of first appearance), without {@code _id},
     * each event chained to the aggregate's previous one by its {@link EventHashes hash}. If the first event carries
     * a text under {@code requestMetaDataKey}, the first commit is marked with it as its {@value #REQUEST}: one
     * commit per append, so that an append is one request.
     */
    static List<Commit> of(List<? extends EventMessage<?>> events, Serializer serializer, PreviousHash previous,
                           String requestMetaDataKey) {
        Map<String, List<EventMessage<?>>> byAggregate = new LinkedHashMap<>();
        for (EventMessage<?> event : events) {
            String group = event instanceof DomainEventMessage<?> domain
                    ? "a:" + domain.getAggregateIdentifier() : "e:" + event.getIdentifier();
            byAggregate.computeIfAbsent(group, g -> new ArrayList<>()).add(event);
        }
        List<Commit> commits = new ArrayList<>();
        for (List<EventMessage<?>> group : byAggregate.values()) {
            commits.add(commit(group, serializer, previous));
        }
        if (requestMetaDataKey != null
                && events.get(0).getMetaData().get(requestMetaDataKey) instanceof String request) {
            commits.get(0).document().append(REQUEST, request);
        }
        return commits;
    }

    private static Commit commit(List<EventMessage<?>> events, Serializer serializer, PreviousHash previous) {
        List<Document> stored = new ArrayList<>(events.size());
        for (EventMessage<?> event : events) {
            stored.add(event(event, serializer));
        }
        Document commit = new Document();
        EventMessage<?> first = events.get(0);
        if (first instanceof DomainEventMessage<?> domain) {
            String aggregateId = domain.getAggregateIdentifier();
            String hash = previous.before(aggregateId, domain.getSequenceNumber());
            for (Document event : stored) {
                hash = hashOf(aggregateId, event, hash);
                event.append(EventHashes.FIELD, hash);
            }
            DomainEventMessage<?> last = (DomainEventMessage<?>) events.get(events.size() - 1);
            commit.append(KEY, key(domain.getAggregateIdentifier(), domain.getSequenceNumber()))
                  .append(AGGREGATE_ID, domain.getAggregateIdentifier())
                  .append(TYPE, domain.getType())
                  .append(FIRST_SEQ, domain.getSequenceNumber())
                  .append(LAST_SEQ, last.getSequenceNumber());
        } else {
            commit.append(KEY, "~" + first.getIdentifier());
        }
        commit.append(EVENTS, stored);
        return new Commit(commit, events.get(0), events.size());
    }

    private static Document event(EventMessage<?> event, Serializer serializer) {
        SerializedObject<String> payload = event.serializePayload(serializer, String.class);
        SerializedObject<String> metaData = event.serializeMetaData(serializer, String.class);
        Document stored = new Document("eventId", event.getIdentifier());
        if (event instanceof DomainEventMessage<?> domain) {
            stored.append("seq", domain.getSequenceNumber());
        }
        return stored.append("timestamp", DateTimeUtils.formatInstant(event.getTimestamp()))
                     .append("payloadType", payload.getType().getName())
                     .append("revision", payload.getType().getRevision())
                     .append("payload", payload.getData())
                     .append("metaData", metaData.getData());
    }

    /** The hash a stored event of the aggregate should carry, given the previous event's hash. */
    static String hashOf(String aggregateId, Document event, String previousHash) {
        return EventHashes.hash(aggregateId, ((Number) event.get("seq")).longValue(), event.getString("payloadType"),
                                event.getString("revision"), event.getString("timestamp"), previousHash,
                                event.getString("payload"));
    }

    static List<Document> events(Document commit) {
        return commit.getList(EVENTS, Document.class);
    }

    static int size(Document commit) {
        return events(commit).size();
    }

    /** One stored event as Axon's entry; events without an aggregate have a null aggregate id. */
    static GenericDomainEventEntry<String> entry(Document commit, Document event) {
        String aggregateId = commit.getString(AGGREGATE_ID);
        long sequence = aggregateId == null ? 0 : ((Number) event.get("seq")).longValue();
        return new GenericDomainEventEntry<>(commit.getString(TYPE), aggregateId, sequence,
                                             event.getString("eventId"), event.getString("timestamp"),
                                             event.getString("payloadType"), event.getString("revision"),
                                             event.getString("payload"), event.getString("metaData"));
    }

    /** A commit document to be stored, the first of its events (for error reports) and how many it holds. */
    record Commit(Document document, EventMessage<?> firstEvent, int size) {
        /** The request the commit records, or null. */
        String request() {
            return document.getString(REQUEST);
        }
    }
}
