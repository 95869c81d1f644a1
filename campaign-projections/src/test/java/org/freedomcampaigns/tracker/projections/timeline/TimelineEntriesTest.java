package org.freedomcampaigns.tracker.projections.timeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.freedomcampaigns.tracker.projections.TestEvents.CASE;
import static org.freedomcampaigns.tracker.projections.TestEvents.at;
import static org.freedomcampaigns.tracker.projections.TestEvents.day;
import static org.freedomcampaigns.tracker.projections.TestEvents.letter;
import static org.freedomcampaigns.tracker.projections.TestEvents.note;
import static org.freedomcampaigns.tracker.projections.TestEvents.opened;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.freedomcampaigns.tracker.facts.CaseEvent;
import org.freedomcampaigns.tracker.facts.CaseEvent.EntryCorrected;
import org.freedomcampaigns.tracker.facts.CaseEvent.EntryRetracted;
import org.freedomcampaigns.tracker.projections.timeline.TimelineEntry.Recorded;
import org.junit.jupiter.api.Test;

/** {@link TimelineEntries}: the entry each event records and the marks corrections put on them, without a database. */
class TimelineEntriesTest {

    private static List<TimelineEntry> timelineOf(CaseEvent... events) {
        List<Recorded> recorded = new ArrayList<>();
        for (int sequence = 0; sequence < events.length; sequence++) {
            recorded.add(TimelineEntries.entryFor(events[sequence], sequence, at(sequence)));
        }
        return TimelineEntries.view(CASE, recorded);
    }

    @Test
    void an_entry_holds_the_fact_its_kind_and_a_summary() {
        Recorded entry = TimelineEntries.entryFor(letter(CASE, day("2026-05-20")), 1,
                                                  Instant.parse("2026-06-01T12:34:56.789Z"));

        assertThat(entry.kind()).isEqualTo("LetterReceived");
        assertThat(entry.occurredOn()).isEqualTo(day("2026-05-20"));
        assertThat(entry.recordedAt()).isEqualTo("2026-06-01T12:34:56.789Z");
        assertThat(entry.summary()).startsWith("Letter from ");
        assertThat(entry.details()).containsKeys("receivedOn", "from", "summary").doesNotContainKey("caseId");
    }

    @Test
    void a_fact_without_a_date_of_its_own_is_dated_on_the_day_it_was_recorded_in_utc() {
        Recorded entry = TimelineEntries.entryFor(note(CASE), 2, Instant.parse("2026-06-01T23:30:00-02:00"));

        assertThat(entry.occurredOn()).isEqualTo(LocalDate.of(2026, 6, 2));
    }

    @Test
    void entries_are_in_order_of_occurrence_then_of_sequence_and_marked_as_corrections_say() {
        List<TimelineEntry> entries = timelineOf(
                opened(CASE),                                                   // 0, 2026-01-15
                letter(CASE, day("2026-03-01")),                                // 1
                letter(CASE, day("2026-02-01")),                                // 2
                new EntryCorrected(CASE, 1, "LetterReceived", "wrong date", 4),   // 3, recorded day
                letter(CASE, day("2026-02-15")),                                // 4
                new EntryRetracted(CASE, 2, "LetterReceived", "another case's")); // 5, recorded day

        assertThat(entries).extracting(TimelineEntry::sequence).containsExactly(0L, 2L, 4L, 1L, 3L, 5L);
        assertThat(entries).filteredOn(e -> e.sequence() == 1).singleElement()
                           .satisfies(e -> assertThat(e.status()).isEqualTo("corrected"))
                           .satisfies(e -> assertThat(e.correctedBy()).isEqualTo(4));
        assertThat(entries).filteredOn(e -> e.sequence() == 4).singleElement()
                           .satisfies(e -> assertThat(e.corrects()).isEqualTo(1))
                           .satisfies(e -> assertThat(e.status()).isEqualTo("recorded"));
        assertThat(entries).filteredOn(e -> e.sequence() == 2).singleElement()
                           .satisfies(e -> assertThat(e.status()).isEqualTo("retracted"))
                           .satisfies(e -> assertThat(e.retractedBy()).isEqualTo(5));
        assertThat(entries).filteredOn(e -> e.sequence() == 0).singleElement()
                           .satisfies(e -> assertThat(e.correctedBy()).isNull())
                           .satisfies(e -> assertThat(e.retractedBy()).isNull())
                           .satisfies(e -> assertThat(e.corrects()).isNull());
    }
}
