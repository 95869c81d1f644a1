package org.freedomcampaigns.tracker.facts;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Commands handled by the Campaign aggregate. */
public sealed interface CampaignCommand {
    CampaignId campaignId();

    record LaunchCampaign(@TargetAggregateIdentifier CampaignId campaignId, String name, String description)
            implements CampaignCommand {
        public LaunchCampaign {
            Checks.present(campaignId, "campaignId");
            name = Checks.required(name, "name", Limits.NAME);
            description = Checks.optional(description, "description", Limits.TEXT);
        }
    }
}
