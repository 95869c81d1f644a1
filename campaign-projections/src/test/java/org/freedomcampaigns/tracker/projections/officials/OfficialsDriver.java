package org.freedomcampaigns.tracker.projections.officials;

import org.freedomcampaigns.tracker.facts.CaseEvent.EntryCorrected;
import org.freedomcampaigns.tracker.facts.CaseEvent.EntryRetracted;
import org.freedomcampaigns.tracker.facts.CaseEvent.OfficialLobbied;
import org.freedomcampaigns.tracker.projections.ProjectionDriver;
import org.freedomcampaigns.tracker.projections.Recorded;

public final class OfficialsDriver implements ProjectionDriver {
    private final OfficialsProjection projection;

    public OfficialsDriver(OfficialsProjection projection) {
        this.projection = projection;
    }

    @Override
    public void apply(Recorded event) {
        if (event.payload() instanceof OfficialLobbied e) {
            projection.on(e, event.sequence());
        } else if (event.payload() instanceof EntryCorrected e) {
            projection.on(e, event.sequence());
        } else if (event.payload() instanceof EntryRetracted e) {
            projection.on(e, event.sequence());
        }
    }

    @Override
    public void reset() {
        projection.reset();
    }
}
