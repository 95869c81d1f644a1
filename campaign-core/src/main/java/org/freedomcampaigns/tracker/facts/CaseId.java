package org.freedomcampaigns.tracker.facts;

/** Identifies the case file of one incarcerated person. Its string form is the aggregate identifier. */
public record CaseId(String value) {
    public CaseId {
        value = Checks.required(value, "caseId", Limits.LABEL);
    }

    @Override
    public String toString() {
        return value;
    }
}
