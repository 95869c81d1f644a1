package org.freedomcampaigns.tracker.projections.dashboard;

import java.util.LinkedHashMap;
import java.util.Map;

import org.freedomcampaigns.tracker.facts.CaseEvent;
import org.freedomcampaigns.tracker.facts.CaseEvent.CaseOpened;
import org.freedomcampaigns.tracker.facts.CaseStatus;
import org.freedomcampaigns.tracker.facts.Corrections;
import org.freedomcampaigns.tracker.facts.Corrections.Counted;
import org.freedomcampaigns.tracker.facts.Corrections.Effect;
import org.freedomcampaigns.tracker.facts.Corrections.Withdrawn;

/**
 * One case as its campaign's dashboard counts it: one small document per case, so that nothing grows with the
 * campaign. Its sequence number is what makes the dashboard idempotent.
 *
 * @param seq       the sequence number of the last event of the case applied
 * @param counts    the case's campaign counters, by the catalogue's names
 * @param replacing the next event replaces a corrected entry ({@link Corrections#replacingAfter})
 */
record DashboardCase(String campaignId, long seq, CaseStatus status, Map<String, Integer> counts,
                     boolean replacing) {

    /**
     * The case after one more event: its status and its counters; corrections take back what they replace.
     *
     * @param before the case so far, null before it was opened
     */
    static DashboardCase evolve(DashboardCase before, CaseEvent event, long sequence) {
        if (before == null) {
            if (!(event instanceof CaseOpened opened)) {
                throw new IllegalStateException("event " + sequence + " of a case that was never opened");
            }
            before = new DashboardCase(opened.campaignId().value(), -1, CaseStatus.OPEN, CampaignTotals.zeroCounts(),
                                       false);
        }
        Map<String, Integer> counts = new LinkedHashMap<>(before.counts());
        CaseStatus status = before.status();
        Effect effect = Corrections.effectOf(event, before.replacing());
        if (effect instanceof Withdrawn withdrawn) {
            withdrawn.kind().campaignCounter().filter(counter -> counts.getOrDefault(counter, 0) > 0)
                     .ifPresent(counter -> counts.merge(counter, -1, Integer::sum));
        } else if (effect instanceof Counted counted) {
            counted.kind().campaignCounter().ifPresent(counter -> counts.merge(counter, 1, Integer::sum));
            if (counted.movesStatus()) {
                status = status.after(event);
            }
        }
        return new DashboardCase(before.campaignId(), sequence, status, Map.copyOf(counts),
                                 Corrections.replacingAfter(event));
    }
}
