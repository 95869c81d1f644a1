package org.freedomcampaigns.tracker.projections.casesummary;

import org.freedomcampaigns.tracker.facts.CaseEvent;
import org.freedomcampaigns.tracker.projections.ProjectionDriver;
import org.freedomcampaigns.tracker.projections.Recorded;

public final class CaseSummaryDriver implements ProjectionDriver {
    private final CaseSummaryProjection projection;

    public CaseSummaryDriver(CaseSummaryProjection projection) {
        this.projection = projection;
    }

    @Override
    public void apply(Recorded event) {
        if (event.payload() instanceof CaseEvent e) {
            projection.on(e, event.sequence(), event.recordedAt());
        }
    }

    @Override
    public void reset() {
        projection.reset();
    }
}
