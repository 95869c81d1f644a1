package org.freedomcampaigns.tracker.projections.dashboard;

import java.time.Instant;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.freedomcampaigns.tracker.facts.CampaignEvent.CampaignLaunched;
import org.freedomcampaigns.tracker.facts.CaseStatus;
import org.freedomcampaigns.tracker.facts.FactKind;

/**
 * A campaign's dashboard as stored: the campaign and its totals, adjusted by each case's change
 * ({@link #adjusted}); a document of fixed size, however many cases the campaign has.
 *
 * @param launchedAtNanos the launch instant in nanoseconds, to sort by (ISO strings of instants do not sort in time
 *                        order: the fraction varies in length)
 * @param version         the sequence number of the campaign's launch
 */
record CampaignTotals(String id, String name, String description, String launchedAt, long launchedAtNanos,
                      long version, int cases, Map<String, Integer> casesByStatus, Map<String, Integer> counts) {
    /** The counters of a dashboard, in the catalogue's order. */
    static final List<String> COUNTS = Arrays.stream(FactKind.values())
                                             .flatMap(kind -> kind.campaignCounter().stream()).toList();

    static Map<String, Integer> zeroCounts() {
        Map<String, Integer> counts = new LinkedHashMap<>();
        COUNTS.forEach(name -> counts.put(name, 0));
        return counts;
    }

    static CampaignTotals launched(CampaignLaunched event, long sequence, Instant recordedAt) {
        Map<String, Integer> byStatus = new LinkedHashMap<>();
        for (CaseStatus status : CaseStatus.values()) {
            byStatus.put(status.name(), 0);
        }
        return new CampaignTotals(event.campaignId().value(), event.name(), event.description(),
                                  recordedAt.toString(),
                                  recordedAt.getEpochSecond() * 1_000_000_000L + recordedAt.getNano(), sequence, 0,
                                  byStatus, zeroCounts());
    }

    /**
     * The totals once one of the campaign's cases went from {@code before} to {@code after}.
     *
     * @param before the case before its event, null if the event opened it
     */
    CampaignTotals adjusted(DashboardCase before, DashboardCase after) {
        Map<String, Integer> byStatus = new LinkedHashMap<>(casesByStatus);
        Map<String, Integer> totals = new LinkedHashMap<>(counts);
        if (before != null) {
            byStatus.merge(before.status().name(), -1, Integer::sum);
            before.counts().forEach((counter, n) -> totals.merge(counter, -n, Integer::sum));
        }
        byStatus.merge(after.status().name(), 1, Integer::sum);
        after.counts().forEach((counter, n) -> totals.merge(counter, n, Integer::sum));
        return new CampaignTotals(id, name, description, launchedAt, launchedAtNanos, version,
                                  before == null ? cases + 1 : cases, byStatus, totals);
    }

    CampaignDashboard view() {
        Map<String, Integer> byStatus = new LinkedHashMap<>();
        for (CaseStatus status : CaseStatus.values()) {
            byStatus.put(status.name(), casesByStatus.getOrDefault(status.name(), 0));
        }
        Map<String, Integer> totals = new LinkedHashMap<>();
        COUNTS.forEach(counter -> totals.put(counter, counts.getOrDefault(counter, 0)));
        return new CampaignDashboard(id, name, description, launchedAt, cases, Collections.unmodifiableMap(byStatus),
                                     Collections.unmodifiableMap(totals));
    }
}
