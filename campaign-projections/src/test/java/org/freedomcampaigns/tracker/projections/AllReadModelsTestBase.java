package org.freedomcampaigns.tracker.projections;

import java.util.List;

import org.freedomcampaigns.tracker.projections.casesummary.CaseSummaryDriver;
import org.freedomcampaigns.tracker.projections.casesummary.CaseSummaryProjection;
import org.freedomcampaigns.tracker.projections.dashboard.CampaignDashboardDriver;
import org.freedomcampaigns.tracker.projections.dashboard.CampaignDashboardProjection;
import org.freedomcampaigns.tracker.projections.officials.OfficialsDriver;
import org.freedomcampaigns.tracker.projections.officials.OfficialsProjection;
import org.freedomcampaigns.tracker.projections.timeline.TimelineDriver;
import org.freedomcampaigns.tracker.projections.timeline.TimelineProjection;

/** Tests over all four read models at once, each fed by its driver. */
abstract class AllReadModelsTestBase extends MongoTestBase {
    protected CaseSummaryProjection summaries;
    protected TimelineProjection timelines;
    protected CampaignDashboardProjection dashboards;
    protected OfficialsProjection officials;
    protected List<ProjectionDriver> drivers;

    @Override
    protected void createProjections() {
        summaries = new CaseSummaryProjection(database);
        timelines = new TimelineProjection(database);
        dashboards = new CampaignDashboardProjection(database);
        officials = new OfficialsProjection(database);
        drivers = List.of(new CaseSummaryDriver(summaries), new TimelineDriver(timelines),
                          new CampaignDashboardDriver(dashboards), new OfficialsDriver(officials));
    }
}
