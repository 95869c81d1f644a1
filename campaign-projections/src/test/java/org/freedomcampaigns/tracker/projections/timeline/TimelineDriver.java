package org.freedomcampaigns.tracker.projections.timeline;

import org.freedomcampaigns.tracker.facts.CaseEvent;
import org.freedomcampaigns.tracker.projections.ProjectionDriver;
import org.freedomcampaigns.tracker.projections.Recorded;

public final class TimelineDriver implements ProjectionDriver {
    private final TimelineProjection projection;

    public TimelineDriver(TimelineProjection projection) {
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
