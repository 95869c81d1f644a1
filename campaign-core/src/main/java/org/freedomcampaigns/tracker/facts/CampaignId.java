package org.freedomcampaigns.tracker.facts;

/** Identifies a campaign. Its string form is the aggregate identifier in the event store. */
public record CampaignId(String value) {
    public CampaignId {
        value = Checks.required(value, "campaignId", Limits.LABEL);
    }

    @Override
    public String toString() {
        return value;
    }
}
