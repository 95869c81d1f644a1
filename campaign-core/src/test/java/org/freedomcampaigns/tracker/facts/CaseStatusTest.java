package org.freedomcampaigns.tracker.facts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.freedomcampaigns.tracker.facts.CaseStatus.CLEMENCY_DENIED;
import static org.freedomcampaigns.tracker.facts.CaseStatus.CLEMENCY_GRANTED;
import static org.freedomcampaigns.tracker.facts.CaseStatus.CLOSED;
import static org.freedomcampaigns.tracker.facts.CaseStatus.OPEN;
import static org.freedomcampaigns.tracker.facts.CaseStatus.PETITION_FILED;
import static org.freedomcampaigns.tracker.facts.CaseStatus.RELEASED;
import static org.freedomcampaigns.tracker.casefile.CaseEvents.CASE;
import static org.freedomcampaigns.tracker.casefile.CaseEvents.FACT_DATE;
import static org.freedomcampaigns.tracker.casefile.CaseEvents.closed;
import static org.freedomcampaigns.tracker.casefile.CaseEvents.denied;
import static org.freedomcampaigns.tracker.casefile.CaseEvents.familyContacted;
import static org.freedomcampaigns.tracker.casefile.CaseEvents.granted;
import static org.freedomcampaigns.tracker.casefile.CaseEvents.legalConsultation;
import static org.freedomcampaigns.tracker.casefile.CaseEvents.letter;
import static org.freedomcampaigns.tracker.casefile.CaseEvents.lobbied;
import static org.freedomcampaigns.tracker.casefile.CaseEvents.note;
import static org.freedomcampaigns.tracker.casefile.CaseEvents.opened;
import static org.freedomcampaigns.tracker.casefile.CaseEvents.petitionFiled;
import static org.freedomcampaigns.tracker.casefile.CaseEvents.released;
import static org.freedomcampaigns.tracker.casefile.CaseEvents.visit;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** {@link CaseStatus#after(CaseEvent)}: the status a case reaches through its events. */
class CaseStatusTest {

    /** The statuses passed through, starting from OPEN after the first event. */
    private static List<CaseStatus> statusesThrough(CaseEvent... events) {
        List<CaseStatus> statuses = new ArrayList<>();
        CaseStatus status = null;
        for (CaseEvent event : events) {
            status = status == null ? OPEN.after(event) : status.after(event);
            statuses.add(status);
        }
        return statuses;
    }

    @Test
    void a_case_goes_through_the_whole_lifecycle() {
        assertThat(statusesThrough(opened(CASE),
                                   petitionFiled(CASE, FACT_DATE),
                                   denied(CASE, FACT_DATE),
                                   petitionFiled(CASE, FACT_DATE),
                                   granted(CASE, FACT_DATE),
                                   released(CASE, FACT_DATE),
                                   closed(CASE, FACT_DATE)))
                .containsExactly(OPEN, PETITION_FILED, CLEMENCY_DENIED, PETITION_FILED, CLEMENCY_GRANTED, RELEASED,
                                 CLOSED);
    }

    @Test
    void a_denial_after_a_grant_does_not_move_the_status_back() {
        assertThat(CLEMENCY_GRANTED.after(denied(CASE, FACT_DATE))).isEqualTo(CLEMENCY_GRANTED);
    }

    @Test
    void a_petition_after_a_grant_does_not_move_the_status_back() {
        assertThat(CLEMENCY_GRANTED.after(petitionFiled(CASE, FACT_DATE))).isEqualTo(CLEMENCY_GRANTED);
    }

    @Test
    void a_petition_or_denial_after_release_does_not_move_the_status_back() {
        assertThat(RELEASED.after(petitionFiled(CASE, FACT_DATE))).isEqualTo(RELEASED);
        assertThat(RELEASED.after(denied(CASE, FACT_DATE))).isEqualTo(RELEASED);
    }

    @Test
    void a_grant_can_follow_a_denial_directly() {
        assertThat(CLEMENCY_DENIED.after(granted(CASE, FACT_DATE))).isEqualTo(CLEMENCY_GRANTED);
    }

    @Test
    void a_person_can_be_released_without_clemency() {
        assertThat(statusesThrough(opened(CASE), released(CASE, FACT_DATE), closed(CASE, FACT_DATE)))
                .containsExactly(OPEN, RELEASED, CLOSED);
    }

    @ParameterizedTest
    @EnumSource(CaseStatus.class)
    void facts_that_are_not_milestones_leave_the_status_alone(CaseStatus status) {
        for (CaseEvent event : List.of(letter(CASE, FACT_DATE), visit(CASE, FACT_DATE),
                                       familyContacted(CASE, FACT_DATE), legalConsultation(CASE, FACT_DATE),
                                       lobbied(CASE, FACT_DATE), note(CASE))) {
            assertThat(status.after(event)).as("%s after %s", status, event.getClass().getSimpleName())
                                           .isEqualTo(status);
        }
    }

    @ParameterizedTest
    @EnumSource(value = CaseStatus.class, names = "CLOSED", mode = EnumSource.Mode.EXCLUDE)
    void closing_closes_from_any_status(CaseStatus status) {
        assertThat(status.after(closed(CASE, FACT_DATE))).isEqualTo(CLOSED);
    }

    @Test
    void a_closed_case_stays_closed_whatever_follows() {
        for (CaseEvent event : List.of(petitionFiled(CASE, FACT_DATE), denied(CASE, FACT_DATE),
                                       granted(CASE, FACT_DATE), released(CASE, FACT_DATE))) {
            assertThat(CLOSED.after(event)).as("CLOSED after %s", event.getClass().getSimpleName())
                                           .isEqualTo(CLOSED);
        }
    }
}
