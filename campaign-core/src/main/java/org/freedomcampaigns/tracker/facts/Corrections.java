package org.freedomcampaigns.tracker.facts;

import java.util.HashMap;
import java.util.Map;
import java.util.SortedMap;

import org.freedomcampaigns.tracker.facts.CaseEvent.EntryCorrected;
import org.freedomcampaigns.tracker.facts.CaseEvent.EntryRetracted;

/**
 * What corrections do to a case's entries, written once for the aggregate and every read model.
 *
 * <p>A correction ({@link EntryCorrected}) withdraws the entry it corrects, and the event right after it is the
 * replacement: of the same kind, it counts in the entry's place but moves neither the status nor the once-only
 * rules (correcting the date of a grant is not a second grant). A retraction ({@link EntryRetracted}) withdraws an
 * entry with nothing in its place. Nothing is edited: both entries stay in the history.
 *
 * <p>Read one event at a time, the fold's whole state is whether the next event is a replacement
 * ({@link #replacingAfter}), which read models keep beside their view.
 */
public final class Corrections {
    private Corrections() {
    }

    /** What one event does to the case's entries. */
    public sealed interface Effect {
    }

    /**
     * The event counts from now on: a fact in its own right, or the replacement of an entry just withdrawn.
     *
     * @param replacement true if it takes the place of a corrected entry
     */
    public record Counted(FactKind kind, CaseEvent fact, boolean replacement) implements Effect {
        /** Whether it moves the status and the once-only rules: a replacement only takes an entry's place. */
        public boolean movesStatus() {
            return !replacement && kind.movesStatus();
        }
    }

    /**
     * An earlier entry no longer counts.
     *
     * @param sequence  the entry's sequence number
     * @param kind      its kind
     * @param retracted true if nothing takes its place; false if the next event replaces it
     */
    public record Withdrawn(long sequence, FactKind kind, boolean retracted) implements Effect {
    }

    /**
     * The effect of the next event of a case.
     *
     * @param replacing what {@link #replacingAfter} said of the event before it
     */
    public static Effect effectOf(CaseEvent event, boolean replacing) {
        if (event instanceof EntryCorrected correction) {
            return new Withdrawn(correction.correctedSequence(), kindNamed(correction.correctedKind()), false);
        }
        if (event instanceof EntryRetracted retraction) {
            return new Withdrawn(retraction.retractedSequence(), kindNamed(retraction.retractedKind()), true);
        }
        return new Counted(FactKind.of(event), event, replacing);
    }

    /** Whether the event after this one replaces a corrected entry. */
    public static boolean replacingAfter(CaseEvent event) {
        return event instanceof EntryCorrected;
    }

    private static FactKind kindNamed(String wireName) {
        return FactKind.byWireName(wireName)
                       .orElseThrow(() -> new IllegalStateException("a correction names an unknown kind: " + wireName));
    }

    /** Where an entry stands once the case's corrections are applied. */
    public enum Standing {
        RECORDED, CORRECTED, RETRACTED
    }

    /**
     * An entry a correction touched.
     *
     * @param standing whether it still counts
     * @param by       the correction or retraction that withdrew it, or null
     * @param corrects the entry it replaces, if it is a replacement, or null
     */
    public record Mark(Standing standing, Long by, Long corrects) {
    }

    /**
     * The entries of a case that corrections touched, by sequence number; every other entry stands as recorded.
     *
     * @param events the case's events by sequence number: all of them, or only its corrections and retractions
     */
    public static Map<Long, Mark> marks(SortedMap<Long, ? extends CaseEvent> events) {
        Map<Long, Mark> marks = new HashMap<>();
        events.forEach((sequence, event) -> {
            if (event instanceof EntryCorrected correction) {
                withdraw(marks, correction.correctedSequence(), Standing.CORRECTED, correction.replacementSequence());
                marks.put(correction.replacementSequence(), new Mark(Standing.RECORDED, null,
                                                                     correction.correctedSequence()));
            } else if (event instanceof EntryRetracted retraction) {
                withdraw(marks, retraction.retractedSequence(), Standing.RETRACTED, sequence);
            }
        });
        return marks;
    }

    /** A replacement that is withdrawn in turn still says which entry it replaced. */
    private static void withdraw(Map<Long, Mark> marks, long sequence, Standing standing, long by) {
        Mark earlier = marks.get(sequence);
        marks.put(sequence, new Mark(standing, by, earlier == null ? null : earlier.corrects()));
    }
}
