package org.freedomcampaigns.tracker.projections.timeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.freedomcampaigns.tracker.projections.TestEvents.CAMPAIGN;
import static org.freedomcampaigns.tracker.projections.TestEvents.CASE;
import static org.freedomcampaigns.tracker.projections.TestEvents.FACT_DATE;
import static org.freedomcampaigns.tracker.projections.TestEvents.LETTER_FROM;
import static org.freedomcampaigns.tracker.projections.TestEvents.LETTER_SUMMARY;
import static org.freedomcampaigns.tracker.projections.TestEvents.NOTE;
import static org.freedomcampaigns.tracker.projections.TestEvents.OFFENSE;
import static org.freedomcampaigns.tracker.projections.TestEvents.OFFICIAL;
import static org.freedomcampaigns.tracker.projections.TestEvents.PERSON;
import static org.freedomcampaigns.tracker.projections.TestEvents.at;
import static org.freedomcampaigns.tracker.projections.TestEvents.closed;
import static org.freedomcampaigns.tracker.projections.TestEvents.day;
import static org.freedomcampaigns.tracker.projections.TestEvents.denied;
import static org.freedomcampaigns.tracker.projections.TestEvents.familyContacted;
import static org.freedomcampaigns.tracker.projections.TestEvents.granted;
import static org.freedomcampaigns.tracker.projections.TestEvents.legalConsultation;
import static org.freedomcampaigns.tracker.projections.TestEvents.letter;
import static org.freedomcampaigns.tracker.projections.TestEvents.lobbied;
import static org.freedomcampaigns.tracker.projections.TestEvents.note;
import static org.freedomcampaigns.tracker.projections.TestEvents.opened;
import static org.freedomcampaigns.tracker.projections.TestEvents.petitionFiled;
import static org.freedomcampaigns.tracker.projections.TestEvents.released;
import static org.freedomcampaigns.tracker.projections.TestEvents.visit;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.stream.LongStream;

import org.bson.Document;
import org.freedomcampaigns.tracker.facts.FactKind;
import org.freedomcampaigns.tracker.projections.support.RecordDocuments;
import org.freedomcampaigns.tracker.facts.CaseEvent;
import org.freedomcampaigns.tracker.facts.CaseEvent.CaseOpened;
import org.freedomcampaigns.tracker.facts.CaseEvent.ClemencyDenied;
import org.freedomcampaigns.tracker.facts.CaseEvent.LegalConsultationLogged;
import org.freedomcampaigns.tracker.facts.CaseEvent.LetterReceived;
import org.freedomcampaigns.tracker.facts.CaseEvent.OfficialLobbied;
import org.freedomcampaigns.tracker.facts.CaseEvent.PersonReleased;
import org.freedomcampaigns.tracker.facts.CaseEvent.PrisonVisitLogged;
import org.freedomcampaigns.tracker.facts.CaseId;
import org.freedomcampaigns.tracker.facts.LobbyChannel;
import org.freedomcampaigns.tracker.facts.ReleaseReason;
import org.freedomcampaigns.tracker.facts.Sentence;
import org.freedomcampaigns.tracker.projections.MongoTestBase;
import org.junit.jupiter.api.Test;

class TimelineProjectionTest extends MongoTestBase {
    private TimelineProjection projection;

    @Override
    protected void createProjections() {
        projection = new TimelineProjection(database);
    }

    /** The case's entries, each field by field as a client sees it (dates as ISO strings, absent marks left out). */
    private List<Document> entries() {
        return asClientsSeeThem(projection.entries(CASE).orElseThrow());
    }

    private static List<Document> asClientsSeeThem(List<TimelineEntry> entries) {
        return entries.stream().map(RecordDocuments::toDocument).peek(e -> e.values().removeIf(v -> v == null))
                      .toList();
    }

    private static List<Long> sequences(List<Document> entries) {
        return entries.stream().map(e -> ((Number) e.get("sequence")).longValue()).toList();
    }

    /** The summary of one event, as stored and read back. */
    private String summaryOf(CaseEvent event) {
        projection.on(event, projection.appliedSequence(event.caseId()) + 1, at(1));
        List<TimelineEntry> entries = projection.entries(event.caseId()).orElseThrow();
        return entries.stream().filter(e -> e.kind().equals(FactKind.of(event).wireName()))
                      .reduce((first, second) -> second).orElseThrow().summary();
    }

    @Test
    void entries_are_in_order_of_occurrence_then_of_sequence() {
        projection.on(opened(CASE), 0, at(0));                              // 2026-01-15
        projection.on(letter(CASE, day("2026-05-20")), 1, at(1));
        projection.on(visit(CASE, day("2026-03-01")), 2, at(2));
        projection.on(note(CASE), 3, Instant.parse("2026-06-01T09:00:00Z")); // 2026-06-01
        projection.on(familyContacted(CASE, day("2026-05-20")), 4, at(4));
        projection.on(legalConsultation(CASE, day("2026-03-01")), 10, at(10));
        projection.on(lobbied(CASE, day("2026-01-15")), 11, at(11));

        List<Document> entries = entries();
        assertThat(sequences(entries)).containsExactly(0L, 11L, 2L, 10L, 1L, 4L, 3L);
        assertThat(entries).extracting(e -> e.getString("occurredOn"))
                           .containsExactly("2026-01-15", "2026-01-15", "2026-03-01", "2026-03-01", "2026-05-20",
                                            "2026-05-20", "2026-06-01");
    }

    @Test
    void an_entry_records_sequence_dates_kind_summary_and_details() {
        projection.on(opened(CASE), 0, at(0));
        projection.on(letter(CASE, FACT_DATE), 1, Instant.parse("2026-06-01T12:34:56.789Z"));

        Document entry = entries().get(1);
        assertThat(entry).containsOnlyKeys("sequence", "occurredOn", "recordedAt", "kind", "summary", "details",
                                          "status");
        assertThat(entry.getString("status")).isEqualTo("recorded");
        assertThat(((Number) entry.get("sequence")).longValue()).isEqualTo(1);
        assertThat(entry.getString("occurredOn")).isEqualTo(FACT_DATE.toString());
        assertThat(entry.getString("recordedAt")).isEqualTo("2026-06-01T12:34:56.789Z");
        assertThat(entry.getString("kind")).isEqualTo("LetterReceived");
        assertThat(entry.getString("summary")).isEqualTo("Letter from " + LETTER_FROM + ": " + LETTER_SUMMARY);
    }

    @Test
    void a_note_is_dated_on_the_day_it_was_recorded_in_utc() {
        projection.on(opened(CASE), 0, at(0));
        projection.on(note(CASE), 1, Instant.parse("2026-06-01T23:59:59Z"));
        // recorded on the evening of 2026-06-01 in New York, which is already 2026-06-02 in UTC
        projection.on(note(CASE, "second"), 2, Instant.parse("2026-06-01T21:30:00-05:00"));

        List<Document> entries = entries();
        assertThat(entries.get(1).getString("occurredOn")).isEqualTo("2026-06-01");
        assertThat(entries.get(2).getString("occurredOn")).isEqualTo("2026-06-02");
    }

    @Test
    void redelivery_does_not_duplicate_entries() {
        CaseEvent letter = letter(CASE, FACT_DATE);
        projection.on(opened(CASE), 0, at(0));
        projection.on(letter, 1, at(1));
        projection.on(letter, 1, at(1));
        projection.on(note(CASE), 2, at(2));
        List<Document> before = entries();

        projection.on(note(CASE), 2, at(2));
        projection.on(letter, 1, at(1));
        projection.on(opened(CASE), 0, at(0));

        assertThat(entries()).isEqualTo(before);
        assertThat(sequences(entries())).containsExactly(0L, 1L, 2L);
        assertThat(projection.appliedSequence(CASE)).isEqualTo(2);
    }

    @Test
    void summaries_describe_each_kind_of_fact() {
        assertThat(summaryOf(opened(CASE))).isEqualTo("Case opened for Maria Alvarez (life without parole)");
        assertThat(summaryOf(letter(CASE, FACT_DATE)))
                .isEqualTo("Letter from Maria Alvarez: Thanks the team; asks for news about the petition.");
        assertThat(summaryOf(visit(CASE, FACT_DATE)))
                .isEqualTo("Prison visit at FCI Aliceville by Ana Ruiz, Tom Baker");
        assertThat(summaryOf(new PrisonVisitLogged(CASE, FACT_DATE, "FCI Dublin", List.of(), null)))
                .isEqualTo("Prison visit at FCI Dublin");
        assertThat(summaryOf(familyContacted(CASE, FACT_DATE)))
                .isEqualTo("Family contact with Lucia Alvarez (daughter)");
        assertThat(summaryOf(legalConsultation(CASE, FACT_DATE)))
                .isEqualTo("Legal consultation with Sam Hill (Clemency Project)");
        assertThat(summaryOf(new LegalConsultationLogged(CASE, FACT_DATE, "Kim Lee", null, null)))
                .isEqualTo("Legal consultation with Kim Lee");
        assertThat(summaryOf(lobbied(CASE, FACT_DATE)))
                .isEqualTo("Lobbied Jane Roe, Office of the Pardon Attorney (meeting): Support the commutation petition");
        assertThat(summaryOf(new OfficialLobbied(CASE, FACT_DATE, OFFICIAL, LobbyChannel.EMAIL, "Meet us", null)))
                .isEqualTo("Lobbied Jane Roe, Office of the Pardon Attorney (email): Meet us");
        assertThat(summaryOf(petitionFiled(CASE, FACT_DATE)))
                .isEqualTo("Petition for commutation filed with President of the United States");
        assertThat(summaryOf(denied(CASE, FACT_DATE)))
                .isEqualTo("Clemency denied by Office of the Pardon Attorney: insufficient time served");
        assertThat(summaryOf(new ClemencyDenied(CASE, FACT_DATE, "Governor", null)))
                .isEqualTo("Clemency denied by Governor");
        assertThat(summaryOf(granted(CASE, FACT_DATE)))
                .isEqualTo("Clemency granted (commutation) by President of the United States");
        assertThat(summaryOf(released(CASE, FACT_DATE))).isEqualTo("Released (clemency)");
        assertThat(summaryOf(new PersonReleased(CASE, FACT_DATE, ReleaseReason.SENTENCE_SERVED)))
                .isEqualTo("Released (sentence served)");
        assertThat(summaryOf(note(CASE))).isEqualTo("Note: " + NOTE);
        assertThat(summaryOf(closed(CASE, FACT_DATE))).isEqualTo("Case closed: released and resettled");
    }

    @Test
    void summaries_of_multi_line_text_are_one_line() {
        assertThat(summaryOf(note(CASE, "First line.\nSecond line.\r\n\tThird   line.")))
                .isEqualTo("Note: First line. Second line. Third line.");
        assertThat(summaryOf(new LetterReceived(CASE, FACT_DATE, "Ana", "Dear all,\n\nthank you.")))
                .isEqualTo("Letter from Ana: Dear all, thank you.");
        assertThat(summaryOf(new OfficialLobbied(CASE, FACT_DATE, OFFICIAL, LobbyChannel.CALL, "Please\nsupport",
                                                 null)))
                .endsWith("(call): Please support");
        assertThat(summaryOf(new ClemencyDenied(CASE, FACT_DATE, "Governor", "Too soon;\nreapply later")))
                .isEqualTo("Clemency denied by Governor: Too soon; reapply later");
        assertThat(summaryOf(new CaseEvent.CaseClosed(CASE, FACT_DATE, "resettled\nabroad")))
                .isEqualTo("Case closed: resettled abroad");
    }

    @Test
    void long_text_is_truncated_to_120_characters_with_an_ellipsis() {
        String exactly120 = "x".repeat(120);
        String longer = "y".repeat(119) + "z" + "w".repeat(300);

        assertThat(summaryOf(note(CASE, exactly120))).isEqualTo("Note: " + exactly120);
        String truncated = summaryOf(note(CASE, longer));
        assertThat(truncated).isEqualTo("Note: " + "y".repeat(119) + "…");
        assertThat(truncated.substring("Note: ".length())).hasSize(120);
        assertThat(summaryOf(new LetterReceived(CASE, FACT_DATE, "Ana", "word ".repeat(100))))
                .isEqualTo("Letter from Ana: " + ("word ".repeat(24) + "word").substring(0, 119) + "…");
    }

    @Test
    void truncation_does_not_split_a_character() {
        String text = "a".repeat(118) + "\uD83D\uDE00" + "b".repeat(20); // 😀 at UTF-16 indices 118-119

        String summary = summaryOf(note(CASE, text));

        assertThat(summary).doesNotContain("\uFFFD");
        assertThat(summary.codePoints().filter(cp -> Character.isSurrogate((char) cp) && cp <= 0xFFFF)).isEmpty();
        assertThat(summary).endsWith("…");
    }

    @Test
    void the_opening_summary_is_one_line_even_if_the_sentence_is_written_on_several_lines() {
        Sentence sentence = new Sentence("life without parole,\nplus 10 years " + "consecutive ".repeat(80), true,
                                         null);
        String summary = summaryOf(new CaseOpened(CASE, CAMPAIGN, PERSON, sentence, OFFENSE, day("2026-01-15")));

        assertThat(summary).doesNotContain("\n");
        assertThat(summary.length()).isLessThanOrEqualTo(200);
    }

    @Test
    void enum_labels_do_not_depend_on_the_default_locale() {
        Locale saved = Locale.getDefault();
        try {
            Locale.setDefault(Locale.forLanguageTag("tr-TR"));
            assertThat(TimelineSummaries.of(petitionFiled(CASE, FACT_DATE)))
                    .isEqualTo("Petition for commutation filed with President of the United States");
        } finally {
            Locale.setDefault(saved);
        }
    }

    @Test
    void details_hold_the_payload_without_the_case_id() {
        projection.on(opened(CASE), 0, at(0));
        projection.on(visit(CASE, FACT_DATE), 1, at(1));
        projection.on(note(CASE), 2, at(2));

        List<Document> entries = entries();
        assertThat(entries.get(0).get("details", Document.class)).isEqualTo(
                new Document("campaignId", CAMPAIGN.value())
                        .append("person", new Document("name", "Maria Alvarez").append("inmateNumber", "40123-112")
                                                  .append("facility", "FCI Aliceville")
                                                  .append("jurisdiction", "US federal"))
                        .append("sentence", new Document("description", "life without parole")
                                                    .append("lifeSentence", true).append("imposedOn", "2009-03-12"))
                        .append("offense", OFFENSE)
                        .append("openedOn", "2026-01-15"));
        assertThat(entries.get(1).get("details", Document.class)).isEqualTo(
                new Document("visitedOn", FACT_DATE.toString()).append("facility", "FCI Aliceville")
                        .append("visitors", List.of("Ana Ruiz", "Tom Baker"))
                        .append("notes", "In good spirits; needs reading glasses."));
        assertThat(entries.get(2).get("details", Document.class)).isEqualTo(new Document("text", NOTE));
        assertThat(entries).allSatisfy(e -> assertThat(e.get("details", Document.class)).doesNotContainKey("caseId"));
    }

    @Test
    void cases_have_separate_timelines() {
        CaseId other = new CaseId("case-0002");
        projection.on(opened(CASE), 0, at(0));
        projection.on(letter(CASE, FACT_DATE), 1, at(1));
        projection.on(opened(other), 0, at(2));

        assertThat(entries()).hasSize(2);
        assertThat(projection.entries(other).orElseThrow()).hasSize(1);
        assertThat(projection.appliedSequence(CASE)).isEqualTo(1);
        assertThat(projection.appliedSequence(other)).isZero();
    }

    @Test
    void an_unknown_case_has_no_timeline() {
        assertThat(projection.entries(new CaseId("no-such-case"))).isEmpty();
        assertThat(projection.appliedSequence(new CaseId("no-such-case"))).isEqualTo(-1);
    }

    @Test
    void reset_empties_the_read_model() {
        projection.on(opened(CASE), 0, at(0));
        projection.on(letter(CASE, FACT_DATE), 1, at(1));

        projection.reset();

        assertThat(projection.entries(CASE)).isEmpty();
        assertThat(projection.appliedSequence(CASE)).isEqualTo(-1);
        assertThat(database.getCollection(TimelineProjection.COLLECTION).countDocuments()).isZero();
        assertThat(database.getCollection(TimelineProjection.ENTRIES_COLLECTION).countDocuments()).isZero();
    }

    @Test
    void a_long_timeline_is_read_whole_and_in_order() {
        projection.on(opened(CASE), 0, at(0));
        for (int sequence = 1; sequence <= 250; sequence++) {
            projection.on(letter(CASE, FACT_DATE), sequence, at(sequence));
        }

        List<Document> entries = entries();

        assertThat(entries).extracting(e -> e.getLong("sequence"))
                           .containsExactlyElementsOf(LongStream.rangeClosed(0, 250).boxed().toList());
        assertThat(entries).allSatisfy(e -> assertThat(e).doesNotContainKey("_id"));
    }
}
