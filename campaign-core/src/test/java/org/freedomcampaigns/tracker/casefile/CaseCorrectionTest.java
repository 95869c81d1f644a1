package org.freedomcampaigns.tracker.casefile;

import static org.freedomcampaigns.tracker.ExceptionMatchers.invalid;
import static org.freedomcampaigns.tracker.ExceptionMatchers.violates;
import static org.freedomcampaigns.tracker.casefile.CaseEvents.CASE;
import static org.freedomcampaigns.tracker.casefile.CaseEvents.CLOCK;
import static org.freedomcampaigns.tracker.casefile.CaseEvents.FACT_DATE;
import static org.freedomcampaigns.tracker.casefile.CaseEvents.SENTENCED_ON;
import static org.freedomcampaigns.tracker.casefile.CaseEvents.addNote;
import static org.freedomcampaigns.tracker.casefile.CaseEvents.closed;
import static org.freedomcampaigns.tracker.casefile.CaseEvents.grantClemency;
import static org.freedomcampaigns.tracker.casefile.CaseEvents.granted;
import static org.freedomcampaigns.tracker.casefile.CaseEvents.letter;
import static org.freedomcampaigns.tracker.casefile.CaseEvents.opened;
import static org.freedomcampaigns.tracker.casefile.CaseEvents.recordLetter;
import static org.freedomcampaigns.tracker.casefile.CaseEvents.recordRelease;
import static org.freedomcampaigns.tracker.casefile.CaseEvents.released;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.Set;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.freedomcampaigns.tracker.facts.CaseCommand.CorrectEntry;
import org.freedomcampaigns.tracker.facts.CaseEvent.EntryCorrected;
import org.freedomcampaigns.tracker.facts.CaseEvent.EntryRetracted;
import org.freedomcampaigns.tracker.facts.CaseId;
import org.freedomcampaigns.tracker.facts.FactRecorded;
import org.freedomcampaigns.tracker.facts.InvalidInputException;
import org.freedomcampaigns.tracker.facts.RuleViolation;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Corrections, not edits: the rules for correcting and retracting entries of a case. */
class CaseCorrectionTest {
    private static final String REASON = "wrong date transcribed";
    private static final LocalDate RIGHT_DATE = FACT_DATE.minusDays(3);

    private AggregateTestFixture<Case> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Case.class);
        fixture.registerInjectableResource(CLOCK);
        fixture.registerInjectableResource((CampaignDirectory) Set.of(CaseEvents.CAMPAIGN)::contains);
    }

    @Test
    void an_entry_is_corrected_by_a_replacement_of_the_same_kind() {
        fixture.given(opened(CASE), letter(CASE, FACT_DATE))
               .when(new CorrectEntry(CASE, 1, REASON, recordLetter(CASE, RIGHT_DATE)))
               .expectEvents(new EntryCorrected(CASE, 1, "LetterReceived", REASON, 3), letter(CASE, RIGHT_DATE))
               .expectResultMessagePayload(new FactRecorded(CASE, 3));
    }

    @Test
    void an_entry_is_retracted_without_a_replacement() {
        fixture.given(opened(CASE), letter(CASE, FACT_DATE))
               .when(new CorrectEntry(CASE, 1, "recorded on the wrong case", null))
               .expectEvents(new EntryRetracted(CASE, 1, "LetterReceived", "recorded on the wrong case"))
               .expectResultMessagePayload(new FactRecorded(CASE, 2));
    }

    @Test
    void a_correction_names_an_existing_entry() {
        fixture.given(opened(CASE), letter(CASE, FACT_DATE))
               .when(new CorrectEntry(CASE, 2, REASON, null))
               .expectException(violates(RuleViolation.UNKNOWN_ENTRY))
               .expectNoEvents();
    }

    @Test
    void the_opening_of_a_case_is_not_corrected() {
        fixture.given(opened(CASE))
               .when(new CorrectEntry(CASE, 0, REASON, null))
               .expectException(violates(RuleViolation.ENTRY_NOT_CORRECTABLE));
    }

    @Test
    void a_correction_is_not_itself_corrected() {
        fixture.given(opened(CASE), letter(CASE, FACT_DATE), new EntryRetracted(CASE, 1, "LetterReceived", REASON))
               .when(new CorrectEntry(CASE, 2, REASON, null))
               .expectException(violates(RuleViolation.ENTRY_NOT_CORRECTABLE));
    }

    @Test
    void an_entry_is_corrected_at_most_once() {
        fixture.given(opened(CASE), letter(CASE, FACT_DATE), new EntryRetracted(CASE, 1, "LetterReceived", REASON))
               .when(new CorrectEntry(CASE, 1, REASON, recordLetter(CASE, RIGHT_DATE)))
               .expectException(violates(RuleViolation.ENTRY_ALREADY_CORRECTED));
    }

    @Test
    void a_replacement_is_of_the_same_kind() {
        fixture.given(opened(CASE), letter(CASE, FACT_DATE))
               .when(new CorrectEntry(CASE, 1, REASON, addNote(CASE)))
               .expectException(violates(RuleViolation.REPLACEMENT_OF_ANOTHER_KIND))
               .expectNoEvents();
    }

    @Test
    void a_fact_that_moved_the_status_is_corrected_not_retracted() {
        fixture.given(opened(CASE), granted(CASE, FACT_DATE))
               .when(new CorrectEntry(CASE, 1, REASON, null))
               .expectException(violates(RuleViolation.ENTRY_NOT_RETRACTABLE));
    }

    @Test
    void correcting_a_grant_is_not_a_second_grant() {
        fixture.given(opened(CASE), granted(CASE, FACT_DATE), released(CASE, FACT_DATE))
               .when(new CorrectEntry(CASE, 1, REASON, grantClemency(CASE, RIGHT_DATE)))
               .expectSuccessfulHandlerExecution()
               .expectEvents(new EntryCorrected(CASE, 1, "ClemencyGranted", REASON, 4), granted(CASE, RIGHT_DATE));
    }

    @Test
    void after_a_corrected_grant_clemency_is_still_granted_once() {
        fixture.given(opened(CASE), granted(CASE, FACT_DATE), new EntryCorrected(CASE, 1, "ClemencyGranted", REASON, 3),
                      granted(CASE, RIGHT_DATE))
               .when(grantClemency(CASE, FACT_DATE))
               .expectException(violates(RuleViolation.CLEMENCY_ALREADY_GRANTED));
    }

    @Test
    void a_replacement_date_follows_the_date_rules() {
        fixture.given(opened(CASE), letter(CASE, FACT_DATE))
               .when(new CorrectEntry(CASE, 1, REASON, recordLetter(CASE, SENTENCED_ON.minusDays(1))))
               .expectException(invalid("receivedOn"))
               .expectNoEvents();
    }

    @Test
    void nothing_is_corrected_on_a_closed_case() {
        fixture.given(opened(CASE), letter(CASE, FACT_DATE), closed(CASE, FACT_DATE))
               .when(new CorrectEntry(CASE, 1, REASON, null))
               .expectException(violates(RuleViolation.CASE_CLOSED));
    }

    @Test
    void a_replacement_belongs_to_the_same_case() {
        assertThatThrownBy(() -> new CorrectEntry(CASE, 1, REASON, recordLetter(new CaseId("other"), RIGHT_DATE)))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> new CorrectEntry(CASE, -1, REASON, null)).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> new CorrectEntry(CASE, 1, " ", null)).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void a_release_corrected_leaves_the_person_released_once() {
        fixture.given(opened(CASE), released(CASE, FACT_DATE),
                      new EntryCorrected(CASE, 1, "PersonReleased", REASON, 3), released(CASE, RIGHT_DATE))
               .when(recordRelease(CASE, FACT_DATE))
               .expectException(violates(RuleViolation.PERSON_ALREADY_RELEASED));
    }

}
