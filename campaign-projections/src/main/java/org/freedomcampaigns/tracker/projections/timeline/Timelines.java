package org.freedomcampaigns.tracker.projections.timeline;

import java.util.List;
import java.util.Optional;

import org.freedomcampaigns.tracker.facts.CaseId;

/** What can be asked of the timelines. */
public interface Timelines {
    /**
     * The case's entries in order of occurrence, then of recording, each marked with where it stands; empty if the
     * case is unknown.
     */
    Optional<List<TimelineEntry>> entries(CaseId caseId);
}
