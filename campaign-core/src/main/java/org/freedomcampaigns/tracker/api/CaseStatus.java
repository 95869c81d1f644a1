package org.freedomcampaigns.tracker.api;

/**
 * Where a case stands, derived from its events: {@code OPEN → PETITION_FILED → CLEMENCY_GRANTED | CLEMENCY_DENIED →
 * RELEASED → CLOSED}. A new petition after a denial goes back to {@code PETITION_FILED}.
 */
public enum CaseStatus {
    OPEN, PETITION_FILED, CLEMENCY_GRANTED, CLEMENCY_DENIED, RELEASED, CLOSED;

    /** The status after a fact of the given kind, starting from this one. */
    public CaseStatus after(CaseEvent event) {
        if (event instanceof CaseEvent.CaseOpened) {
            return OPEN;
        }
        if (event instanceof CaseEvent.PetitionFiled) {
            return stillPending() ? PETITION_FILED : this;
        }
        if (event instanceof CaseEvent.ClemencyDenied) {
            return stillPending() ? CLEMENCY_DENIED : this;
        }
        if (event instanceof CaseEvent.ClemencyGranted) {
            return this == CLOSED || this == RELEASED ? this : CLEMENCY_GRANTED;
        }
        if (event instanceof CaseEvent.PersonReleased) {
            return this == CLOSED ? this : RELEASED;
        }
        if (event instanceof CaseEvent.CaseClosed) {
            return CLOSED;
        }
        return this;
    }

    private boolean stillPending() {
        return this == OPEN || this == PETITION_FILED || this == CLEMENCY_DENIED;
    }
}
