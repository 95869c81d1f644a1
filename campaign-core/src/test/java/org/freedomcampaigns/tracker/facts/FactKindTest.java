package org.freedomcampaigns.tracker.facts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.freedomcampaigns.tracker.casefile.CaseEvents.CASE;
import static org.freedomcampaigns.tracker.casefile.CaseEvents.FACT_DATE;

import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.axonframework.commandhandling.CommandHandler;
import org.freedomcampaigns.tracker.casefile.Case;
import org.freedomcampaigns.tracker.casefile.CaseEvents;
import org.freedomcampaigns.tracker.facts.CaseCommand.FactCommand;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The catalogue of fact kinds is complete, consistent with the types it names, and its stored names never move. */
class FactKindTest {

    /** One sample event of every kind, through the test factory. */
    static CaseEvent sample(FactKind kind) {
        return switch (kind) {
            case OPENED -> CaseEvents.opened(CASE);
            case LETTER -> CaseEvents.letter(CASE, FACT_DATE);
            case VISIT -> CaseEvents.visit(CASE, FACT_DATE);
            case FAMILY_CONTACT -> CaseEvents.familyContacted(CASE, FACT_DATE);
            case LEGAL_CONSULTATION -> CaseEvents.legalConsultation(CASE, FACT_DATE);
            case LOBBYING -> CaseEvents.lobbied(CASE, FACT_DATE);
            case PETITION -> CaseEvents.petitionFiled(CASE, FACT_DATE);
            case CLEMENCY_GRANT -> CaseEvents.granted(CASE, FACT_DATE);
            case CLEMENCY_DENIAL -> CaseEvents.denied(CASE, FACT_DATE);
            case RELEASE -> CaseEvents.released(CASE, FACT_DATE);
            case NOTE -> CaseEvents.note(CASE);
            case CLOSING -> CaseEvents.closed(CASE, FACT_DATE);
            case CORRECTION -> new CaseEvent.EntryCorrected(CASE, 1, "LetterReceived", "wrong date", 3);
            case RETRACTION -> new CaseEvent.EntryRetracted(CASE, 1, "LetterReceived", "another case's");
        };
    }

    @Test
    void every_kind_of_event_is_in_the_catalogue_once() {
        Set<Class<?>> events = Set.of(CaseEvent.class.getPermittedSubclasses());
        assertThat(Arrays.stream(FactKind.values()).<Class<?>>map(FactKind::eventType).collect(Collectors.toSet()))
                .containsExactlyInAnyOrderElementsOf(events);
        assertThat(FactKind.values()).hasSameSizeAs(events.toArray());
    }

    @Test
    void every_command_that_records_a_fact_is_in_the_catalogue() {
        List<Class<?>> factCommands = List.of(FactCommand.class.getPermittedSubclasses());
        assertThat(factCommands).allSatisfy(
                command -> assertThat(Arrays.stream(FactKind.values())
                                            .filter(k -> k.commandType().orElse(null) == command)).hasSize(1));
    }

    /** Persisted: stored events and corrections carry these names. Changing one orphans stored history. */
    @Test
    void the_wire_names_are_the_ones_stored_since_the_first_release() {
        assertThat(Arrays.stream(FactKind.values()).map(FactKind::wireName)).containsExactly(
                "CaseOpened", "LetterReceived", "PrisonVisitLogged", "FamilyContacted", "LegalConsultationLogged",
                "OfficialLobbied", "PetitionFiled", "ClemencyGranted", "ClemencyDenied", "PersonReleased",
                "NoteAdded", "CaseClosed", "EntryCorrected", "EntryRetracted");
    }

    @Test
    void segments_and_wire_names_are_unique() {
        List<String> segments = Arrays.stream(FactKind.values()).flatMap(k -> k.segment().stream()).toList();
        assertThat(segments).doesNotHaveDuplicates();
        assertThat(Arrays.stream(FactKind.values()).map(FactKind::wireName).toList()).doesNotHaveDuplicates();
    }

    @ParameterizedTest
    @EnumSource(FactKind.class)
    void a_kind_is_found_from_its_event_and_its_wire_name(FactKind kind) {
        assertThat(FactKind.of(sample(kind))).isEqualTo(kind);
        assertThat(FactKind.byWireName(kind.wireName())).contains(kind);
    }

    /** The date field names the component of both the command and the event that holds the date. */
    @ParameterizedTest
    @EnumSource(FactKind.class)
    void the_date_field_is_a_date_of_the_command_and_the_event(FactKind kind) {
        kind.dateField().ifPresent(field -> {
            assertThat(component(kind.eventType(), field)).as("%s.%s", kind.eventType(), field).isNotNull();
            kind.commandType().ifPresent(command -> assertThat(component(command, field)).isNotNull());
            assertThat(sample(kind).occurredOn()).isNotNull();
        });
        if (kind.dateField().isEmpty()) {
            assertThat(sample(kind).occurredOn()).isNull();
        }
    }

    private static RecordComponent component(Class<?> type, String name) {
        return Arrays.stream(type.getRecordComponents()).filter(c -> c.getName().equals(name)).findFirst()
                     .orElse(null);
    }

    /** A kind that says it moves no status leaves every status as it is. */
    @ParameterizedTest
    @EnumSource(FactKind.class)
    void kinds_that_move_no_status_leave_every_status_alone(FactKind kind) {
        if (!kind.movesStatus()) {
            for (CaseStatus status : CaseStatus.values()) {
                assertThat(status.after(sample(kind))).as("%s after %s", status, kind).isEqualTo(status);
            }
        }
    }

    @Test
    void only_facts_are_corrected_and_only_facts_that_move_no_status_are_retracted() {
        for (FactKind kind : FactKind.values()) {
            assertThat(kind.retractable()).as("%s", kind).isEqualTo(kind.correctable() && !kind.movesStatus());
        }
        assertThat(FactKind.OPENED.correctable()).isFalse();
        assertThat(FactKind.CORRECTION.correctable()).isFalse();
        assertThat(FactKind.RETRACTION.correctable()).isFalse();
    }

    /** Axon routes a command by its type: each command of the catalogue needs a handler of its own on the case. */
    @Test
    void the_case_handles_every_command_of_the_catalogue() {
        Set<Class<?>> handled = Arrays.stream(Case.class.getDeclaredMethods())
                                      .filter(m -> m.isAnnotationPresent(CommandHandler.class))
                                      .map(Method::getParameterTypes).map(types -> types[0])
                                      .collect(Collectors.toSet());
        assertThat(handled).containsAll(Arrays.stream(FactKind.values()).flatMap(k -> k.commandType().stream())
                                              .toList());
    }
}
