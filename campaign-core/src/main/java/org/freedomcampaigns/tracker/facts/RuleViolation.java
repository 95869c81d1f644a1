package org.freedomcampaigns.tracker.facts;

/** Stable codes of the business rules a command can break. Clients may branch on these; never rename one. */
public enum RuleViolation {
    CASE_CLOSED,
    CLEMENCY_ALREADY_GRANTED,
    CLEMENCY_AFTER_RELEASE,
    PERSON_ALREADY_RELEASED,
    UNKNOWN_CAMPAIGN,
    CASE_ALREADY_EXISTS,
    CAMPAIGN_ALREADY_EXISTS,
    /** A correction names a sequence number the case does not have. */
    UNKNOWN_ENTRY,
    /** The opening of a case, and corrections themselves, cannot be corrected or retracted. */
    ENTRY_NOT_CORRECTABLE,
    /** An entry is corrected or retracted once; later fixes apply to its replacement. */
    ENTRY_ALREADY_CORRECTED,
    /** A replacement must be a fact of the same kind as the entry it replaces. */
    REPLACEMENT_OF_ANOTHER_KIND,
    /** Facts that moved the case's status (petition, denial, clemency, release, closing) are corrected, not retracted. */
    ENTRY_NOT_RETRACTABLE
}
