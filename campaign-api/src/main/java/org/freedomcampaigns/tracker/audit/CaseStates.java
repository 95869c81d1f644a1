package org.freedomcampaigns.tracker.audit;

import java.time.Instant;
import java.util.List;

import org.freedomcampaigns.tracker.facts.CaseId;
import org.freedomcampaigns.tracker.audit.CaseHistory.Recorded;
import org.freedomcampaigns.tracker.projections.casesummary.CaseSummary;
import org.freedomcampaigns.tracker.projections.casesummary.CaseSummaryState;
import org.springframework.stereotype.Component;

/**
 * What the team knew about a case at a moment: the case summary rebuilt from the events recorded up to then, through
 * the very function that builds the live summary ({@link CaseSummaryState#evolve}).
 */
@Component
public class CaseStates {
    private final CaseHistory history;

    public CaseStates(CaseHistory history) {
        this.history = history;
    }

    /**
     * @param includedSequences the first and last sequence numbers folded in, empty if the case had no events yet
     * @param summary           the summary as it then stood, null if the case was not yet opened
     */
    public record State(String caseId, Instant asOf, Long atSequence, List<Long> includedSequences,
                        int eventsIncluded, CaseSummary summary) {
    }

    /** The case as recorded up to and including the given moment (record time). */
    public State asOf(CaseId caseId, Instant moment) {
        return fold(caseId, moment, null);
    }

    /** The case as it stood after the event with the given sequence number. */
    public State atSequence(CaseId caseId, long sequence) {
        return fold(caseId, null, sequence);
    }

    private State fold(CaseId caseId, Instant moment, Long sequence) {
        CaseSummaryState state = null;
        int included = 0;
        long last = -1;
        for (Recorded recorded : history.all(caseId)) {
            long seq = recorded.stored().sequence();
            boolean within = moment != null ? !recorded.recordedAt().isAfter(moment) : seq <= sequence;
            if (!within) {
                break;
            }
            state = CaseSummaryState.evolve(state, recorded.event(), seq, recorded.recordedAt());
            included++;
            last = seq;
        }
        return new State(caseId.value(), moment, sequence, included == 0 ? List.of() : List.of(0L, last), included,
                         state == null ? null : state.summary());
    }
}
