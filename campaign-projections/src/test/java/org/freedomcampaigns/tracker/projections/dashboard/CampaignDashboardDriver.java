package org.freedomcampaigns.tracker.projections.dashboard;

import org.freedomcampaigns.tracker.facts.CampaignEvent.CampaignLaunched;
import org.freedomcampaigns.tracker.facts.CaseEvent;
import org.freedomcampaigns.tracker.projections.ProjectionDriver;
import org.freedomcampaigns.tracker.projections.Recorded;

public final class CampaignDashboardDriver implements ProjectionDriver {
    private final CampaignDashboardProjection projection;

    public CampaignDashboardDriver(CampaignDashboardProjection projection) {
        this.projection = projection;
    }

    @Override
    public void apply(Recorded event) {
        if (event.payload() instanceof CampaignLaunched e) {
            projection.on(e, event.sequence(), event.recordedAt());
        } else if (event.payload() instanceof CaseEvent e) {
            projection.on(e, event.sequence());
        }
    }

    @Override
    public void reset() {
        projection.reset();
    }
}
