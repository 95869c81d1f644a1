package org.freedomcampaigns.tracker.api;

/** Stable codes of the business rules a command can break. Clients may branch on these; never rename one. */
public enum RuleViolation {
    CASE_CLOSED,
    CLEMENCY_ALREADY_GRANTED,
    CLEMENCY_AFTER_RELEASE,
    PERSON_ALREADY_RELEASED,
    UNKNOWN_CAMPAIGN,
    CASE_ALREADY_EXISTS,
    CAMPAIGN_ALREADY_EXISTS,
    /** A read model is already being rebuilt. */
    REBUILD_RUNNING
}
