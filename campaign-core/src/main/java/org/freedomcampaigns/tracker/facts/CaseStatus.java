package org.freedomcampaigns.tracker.facts;

/**
 * Where a case stands, derived from its events: {@code OPEN → PETITION_FILED → CLEMENCY_GRANTED | CLEMENCY_DENIED →
 * RELEASED → CLOSED}. A new petition after a denial goes back to {@code PETITION_FILED}.
 */
public enum CaseStatus {
    OPEN, PETITION_FILED, CLEMENCY_GRANTED, CLEMENCY_DENIED, RELEASED, CLOSED;

    /** The status after a fact of the given kind, starting from this one. */
    public CaseStatus after(CaseEvent event) {
        return switch (FactKind.of(event)) {
            case OPENED -> OPEN;
            case PETITION -> stillPending() ? PETITION_FILED : this;
            case CLEMENCY_DENIAL -> stillPending() ? CLEMENCY_DENIED : this;
            case CLEMENCY_GRANT -> this == CLOSED || this == RELEASED ? this : CLEMENCY_GRANTED;
            case RELEASE -> this == CLOSED ? this : RELEASED;
            case CLOSING -> CLOSED;
            case LETTER, VISIT, FAMILY_CONTACT, LEGAL_CONSULTATION, LOBBYING, NOTE, CORRECTION, RETRACTION -> this;
        };
    }

    private boolean stillPending() {
        return this == OPEN || this == PETITION_FILED || this == CLEMENCY_DENIED;
    }
}
