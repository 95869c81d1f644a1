package org.freedomcampaigns.tracker.facts;

import org.axonframework.serialization.Revision;

/** Events of the Campaign aggregate. */
public sealed interface CampaignEvent {
    CampaignId campaignId();

    @Revision("1")
    record CampaignLaunched(CampaignId campaignId, String name, String description) implements CampaignEvent {
    }
}
