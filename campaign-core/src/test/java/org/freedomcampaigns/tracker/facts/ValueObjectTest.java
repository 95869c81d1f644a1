package org.freedomcampaigns.tracker.facts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.api.Named.named;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Shape checks of value objects and commands: a bad value never becomes a message, and the field is named. */
class ValueObjectTest {
    private static final CaseId CASE = new CaseId("case-0001");
    private static final LocalDate DAY = LocalDate.of(2026, 5, 20);

    private static String ofLength(int length) {
        return "x".repeat(length);
    }

    static Stream<Arguments> invalidInputs() {
        return Stream.of(
                invalid("blank person name", "person.name",
                        () -> new Person("  ", null, "FCI Aliceville", "US federal")),
                invalid("null person name", "person.name",
                        () -> new Person(null, null, "FCI Aliceville", "US federal")),
                invalid("oversized person name", "person.name",
                        () -> new Person(ofLength(Limits.NAME + 1), null, "FCI Aliceville", "US federal")),
                invalid("oversized inmate number", "person.inmateNumber",
                        () -> new Person("Maria Alvarez", ofLength(Limits.LABEL + 1), "FCI Aliceville", "US federal")),
                invalid("blank facility", "person.facility",
                        () -> new Person("Maria Alvarez", null, "\t", "US federal")),
                invalid("oversized person jurisdiction", "person.jurisdiction",
                        () -> new Person("Maria Alvarez", null, "FCI Aliceville", ofLength(Limits.LABEL + 1))),
                invalid("blank official name", "official.name",
                        () -> new Official("", "Governor", "Texas")),
                invalid("oversized official name", "official.name",
                        () -> new Official(ofLength(Limits.NAME + 1), "Governor", "Texas")),
                invalid("blank office", "official.office",
                        () -> new Official("Jane Roe", " ", "Texas")),
                invalid("oversized office", "official.office",
                        () -> new Official("Jane Roe", ofLength(Limits.NAME + 1), "Texas")),
                invalid("blank official jurisdiction", "official.jurisdiction",
                        () -> new Official("Jane Roe", "Governor", null)),
                invalid("oversized official jurisdiction", "official.jurisdiction",
                        () -> new Official("Jane Roe", "Governor", ofLength(Limits.LABEL + 1))),
                invalid("blank sentence", "sentence.description",
                        () -> new Sentence(" ", true, null)),
                invalid("oversized sentence", "sentence.description",
                        () -> new Sentence(ofLength(Limits.LINE + 1), true, null)),
                invalid("blank case id", "caseId", () -> new CaseId(" ")),
                invalid("oversized campaign id", "campaignId", () -> new CampaignId(ofLength(Limits.LABEL + 1))),
                invalid("blank campaign name", "name",
                        () -> new CampaignCommand.LaunchCampaign(new CampaignId("c"), "  ", null)),
                invalid("oversized campaign description", "description",
                        () -> new CampaignCommand.LaunchCampaign(new CampaignId("c"), "n", ofLength(Limits.TEXT + 1))),
                invalid("null campaign id", "campaignId",
                        () -> new CampaignCommand.LaunchCampaign(null, "n", null)),
                invalid("open case without person", "person",
                        () -> new CaseCommand.OpenCase(CASE, new CampaignId("c"), null,
                                                       new Sentence("life", true, null), "offense", DAY)),
                invalid("oversized offense", "offense",
                        () -> new CaseCommand.OpenCase(CASE, new CampaignId("c"),
                                                       new Person("Maria Alvarez", null, "FCI", "US"),
                                                       new Sentence("life", true, null), ofLength(Limits.LINE + 1),
                                                       DAY)),
                invalid("letter without date", "receivedOn",
                        () -> new CaseCommand.RecordLetter(CASE, null, "Maria", "summary")),
                invalid("letter from nobody", "from",
                        () -> new CaseCommand.RecordLetter(CASE, DAY, " ", "summary")),
                invalid("oversized letter summary", "summary",
                        () -> new CaseCommand.RecordLetter(CASE, DAY, "Maria", ofLength(Limits.TEXT + 1))),
                invalid("too many visitors", "visitors",
                        () -> new CaseCommand.LogPrisonVisit(CASE, DAY, "FCI",
                                                             Collections.nCopies(Limits.VISITORS + 1, "Ana"), null)),
                invalid("blank visitor", "visitors",
                        () -> new CaseCommand.LogPrisonVisit(CASE, DAY, "FCI", List.of("Ana", " "), null)),
                invalid("lobbying without official", "official",
                        () -> new CaseCommand.RecordLobbying(CASE, DAY, null, LobbyChannel.CALL, "ask", null)),
                invalid("blank petition id", "petitionId",
                        () -> new CaseCommand.FilePetition(CASE, "", DAY, PetitionKind.PARDON, "Governor")),
                invalid("grant without kind", "kind",
                        () -> new CaseCommand.RecordClemencyGrant(CASE, DAY, "Governor", null, null)),
                invalid("release without reason", "reason",
                        () -> new CaseCommand.RecordRelease(CASE, DAY, null)),
                invalid("blank note", "text", () -> new CaseCommand.AddNote(CASE, "   ")),
                invalid("oversized note", "text", () -> new CaseCommand.AddNote(CASE, ofLength(Limits.TEXT + 1))),
                invalid("note without case", "caseId", () -> new CaseCommand.AddNote(null, "text")),
                invalid("close without reason", "reason", () -> new CaseCommand.CloseCase(CASE, DAY, " ")));
    }

    private static Arguments invalid(String what, String field, ThrowingCallable construction) {
        return arguments(named(what, construction), field);
    }

    @ParameterizedTest(name = "{0} names {1}")
    @MethodSource("invalidInputs")
    void invalid_input_is_rejected_and_names_its_field(ThrowingCallable construction, String field) {
        InvalidInputException thrown = catchThrowableOfType(InvalidInputException.class, construction);

        assertThat(thrown).as("expected an InvalidInputException").isNotNull();
        assertThat(thrown.field()).isEqualTo(field);
        assertThat(thrown.getMessage()).startsWith(field + " ");
    }

    @Test
    void text_at_the_limit_is_accepted() {
        Person person = new Person(ofLength(Limits.NAME), ofLength(Limits.LABEL), ofLength(Limits.NAME),
                                   ofLength(Limits.LABEL));
        Official official = new Official(ofLength(Limits.NAME), ofLength(Limits.NAME), ofLength(Limits.LABEL));

        assertThat(person.name()).hasSize(Limits.NAME);
        assertThat(official.jurisdiction()).hasSize(Limits.LABEL);
        assertThat(new CaseCommand.AddNote(CASE, ofLength(Limits.TEXT)).text()).hasSize(Limits.TEXT);
    }

    @Test
    void the_limit_applies_to_the_stripped_text() {
        String padded = "  " + ofLength(Limits.NAME) + "  ";

        assertThat(new Official(padded, "Governor", "Texas").name()).isEqualTo(ofLength(Limits.NAME));
    }

    @Test
    void text_is_stripped_and_blank_optional_text_is_absent() {
        Person person = new Person("  Maria Alvarez ", "  ", " FCI Aliceville", "US federal\n");

        assertThat(person).isEqualTo(new Person("Maria Alvarez", null, "FCI Aliceville", "US federal"));
        assertThat(person.inmateNumber()).isNull();
    }

    @Test
    void a_visit_without_named_visitors_has_an_empty_list() {
        assertThat(new CaseCommand.LogPrisonVisit(CASE, DAY, "FCI", null, null).visitors()).isEmpty();
    }

    @Test
    void the_visitors_cannot_be_changed_after_the_fact() {
        List<String> visitors = new ArrayList<>(List.of("Ana"));
        CaseCommand.LogPrisonVisit visit = new CaseCommand.LogPrisonVisit(CASE, DAY, "FCI", visitors, null);
        visitors.add("Tom");

        assertThat(visit.visitors()).containsExactly("Ana");
    }

    @Test
    void the_reason_is_the_message_without_the_field() {
        InvalidInputException e = new InvalidInputException("person.name", "must not be blank");

        assertThat(e.getMessage()).isEqualTo("person.name must not be blank");
        assertThat(e.reason()).isEqualTo("must not be blank");
    }
}
