package org.freedomcampaigns.tracker.facts;

/** The incarcerated person a case is about. The inmate number is optional (not every system issues one). */
public record Person(String name, String inmateNumber, String facility, String jurisdiction) {
    public Person {
        name = Checks.required(name, "person.name", Limits.NAME);
        inmateNumber = Checks.optional(inmateNumber, "person.inmateNumber", Limits.LABEL);
        facility = Checks.required(facility, "person.facility", Limits.NAME);
        jurisdiction = Checks.required(jurisdiction, "person.jurisdiction", Limits.LABEL);
    }
}
