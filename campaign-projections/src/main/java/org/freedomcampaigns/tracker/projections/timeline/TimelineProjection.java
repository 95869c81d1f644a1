package org.freedomcampaigns.tracker.projections.timeline;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.LongStream;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.bson.Document;
import org.freedomcampaigns.tracker.facts.CaseEvent;
import org.freedomcampaigns.tracker.facts.CaseEvent.EntryCorrected;
import org.freedomcampaigns.tracker.facts.CaseEvent.EntryRetracted;
import org.freedomcampaigns.tracker.facts.CaseId;
import org.freedomcampaigns.tracker.facts.Corrections;
import org.freedomcampaigns.tracker.facts.Corrections.Mark;
import org.freedomcampaigns.tracker.facts.Corrections.Standing;
import org.freedomcampaigns.tracker.facts.FactKind;
import org.freedomcampaigns.tracker.projections.support.CaseProgress;
import org.freedomcampaigns.tracker.projections.support.DocumentWrites;
import org.freedomcampaigns.tracker.projections.support.Documents;
import org.freedomcampaigns.tracker.projections.support.RecordDocuments;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;

/**
 * The timeline read model: an entry per recorded fact (sequence, the date it happened, the time it was recorded,
 * kind, a one-line summary and the details). Entries are returned in order of occurrence; facts of the same day keep
 * the order they were recorded in.
 *
 * <p>Each entry is a document of its own, keyed by case and sequence number, and never changes once written; a small
 * document per case holds {@code version}, the sequence number of the last event applied. So recording a fact costs
 * the same on a case of ten thousand entries as on a new one (one growing document would be rewritten whole by the
 * embedded server on every append), and reading a timeline asks for its entries by their exact ids — the only
 * lookups the embedded server serves from an index.
 *
 * <p>Idempotent: an event whose sequence number is not above the stored version is skipped; an entry delivered again
 * (its batch failed after the entries were written) is found there already and left as it is. Entries are written
 * before the version.
 */
@ProcessingGroup(TimelineProjection.NAME)
public class TimelineProjection implements CaseProgress {
    public static final String NAME = "case-timeline";
    /** One document per case: {@code version}. */
    public static final String COLLECTION = "case_timelines";
    /** One document per entry. */
    public static final String ENTRIES_COLLECTION = "case_timeline_entries";

    private final MongoCollection<Document> timelines;
    private final MongoCollection<Document> entries;
    private final DocumentWrites timelineWrites;
    private final DocumentWrites entryWrites;

    public TimelineProjection(MongoDatabase database) {
        this.timelines = database.getCollection(COLLECTION);
        this.entries = database.getCollection(ENTRIES_COLLECTION);
        this.entryWrites = new DocumentWrites(entries, 0);
        this.timelineWrites = new DocumentWrites(timelines, 1).prefetching(CaseProgress::caseIdOf);
    }

    @EventHandler
    void on(CaseEvent event, @SequenceNumber long sequence, @Timestamp Instant recordedAt) {
        String id = event.caseId().value();
        Document timeline = timelineWrites.find(id);
        if (Documents.longValue(timeline, "version", -1) >= sequence) {
            return;
        }
        LocalDate occurredOn = event.occurredOn() != null
                ? event.occurredOn() : LocalDate.ofInstant(recordedAt, ZoneOffset.UTC);
        Document entry = new Document("sequence", sequence)
                .append("occurredOn", occurredOn.toString())
                .append("recordedAt", recordedAt.toString())
                .append("kind", FactKind.of(event).wireName())
                .append("summary", TimelineSummaries.of(event))
                .append("details", RecordDocuments.toDocument((Record) event, "caseId"));
        entryWrites.insertOnce(Documents.eventKey(id, sequence), entry);
        timelineWrites.save(id, new Document("version", sequence));
    }

    @ResetHandler
    void reset() {
        timelines.deleteMany(new Document());
        entries.deleteMany(new Document());
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public long appliedSequence(CaseId caseId) {
        return Documents.longField(timelines, caseId.value(), "version", -1);
    }

    /**
     * The case's entries in order of occurrence, then of recording; empty if the case is unknown. Each says whether
     * it stands ({@code recorded}), was {@code corrected} (and by which entry) or {@code retracted}; a replacement
     * says which entry it corrects.
     */
    public Optional<List<Document>> entries(CaseId caseId) {
        Document timeline = Documents.byId(timelines, caseId.value());
        if (timeline == null) {
            return Optional.empty();
        }
        long version = Documents.longValue(timeline, "version", -1);
        List<String> ids = LongStream.rangeClosed(0, version).mapToObj(s -> Documents.eventKey(caseId.value(), s))
                                     .toList();
        List<Document> stored = new ArrayList<>();
        for (Document entry : Documents.byIds(entries, ids)) {
            entry.remove("_id");
            stored.add(entry);
        }
        return Optional.of(withCorrections(caseId, stored));
    }

    private static List<Document> withCorrections(CaseId caseId, List<Document> stored) {
        TreeMap<Long, CaseEvent> corrections = new TreeMap<>();
        for (Document entry : stored) {
            correction(caseId, entry).ifPresent(c -> corrections.put(Documents.longValue(entry, "sequence", -1), c));
        }
        Map<Long, Mark> marks = Corrections.marks(corrections);
        for (Document entry : stored) {
            Mark mark = marks.get(Documents.longValue(entry, "sequence", -1));
            Standing standing = mark == null ? Standing.RECORDED : mark.standing();
            entry.put("status", standing.name().toLowerCase(Locale.ROOT));
            if (mark != null && mark.by() != null) {
                entry.put(standing == Standing.CORRECTED ? "correctedBy" : "retractedBy", mark.by());
            }
            if (mark != null && mark.corrects() != null) {
                entry.put("corrects", mark.corrects());
            }
        }
        return stored.stream()
                     .sorted(Comparator.comparing((Document e) -> e.getString("occurredOn"))
                                       .thenComparing(e -> Documents.longValue(e, "sequence", 0)))
                     .toList();
    }

    /** A correction or retraction entry as the event it shows, read back from its details. */
    private static Optional<CaseEvent> correction(CaseId caseId, Document entry) {
        Document details = entry.get("details", Document.class);
        return switch (FactKind.byWireName(entry.getString("kind")).orElseThrow()) {
            case CORRECTION -> Optional.of(new EntryCorrected(
                    caseId, Documents.longValue(details, "correctedSequence", -1), details.getString("correctedKind"),
                    details.getString("reason"), Documents.longValue(details, "replacementSequence", -1)));
            case RETRACTION -> Optional.of(new EntryRetracted(
                    caseId, Documents.longValue(details, "retractedSequence", -1), details.getString("retractedKind"),
                    details.getString("reason")));
            default -> Optional.empty();
        };
    }
}
