package org.freedomcampaigns.tracker.projections.timeline;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.bson.Document;
import org.freedomcampaigns.tracker.api.CaseEvent;
import org.freedomcampaigns.tracker.api.CaseId;
import org.freedomcampaigns.tracker.projections.support.CaseProgress;
import org.freedomcampaigns.tracker.projections.support.DocumentWrites;
import org.freedomcampaigns.tracker.projections.support.Documents;
import org.freedomcampaigns.tracker.projections.support.RecordDocuments;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;

/**
 * The timeline read model: one document per case holding an entry per recorded fact (sequence, the date it
 * happened, the time it was recorded, kind, a one-line summary and the details). Entries are returned in order of
 * occurrence; facts of the same day keep the order they were recorded in.
 *
 * <p>One document per case keeps every read and write on the {@code _id} index, which is all the embedded server
 * can use. Idempotent: an event whose sequence number is not above the stored version is skipped.
 */
@ProcessingGroup(TimelineProjection.NAME)
public class TimelineProjection implements CaseProgress {
    public static final String NAME = "case-timeline";
    public static final String COLLECTION = "case_timelines";

    private final MongoCollection<Document> timelines;
    private final DocumentWrites writes;

    public TimelineProjection(MongoDatabase database) {
        this.timelines = database.getCollection(COLLECTION);
        this.writes = new DocumentWrites(timelines);
    }

    @EventHandler
    void on(CaseEvent event, @SequenceNumber long sequence, @Timestamp Instant recordedAt) {
        String id = event.caseId().value();
        Object pending = writes.pendingValue(id, "version");
        long applied = pending != null ? ((Number) pending).longValue() : appliedSequence(event.caseId());
        if (applied >= sequence) {
            return;
        }
        LocalDate occurredOn = event.occurredOn() != null
                ? event.occurredOn() : LocalDate.ofInstant(recordedAt, ZoneOffset.UTC);
        Document entry = new Document("sequence", sequence)
                .append("occurredOn", occurredOn.toString())
                .append("recordedAt", recordedAt.toString())
                .append("kind", event.getClass().getSimpleName())
                .append("summary", TimelineSummaries.of(event))
                .append("details", RecordDocuments.toDocument((Record) event, "caseId"));
        writes.append(id, "entries", entry, "version", sequence);
    }

    @ResetHandler
    void reset() {
        timelines.deleteMany(new Document());
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
        return Optional.ofNullable(Documents.byId(timelines, caseId.value()))
                       .map(timeline -> withCorrections(timeline.getList("entries", Document.class)));
    }

    private static List<Document> withCorrections(List<Document> stored) {
        Map<Long, Document> bySequence = new HashMap<>();
        for (Document entry : stored) {
            entry.put("status", "recorded");
            bySequence.put(Documents.longValue(entry, "sequence", -1), entry);
        }
        for (Document entry : stored) {
            Document details = entry.get("details", Document.class);
            if ("EntryCorrected".equals(entry.getString("kind"))) {
                long corrected = Documents.longValue(details, "correctedSequence", -1);
                long replacement = Documents.longValue(details, "replacementSequence", -1);
                mark(bySequence.get(corrected), "corrected", "correctedBy", replacement);
                Document replacing = bySequence.get(replacement);
                if (replacing != null) {
                    replacing.put("corrects", corrected);
                }
            } else if ("EntryRetracted".equals(entry.getString("kind"))) {
                mark(bySequence.get(Documents.longValue(details, "retractedSequence", -1)), "retracted",
                     "retractedBy", Documents.longValue(entry, "sequence", -1));
            }
        }
        return stored.stream()
                     .sorted(Comparator.comparing((Document e) -> e.getString("occurredOn"))
                                       .thenComparing(e -> Documents.longValue(e, "sequence", 0)))
                     .toList();
    }

    private static void mark(Document entry, String status, String byField, long by) {
        if (entry != null) {
            entry.put("status", status);
            entry.put(byField, by);
        }
    }
}
