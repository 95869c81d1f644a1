package org.freedomcampaigns.tracker.projections.dashboard;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.freedomcampaigns.tracker.facts.CampaignId;

/** What can be asked of the campaign dashboards. */
public interface CampaignDashboards {
    Optional<CampaignDashboard> find(CampaignId campaignId);

    /** Every campaign, in order of launch. */
    List<CampaignDashboard> all();

    /** Every campaign's name, by id, without building the dashboards. */
    Map<String, String> names();

    /** The campaign's name, if it has been launched. */
    Optional<String> nameOf(CampaignId campaignId);

    /** True once the campaign's launch has been projected. */
    boolean knows(CampaignId campaignId);
}
