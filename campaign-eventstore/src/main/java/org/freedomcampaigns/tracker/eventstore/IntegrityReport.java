package org.freedomcampaigns.tracker.eventstore;

/**
 * The result of checking an aggregate's hash chain: {@code verified} with the number of events checked, or the first
 * sequence number where the chain breaks and why.
 */
public record IntegrityReport(String aggregateId, boolean verified, long events, Long brokenAtSequence,
                              String reason) {

    static IntegrityReport verified(String aggregateId, long events) {
        return new IntegrityReport(aggregateId, true, events, null, null);
    }

    static IntegrityReport broken(String aggregateId, long events, long sequence, String reason) {
        return new IntegrityReport(aggregateId, false, events, sequence, reason);
    }
}
