package org.freedomcampaigns.tracker.eventstore;

/**
 * One event exactly as it is stored, for audit: its place in the aggregate's stream and in the global order, and
 * its serialized payload and metadata (JSON text), unchanged by any upcaster, and its {@link EventHashes hash}.
 */
public record StoredEvent(String aggregateId, long sequence, long globalIndex, String eventId, String timestamp,
                          String payloadType, String revision, String payload, String metaData, String hash) {
}
