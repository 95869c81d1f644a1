package org.freedomcampaigns.tracker.projections.casesummary;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.freedomcampaigns.tracker.facts.CaseId;
import org.freedomcampaigns.tracker.facts.CaseStatus;

/** What can be asked of the case summaries. */
public interface CaseSummaries {
    /** The summary of one case. */
    Optional<CaseSummary> find(CaseId caseId);

    /** The campaign a case belongs to, without reading its whole summary. */
    Optional<String> campaignOf(CaseId caseId);

    /**
     * A page of cases (page numbers from 0), in order of the person's name, filtered by any of the criteria.
     *
     * @param campaignIds the campaigns whose cases to list, or null for all
     * @param text        words the name, inmate number, facility, jurisdiction or offense contain, or null
     */
    CasePage list(Collection<String> campaignIds, CaseStatus status, String text, int page, int size);

    /** One page of the case list. */
    record CasePage(List<CaseSummary> items, int page, int size, long total) {
    }
}
