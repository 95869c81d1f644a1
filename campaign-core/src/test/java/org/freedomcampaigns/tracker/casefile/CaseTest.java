package org.freedomcampaigns.tracker.casefile;

import static org.freedomcampaigns.tracker.ExceptionMatchers.invalid;
import static org.freedomcampaigns.tracker.ExceptionMatchers.violates;
import static org.freedomcampaigns.tracker.casefile.CaseEvents.CAMPAIGN;
import static org.freedomcampaigns.tracker.casefile.CaseEvents.CASE;
import static org.freedomcampaigns.tracker.casefile.CaseEvents.CLOCK;
import static org.freedomcampaigns.tracker.casefile.CaseEvents.FACT_DATE;
import static org.freedomcampaigns.tracker.casefile.CaseEvents.LATEST_ALLOWED;
import static org.freedomcampaigns.tracker.casefile.CaseEvents.OPENED_ON;
import static org.freedomcampaigns.tracker.casefile.CaseEvents.SENTENCE;
import static org.freedomcampaigns.tracker.casefile.CaseEvents.SENTENCED_ON;
import static org.freedomcampaigns.tracker.casefile.CaseEvents.TODAY;
import static org.freedomcampaigns.tracker.casefile.CaseEvents.closeCase;
import static org.freedomcampaigns.tracker.casefile.CaseEvents.closed;
import static org.freedomcampaigns.tracker.casefile.CaseEvents.denied;
import static org.freedomcampaigns.tracker.casefile.CaseEvents.denyClemency;
import static org.freedomcampaigns.tracker.casefile.CaseEvents.familyContacted;
import static org.freedomcampaigns.tracker.casefile.CaseEvents.filePetition;
import static org.freedomcampaigns.tracker.casefile.CaseEvents.grantClemency;
import static org.freedomcampaigns.tracker.casefile.CaseEvents.granted;
import static org.freedomcampaigns.tracker.casefile.CaseEvents.legalConsultation;
import static org.freedomcampaigns.tracker.casefile.CaseEvents.letter;
import static org.freedomcampaigns.tracker.casefile.CaseEvents.lobbied;
import static org.freedomcampaigns.tracker.casefile.CaseEvents.logLegalConsultation;
import static org.freedomcampaigns.tracker.casefile.CaseEvents.logVisit;
import static org.freedomcampaigns.tracker.casefile.CaseEvents.openCase;
import static org.freedomcampaigns.tracker.casefile.CaseEvents.opened;
import static org.freedomcampaigns.tracker.casefile.CaseEvents.petitionFiled;
import static org.freedomcampaigns.tracker.casefile.CaseEvents.recordFamilyContact;
import static org.freedomcampaigns.tracker.casefile.CaseEvents.recordLetter;
import static org.freedomcampaigns.tracker.casefile.CaseEvents.recordLobbying;
import static org.freedomcampaigns.tracker.casefile.CaseEvents.recordRelease;
import static org.freedomcampaigns.tracker.casefile.CaseEvents.released;
import static org.freedomcampaigns.tracker.casefile.CaseEvents.visit;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Named.named;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.freedomcampaigns.tracker.facts.CampaignId;
import org.freedomcampaigns.tracker.facts.CaseCommand;
import org.freedomcampaigns.tracker.facts.CaseEvent;
import org.freedomcampaigns.tracker.facts.CaseId;
import org.freedomcampaigns.tracker.facts.FactRecorded;
import org.freedomcampaigns.tracker.facts.RuleViolation;
import org.freedomcampaigns.tracker.facts.RuleViolationException;
import org.freedomcampaigns.tracker.facts.Sentence;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The rules of the Case aggregate, one given/when/then per rule. */
class CaseTest {
    private static final CampaignId UNKNOWN_CAMPAIGN = new CampaignId("no-such-campaign");
    private static final Set<CampaignId> KNOWN_CAMPAIGNS = Set.of(CAMPAIGN, new CampaignId("bring-them-home"));

    private AggregateTestFixture<Case> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Case.class);
        fixture.registerInjectableResource(CLOCK);
        fixture.registerInjectableResource((CampaignDirectory) KNOWN_CAMPAIGNS::contains);
    }

    // ---------------------------------------------------------------- opening

    @Test
    void a_case_is_opened_in_an_existing_campaign() {
        fixture.givenNoPriorActivity()
               .when(openCase(CASE))
               .expectSuccessfulHandlerExecution()
               .expectEvents(opened(CASE))
               .expectResultMessagePayload(new FactRecorded(CASE, 0));
    }

    @Test
    void a_case_cannot_be_opened_in_an_unknown_campaign() {
        fixture.givenNoPriorActivity()
               .when(openCase(CASE, UNKNOWN_CAMPAIGN))
               .expectNoEvents()
               .expectException(RuleViolationException.class)
               .expectException(violates(RuleViolation.UNKNOWN_CAMPAIGN))
               .expectExceptionMessage("campaign no-such-campaign does not exist");
    }

    @Test
    void a_case_cannot_be_opened_twice() {
        fixture.given(opened(CASE))
               .when(openCase(CASE))
               .expectNoEvents()
               .expectException(violates(RuleViolation.CASE_ALREADY_EXISTS))
               .expectExceptionMessage("case " + CASE + " exists already");
    }

    @Test
    void a_fact_cannot_be_recorded_on_a_case_that_was_never_opened() {
        // Only OpenCase may create the aggregate; every other command needs it to exist.
        fixture.givenNoPriorActivity()
               .when(recordLetter(CASE, FACT_DATE))
               .expectNoEvents()
               .expectException(AggregateNotFoundException.class);
    }

    // ---------------------------------------------------------------- closed cases

    static Stream<Arguments> everyFact() {
        return Stream.of(
                fact(id -> recordLetter(id, FACT_DATE), id -> letter(id, FACT_DATE)),
                fact(id -> logVisit(id, FACT_DATE), id -> visit(id, FACT_DATE)),
                fact(id -> recordFamilyContact(id, FACT_DATE), id -> familyContacted(id, FACT_DATE)),
                fact(id -> logLegalConsultation(id, FACT_DATE), id -> legalConsultation(id, FACT_DATE)),
                fact(id -> recordLobbying(id, FACT_DATE), id -> lobbied(id, FACT_DATE)),
                fact(id -> filePetition(id, FACT_DATE), id -> petitionFiled(id, FACT_DATE)),
                fact(id -> grantClemency(id, FACT_DATE), id -> granted(id, FACT_DATE)),
                fact(id -> denyClemency(id, FACT_DATE), id -> denied(id, FACT_DATE)),
                fact(id -> recordRelease(id, FACT_DATE), id -> released(id, FACT_DATE)),
                fact(CaseEvents::addNote, CaseEvents::note),
                fact(id -> closeCase(id, FACT_DATE), id -> closed(id, FACT_DATE)));
    }

    private static Arguments fact(Function<CaseId, CaseCommand> command, Function<CaseId, CaseEvent> event) {
        CaseCommand sample = command.apply(CASE);
        return arguments(named(sample.getClass().getSimpleName(), sample), event.apply(CASE));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("everyFact")
    void nothing_is_recorded_on_a_closed_case(CaseCommand command) {
        fixture.given(opened(CASE), letter(CASE, FACT_DATE), closed(CASE, FACT_DATE))
               .when(command)
               .expectNoEvents()
               .expectException(violates(RuleViolation.CASE_CLOSED));
    }

    // ---------------------------------------------------------------- clemency and release

    @Test
    void clemency_cannot_be_granted_twice() {
        fixture.given(opened(CASE), petitionFiled(CASE, FACT_DATE), granted(CASE, FACT_DATE))
               .when(grantClemency(CASE, TODAY))
               .expectNoEvents()
               .expectException(violates(RuleViolation.CLEMENCY_ALREADY_GRANTED));
    }

    @Test
    void clemency_cannot_be_granted_after_release() {
        fixture.given(opened(CASE), released(CASE, FACT_DATE))
               .when(grantClemency(CASE, TODAY))
               .expectNoEvents()
               .expectException(violates(RuleViolation.CLEMENCY_AFTER_RELEASE));
    }

    @Test
    void clemency_can_be_granted_after_a_denial() {
        fixture.given(opened(CASE), petitionFiled(CASE, FACT_DATE), denied(CASE, FACT_DATE),
                      petitionFiled(CASE, FACT_DATE))
               .when(grantClemency(CASE, TODAY))
               .expectEvents(granted(CASE, TODAY))
               .expectResultMessagePayload(new FactRecorded(CASE, 4));
    }

    @Test
    void a_person_is_released_at_most_once() {
        fixture.given(opened(CASE), granted(CASE, FACT_DATE), released(CASE, FACT_DATE))
               .when(recordRelease(CASE, TODAY))
               .expectNoEvents()
               .expectException(violates(RuleViolation.PERSON_ALREADY_RELEASED));
    }

    // ---------------------------------------------------------------- occurrence dates

    /** Every command that carries a date, with the date set to {@code date} and the field that holds it. */
    static Stream<Arguments> everyDatedFact(LocalDate date) {
        return Stream.of(
                dated(recordLetter(CASE, date), "receivedOn"),
                dated(logVisit(CASE, date), "visitedOn"),
                dated(recordFamilyContact(CASE, date), "contactedOn"),
                dated(logLegalConsultation(CASE, date), "consultedOn"),
                dated(recordLobbying(CASE, date), "lobbiedOn"),
                dated(filePetition(CASE, date), "filedOn"),
                dated(grantClemency(CASE, date), "grantedOn"),
                dated(denyClemency(CASE, date), "deniedOn"),
                dated(recordRelease(CASE, date), "releasedOn"),
                dated(closeCase(CASE, date), "closedOn"));
    }

    private static Arguments dated(CaseCommand command, String field) {
        return arguments(named(command.getClass().getSimpleName(), command), field);
    }

    static Stream<Arguments> factsTwoDaysAhead() {
        return everyDatedFact(TODAY.plusDays(2));
    }

    static Stream<Arguments> factsBeforeTheSentence() {
        return everyDatedFact(SENTENCED_ON.minusDays(1));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("factsTwoDaysAhead")
    void a_fact_cannot_happen_in_the_future(CaseCommand command, String field) {
        fixture.given(opened(CASE))
               .when(command)
               .expectNoEvents()
               .expectException(invalid(field))
               .expectExceptionMessage(field + " must not be in the future");
    }

    @Test
    void a_case_cannot_be_opened_in_the_future() {
        fixture.givenNoPriorActivity()
               .when(openCase(CASE, SENTENCE, TODAY.plusDays(2)))
               .expectNoEvents()
               .expectException(invalid("openedOn"));
    }

    @Test
    void a_sentence_cannot_be_imposed_in_the_future() {
        fixture.givenNoPriorActivity()
               .when(openCase(CASE, new Sentence("ten years", false, TODAY.plusDays(2)), OPENED_ON))
               .expectNoEvents()
               .expectException(invalid("sentence.imposedOn"));
    }

    @Test
    void a_fact_may_carry_today_as_it_is_somewhere_on_earth() {
        // 2026-06-01T12:00Z is already 2026-06-02 in UTC+14, the earliest time zone.
        fixture.given(opened(CASE))
               .when(recordLetter(CASE, LATEST_ALLOWED))
               .expectEvents(letter(CASE, LATEST_ALLOWED))
               .expectResultMessagePayload(new FactRecorded(CASE, 1));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("factsBeforeTheSentence")
    void a_fact_cannot_predate_the_sentence(CaseCommand command, String field) {
        fixture.given(opened(CASE))
               .when(command)
               .expectNoEvents()
               .expectException(invalid(field))
               .expectExceptionMessage(field + " must not be before the sentence was imposed (" + SENTENCED_ON + ")");
    }

    @Test
    void a_case_cannot_be_opened_before_the_sentence() {
        fixture.givenNoPriorActivity()
               .when(openCase(CASE, SENTENCE, SENTENCED_ON.minusDays(1)))
               .expectNoEvents()
               .expectException(invalid("openedOn"));
    }

    @Test
    void a_fact_may_happen_on_the_day_of_the_sentence() {
        fixture.given(opened(CASE))
               .when(recordLetter(CASE, SENTENCED_ON))
               .expectEvents(letter(CASE, SENTENCED_ON))
               .expectResultMessagePayload(new FactRecorded(CASE, 1));
    }

    @Test
    void without_a_sentence_date_any_past_fact_is_accepted() {
        Sentence undated = new Sentence("twenty years", false, null);
        LocalDate longAgo = LocalDate.of(1990, 1, 1);
        fixture.given(opened(CASE, undated, OPENED_ON))
               .when(recordLetter(CASE, longAgo))
               .expectEvents(letter(CASE, longAgo))
               .expectResultMessagePayload(new FactRecorded(CASE, 1));
    }

    // ---------------------------------------------------------------- happy paths

    @ParameterizedTest(name = "{0}")
    @MethodSource("everyFact")
    void each_fact_records_exactly_its_event_and_answers_its_sequence(CaseCommand command, CaseEvent event) {
        fixture.given(opened(CASE), letter(CASE, FACT_DATE))
               .when(command)
               .expectSuccessfulHandlerExecution()
               .expectEvents(event)
               .expectResultMessagePayload(new FactRecorded(CASE, 2));
    }

    @Test
    void every_fact_command_is_covered() {
        // Guards the parameterised tests above: every command that records a fact is listed exactly once.
        List<Class<?>> listed = everyFact().map(a -> ((Named<?>) a.get()[0]).getPayload().getClass())
                                           .collect(Collectors.toList());
        List<Class<?>> facts = Stream.of(CaseCommand.FactCommand.class.getPermittedSubclasses())
                                     .collect(Collectors.toList());
        assertThat(listed).hasSize(11).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(facts);
    }
}
