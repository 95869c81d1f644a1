package org.freedomcampaigns.tracker.facts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.freedomcampaigns.tracker.casefile.CaseEvents.CASE;
import static org.freedomcampaigns.tracker.casefile.CaseEvents.FACT_DATE;
import static org.freedomcampaigns.tracker.casefile.CaseEvents.granted;
import static org.freedomcampaigns.tracker.casefile.CaseEvents.letter;
import static org.freedomcampaigns.tracker.casefile.CaseEvents.opened;

import java.util.Map;
import java.util.TreeMap;

import org.freedomcampaigns.tracker.facts.CaseEvent.EntryCorrected;
import org.freedomcampaigns.tracker.facts.CaseEvent.EntryRetracted;
import org.freedomcampaigns.tracker.facts.Corrections.Counted;
import org.freedomcampaigns.tracker.facts.Corrections.Mark;
import org.freedomcampaigns.tracker.facts.Corrections.Standing;
import org.freedomcampaigns.tracker.facts.Corrections.Withdrawn;
import org.junit.jupiter.api.Test;

/** {@link Corrections}: the one statement of what corrections and retractions do to a case's entries. */
class CorrectionsTest {

    @Test
    void a_fact_counts_and_moves_the_status_as_its_kind_says() {
        assertThat(Corrections.effectOf(granted(CASE, FACT_DATE), false))
                .isEqualTo(new Counted(FactKind.CLEMENCY_GRANT, granted(CASE, FACT_DATE), false))
                .satisfies(effect -> assertThat(((Counted) effect).movesStatus()).isTrue());
        assertThat(((Counted) Corrections.effectOf(letter(CASE, FACT_DATE), false)).movesStatus()).isFalse();
        assertThat(((Counted) Corrections.effectOf(opened(CASE), false)).movesStatus()).isTrue();
    }

    @Test
    void a_correction_withdraws_its_entry_and_its_replacement_counts_without_moving_the_status() {
        EntryCorrected correction = new EntryCorrected(CASE, 3, "ClemencyGranted", "wrong date", 5);

        assertThat(Corrections.effectOf(correction, false))
                .isEqualTo(new Withdrawn(3, FactKind.CLEMENCY_GRANT, false));
        assertThat(Corrections.replacingAfter(correction)).isTrue();
        Counted replacement = (Counted) Corrections.effectOf(granted(CASE, FACT_DATE), true);
        assertThat(replacement.replacement()).isTrue();
        assertThat(replacement.movesStatus()).isFalse();
        assertThat(Corrections.replacingAfter(granted(CASE, FACT_DATE))).isFalse();
    }

    @Test
    void a_retraction_withdraws_its_entry_with_nothing_in_its_place() {
        EntryRetracted retraction = new EntryRetracted(CASE, 1, "LetterReceived", "another case's letter");

        assertThat(Corrections.effectOf(retraction, false)).isEqualTo(new Withdrawn(1, FactKind.LETTER, true));
        assertThat(Corrections.replacingAfter(retraction)).isFalse();
    }

    @Test
    void marks_say_which_entries_stand_and_what_took_their_place() {
        TreeMap<Long, CaseEvent> events = new TreeMap<>(Map.of(
                0L, opened(CASE),
                1L, letter(CASE, FACT_DATE),
                2L, letter(CASE, FACT_DATE),
                3L, new EntryCorrected(CASE, 1, "LetterReceived", "wrong date", 4),
                4L, letter(CASE, FACT_DATE),
                5L, new EntryRetracted(CASE, 4, "LetterReceived", "not ours after all"),
                6L, new EntryRetracted(CASE, 2, "LetterReceived", "duplicate")));

        Map<Long, Mark> marks = Corrections.marks(events);

        assertThat(marks).containsOnlyKeys(1L, 2L, 4L);
        assertThat(marks.get(1L)).isEqualTo(new Mark(Standing.CORRECTED, 4L, null));
        assertThat(marks.get(2L)).isEqualTo(new Mark(Standing.RETRACTED, 6L, null));
        // a replacement retracted in turn still says which entry it replaced
        assertThat(marks.get(4L)).isEqualTo(new Mark(Standing.RETRACTED, 5L, 1L));
    }

    @Test
    void marks_need_only_the_corrections() {
        TreeMap<Long, CaseEvent> corrections = new TreeMap<>(Map.of(
                3L, new EntryCorrected(CASE, 1, "LetterReceived", "wrong date", 4)));

        assertThat(Corrections.marks(corrections)).isEqualTo(Map.of(
                1L, new Mark(Standing.CORRECTED, 4L, null),
                4L, new Mark(Standing.RECORDED, null, 1L)));
    }
}
