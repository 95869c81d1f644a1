package org.freedomcampaigns.tracker.projections.timeline;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.freedomcampaigns.tracker.facts.CaseEvent;
import org.freedomcampaigns.tracker.facts.CaseEvent.EntryCorrected;
import org.freedomcampaigns.tracker.facts.CaseEvent.EntryRetracted;
import org.freedomcampaigns.tracker.facts.CaseId;
import org.freedomcampaigns.tracker.facts.Corrections;
import org.freedomcampaigns.tracker.facts.Corrections.Mark;
import org.freedomcampaigns.tracker.facts.Corrections.Standing;
import org.freedomcampaigns.tracker.facts.FactKind;
import org.freedomcampaigns.tracker.projections.support.RecordDocuments;
import org.freedomcampaigns.tracker.projections.timeline.TimelineEntry.Recorded;

/** The timeline's pure functions: the entry an event records, and a case's entries as clients see them. */
final class TimelineEntries {
    private TimelineEntries() {
    }

    /** The entry an event records; a fact without a date of its own is dated on the day it was recorded, in UTC. */
    static Recorded entryFor(CaseEvent event, long sequence, Instant recordedAt) {
        LocalDate occurredOn = event.occurredOn() != null
                ? event.occurredOn() : LocalDate.ofInstant(recordedAt, ZoneOffset.UTC);
        return new Recorded(sequence, occurredOn, recordedAt.toString(), FactKind.of(event).wireName(),
                            TimelineSummaries.of(event), RecordDocuments.toDocument((Record) event, "caseId"));
    }

    /** A case's entries in order of occurrence, then of recording, each marked as its corrections say. */
    static List<TimelineEntry> view(CaseId caseId, List<Recorded> recorded) {
        TreeMap<Long, CaseEvent> corrections = new TreeMap<>();
        for (Recorded entry : recorded) {
            correction(caseId, entry).ifPresent(c -> corrections.put(entry.sequence(), c));
        }
        Map<Long, Mark> marks = Corrections.marks(corrections);
        return recorded.stream()
                       .map(entry -> marked(entry, marks.get(entry.sequence())))
                       .sorted(Comparator.comparing(TimelineEntry::occurredOn)
                                         .thenComparingLong(TimelineEntry::sequence))
                       .toList();
    }

    private static TimelineEntry marked(Recorded entry, Mark mark) {
        Standing standing = mark == null ? Standing.RECORDED : mark.standing();
        Long by = mark == null ? null : mark.by();
        return new TimelineEntry(entry.sequence(), entry.occurredOn(), entry.recordedAt(), entry.kind(),
                                 entry.summary(), entry.details(), standing.name().toLowerCase(Locale.ROOT),
                                 standing == Standing.CORRECTED ? by : null,
                                 standing == Standing.RETRACTED ? by : null,
                                 mark == null ? null : mark.corrects());
    }

    /** A correction or retraction entry as the event it shows, read back from its details. */
    private static Optional<CaseEvent> correction(CaseId caseId, Recorded entry) {
        Map<String, Object> details = entry.details();
        return switch (FactKind.byWireName(entry.kind()).orElseThrow()) {
            case CORRECTION -> Optional.of(new EntryCorrected(
                    caseId, number(details, "correctedSequence"), (String) details.get("correctedKind"),
                    (String) details.get("reason"), number(details, "replacementSequence")));
            case RETRACTION -> Optional.of(new EntryRetracted(
                    caseId, number(details, "retractedSequence"), (String) details.get("retractedKind"),
                    (String) details.get("reason")));
            default -> Optional.empty();
        };
    }

    private static long number(Map<String, Object> details, String key) {
        return ((Number) details.get(key)).longValue();
    }
}
