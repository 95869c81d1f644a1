package org.freedomcampaigns.tracker.casefile;

import org.freedomcampaigns.tracker.facts.CampaignId;

/** Answers whether a campaign exists, from the event store. Used when a case is opened. */
public interface CampaignDirectory {
    boolean exists(CampaignId campaignId);
}
