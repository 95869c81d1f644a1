package org.freedomcampaigns.tracker.facts;

/** A person in office who was lobbied: a governor, a parole board member, a White House counsel. */
public record Official(String name, String office, String jurisdiction) {
    public Official {
        name = Checks.required(name, "official.name", Limits.NAME);
        office = Checks.required(office, "official.office", Limits.NAME);
        jurisdiction = Checks.required(jurisdiction, "official.jurisdiction", Limits.LABEL);
    }
}
