package org.freedomcampaigns.tracker.eventstore;

import java.util.List;

/** What one request recorded: the aggregate its events belong to, and the events as stored, in order. */
public record RecordedRequest(String request, String aggregateType, String aggregateId, List<StoredEvent> events) {
    public RecordedRequest {
        events = List.copyOf(events);
    }

    public StoredEvent lastEvent() {
        return events.get(events.size() - 1);
    }
}
