package org.freedomcampaigns.tracker.projections.casesummary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.freedomcampaigns.tracker.projections.TestEvents.CAMPAIGN;
import static org.freedomcampaigns.tracker.projections.TestEvents.CASE;
import static org.freedomcampaigns.tracker.projections.TestEvents.FACT_DATE;
import static org.freedomcampaigns.tracker.projections.TestEvents.OPENED_ON;
import static org.freedomcampaigns.tracker.projections.TestEvents.PERSON;
import static org.freedomcampaigns.tracker.projections.TestEvents.at;
import static org.freedomcampaigns.tracker.projections.TestEvents.day;
import static org.freedomcampaigns.tracker.projections.TestEvents.granted;
import static org.freedomcampaigns.tracker.projections.TestEvents.letter;
import static org.freedomcampaigns.tracker.projections.TestEvents.note;
import static org.freedomcampaigns.tracker.projections.TestEvents.opened;
import static org.freedomcampaigns.tracker.projections.TestEvents.petitionFiled;

import java.util.List;

import org.bson.Document;
import org.freedomcampaigns.tracker.facts.CaseEvent;
import org.freedomcampaigns.tracker.facts.CaseEvent.EntryCorrected;
import org.freedomcampaigns.tracker.facts.CaseEvent.EntryRetracted;
import org.freedomcampaigns.tracker.facts.CaseStatus;
import org.freedomcampaigns.tracker.projections.support.RecordDocuments;
import org.junit.jupiter.api.Test;

/** {@link CaseSummaryState#evolve}, the one function that builds case summaries, without a database. */
class CaseSummaryStateTest {

    /** The state after the events, the n-th with sequence number n, recorded n seconds after NOW. */
    private static CaseSummaryState after(CaseEvent... events) {
        CaseSummaryState state = null;
        for (int sequence = 0; sequence < events.length; sequence++) {
            state = CaseSummaryState.evolve(state, events[sequence], sequence, at(sequence));
        }
        return state;
    }

    @Test
    void an_opened_case_is_open_with_every_counter_at_zero() {
        CaseSummary summary = after(opened(CASE)).summary();

        assertThat(summary.id()).isEqualTo(CASE.value());
        assertThat(summary.campaignId()).isEqualTo(CAMPAIGN.value());
        assertThat(summary.status()).isEqualTo(CaseStatus.OPEN);
        assertThat(summary.person()).isEqualTo(PERSON);
        assertThat(summary.counts()).containsOnlyKeys(CaseSummaryState.COUNTERS).allSatisfy((k, v) -> assertThat(v)
                .isZero());
        assertThat(summary.lastActivityOn()).isEqualTo(OPENED_ON);
        assertThat(summary.version()).isZero();
    }

    @Test
    void a_replacement_counts_in_the_corrected_entrys_place_and_moves_no_status() {
        CaseSummary summary = after(opened(CASE),                                            // 0
                                    petitionFiled(CASE, "P-1", day("2026-02-01")),            // 1
                                    granted(CASE, day("2026-03-01")),                         // 2
                                    new EntryCorrected(CASE, 1, "PetitionFiled", "date", 4),  // 3
                                    petitionFiled(CASE, "P-1", day("2026-02-02")))            // 4
                .summary();

        assertThat(summary.status()).as("the corrected petition does not reopen the case")
                                    .isEqualTo(CaseStatus.CLEMENCY_GRANTED);
        assertThat(summary.counts().get("petitions")).isEqualTo(1);
        assertThat(summary.petitions()).extracting(CaseSummary.Petition::filedOn).containsExactly(day("2026-02-02"));
    }

    @Test
    void a_retraction_takes_its_entry_out_of_the_counts() {
        CaseSummaryState state = after(opened(CASE), letter(CASE, FACT_DATE), note(CASE),
                                       new EntryRetracted(CASE, 1, "LetterReceived", "another case's"));

        assertThat(state.summary().counts().get("letters")).isZero();
        assertThat(state.summary().counts().get("notes")).isEqualTo(1);
        assertThat(state.bookkeeping().replacing()).isFalse();
    }

    @Test
    void the_last_activity_is_the_latest_date_a_fact_happened_not_the_latest_recorded() {
        CaseSummary summary = after(opened(CASE), letter(CASE, day("2026-05-20")), letter(CASE, day("2026-03-01")),
                                    note(CASE)).summary();

        assertThat(summary.lastActivityOn()).isEqualTo(day("2026-05-20"));
        assertThat(summary.lastRecordedAt()).isEqualTo(at(3).toString());
        assertThat(summary.version()).isEqualTo(3);
    }

    @Test
    void an_event_before_the_opening_is_refused() {
        assertThatThrownBy(() -> CaseSummaryState.evolve(null, letter(CASE, FACT_DATE), 1, at(1)))
                .isInstanceOf(IllegalStateException.class);
    }

    /** What the read model stores reads back as the same state, halfway through a correction too. */
    @Test
    void the_stored_form_reads_back_as_the_same_state() {
        CaseSummaryState state = after(opened(CASE), petitionFiled(CASE, "P-1", day("2026-02-01")),
                                       granted(CASE, day("2026-03-01")),
                                       new EntryCorrected(CASE, 1, "PetitionFiled", "date", 4));
        Document stored = RecordDocuments.toDocument(state.summary());
        stored.putAll(RecordDocuments.toDocument(state.bookkeeping()));

        assertThat(new CaseSummaryState(RecordDocuments.fromDocument(stored, CaseSummary.class),
                                        RecordDocuments.fromDocument(stored, CaseSummaryState.Bookkeeping.class)))
                .isEqualTo(state);
        assertThat(state.bookkeeping().replacing()).isTrue();
        assertThat(List.copyOf(state.summary().counts().keySet())).isEqualTo(CaseSummaryState.COUNTERS);
    }
}
