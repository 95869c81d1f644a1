package org.freedomcampaigns.tracker.casefile;

import org.axonframework.eventsourcing.IncompatibleAggregateException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.Repository;
import org.freedomcampaigns.tracker.facts.CampaignId;
import org.freedomcampaigns.tracker.campaign.Campaign;

/** Looks a campaign up in its event-sourced repository; must be called inside a unit of work (a command handler). */
public class RepositoryCampaignDirectory implements CampaignDirectory {
    private final Repository<Campaign> campaigns;

    public RepositoryCampaignDirectory(Repository<Campaign> campaigns) {
        this.campaigns = campaigns;
    }

    @Override
    public boolean exists(CampaignId campaignId) {
        try {
            campaigns.load(campaignId.toString());
            return true;
        } catch (AggregateNotFoundException | IncompatibleAggregateException e) {
            // none, or the identifier is another kind of aggregate's (a case's)
            return false;
        }
    }
}
