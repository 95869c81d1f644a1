package org.freedomcampaigns.tracker.projections.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.freedomcampaigns.tracker.projections.TestEvents.CAMPAIGN;
import static org.freedomcampaigns.tracker.projections.TestEvents.FACT_DATE;
import static org.freedomcampaigns.tracker.projections.TestEvents.at;
import static org.freedomcampaigns.tracker.projections.TestEvents.granted;
import static org.freedomcampaigns.tracker.projections.TestEvents.launched;
import static org.freedomcampaigns.tracker.projections.TestEvents.letter;
import static org.freedomcampaigns.tracker.projections.TestEvents.note;
import static org.freedomcampaigns.tracker.projections.TestEvents.opened;
import static org.freedomcampaigns.tracker.projections.TestEvents.petitionFiled;

import java.util.List;

import org.freedomcampaigns.tracker.facts.CaseEvent;
import org.freedomcampaigns.tracker.facts.CaseEvent.EntryCorrected;
import org.freedomcampaigns.tracker.facts.CaseEvent.EntryRetracted;
import org.freedomcampaigns.tracker.facts.CaseId;
import org.freedomcampaigns.tracker.facts.CaseStatus;
import org.junit.jupiter.api.Test;

/** {@link DashboardCase#evolve} and {@link CampaignTotals#adjusted}, without a store. */
class DashboardCaseTest {
    private static final CaseId C1 = new CaseId("case-0001");
    private static final CaseId C2 = new CaseId("case-0002");

    /** The case after these events, numbered from 0, and the totals adjusted by each. */
    private static CampaignTotals totalsAfter(List<CaseEvent> events) {
        CampaignTotals totals = CampaignTotals.launched(launched(CAMPAIGN), 0, at(0));
        java.util.Map<CaseId, DashboardCase> cases = new java.util.HashMap<>();
        java.util.Map<CaseId, Long> sequences = new java.util.HashMap<>();
        for (CaseEvent event : events) {
            long sequence = sequences.merge(event.caseId(), 0L, (last, ignored) -> last + 1);
            DashboardCase before = cases.get(event.caseId());
            DashboardCase after = DashboardCase.evolve(before, event, sequence);
            totals = totals.adjusted(before, after);
            cases.put(event.caseId(), after);
        }
        return totals;
    }

    @Test
    void an_opened_case_is_open_and_counts_nothing_yet() {
        DashboardCase opened = DashboardCase.evolve(null, opened(C1, CAMPAIGN), 0);

        assertThat(opened.campaignId()).isEqualTo(CAMPAIGN.value());
        assertThat(opened.seq()).isZero();
        assertThat(opened.status()).isEqualTo(CaseStatus.OPEN);
        assertThat(opened.counts()).containsOnlyKeys(CampaignTotals.COUNTS).allSatisfy((k, n) -> assertThat(n).isZero());
    }

    @Test
    void an_event_of_a_case_never_opened_is_refused() {
        assertThatThrownBy(() -> DashboardCase.evolve(null, letter(C1, FACT_DATE), 1))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void totals_follow_each_case_by_the_difference_it_makes() {
        CampaignTotals totals = totalsAfter(List.of(opened(C1, CAMPAIGN), opened(C2, CAMPAIGN),
                                                    letter(C1, FACT_DATE), letter(C2, FACT_DATE),
                                                    petitionFiled(C1, FACT_DATE), granted(C1, FACT_DATE),
                                                    note(C2)));

        assertThat(totals.cases()).isEqualTo(2);
        assertThat(totals.view().casesByStatus()).containsEntry("OPEN", 1).containsEntry("CLEMENCY_GRANTED", 1)
                                                 .containsEntry("PETITION_FILED", 0);
        assertThat(totals.view().counts()).containsEntry("letters", 2).containsEntry("petitions", 1)
                                          .containsEntry("grants", 1).containsEntry("visits", 0);
    }

    @Test
    void a_retracted_entry_no_longer_counts_and_its_status_stays() {
        CampaignTotals totals = totalsAfter(List.of(opened(C1, CAMPAIGN), letter(C1, FACT_DATE),
                                                    new EntryRetracted(C1, 1, "LetterReceived", "other case's")));

        assertThat(totals.view().counts()).containsEntry("letters", 0);
        assertThat(totals.view().casesByStatus()).containsEntry("OPEN", 1);
    }

    @Test
    void a_replacement_takes_the_corrected_entrys_place_and_moves_no_status() {
        CampaignTotals totals = totalsAfter(List.of(opened(C1, CAMPAIGN), petitionFiled(C1, FACT_DATE),
                                                    new EntryCorrected(C1, 1, "PetitionFiled", "wrong date", 3),
                                                    petitionFiled(C1, FACT_DATE.minusDays(1))));

        assertThat(totals.view().counts()).containsEntry("petitions", 1);
        assertThat(totals.view().casesByStatus()).containsEntry("PETITION_FILED", 1).containsEntry("OPEN", 0);
    }
}
