package org.freedomcampaigns.tracker.facts;

/** What a case command answers: the case and the sequence number of the event it recorded. */
public record FactRecorded(CaseId caseId, long sequence) {
}
