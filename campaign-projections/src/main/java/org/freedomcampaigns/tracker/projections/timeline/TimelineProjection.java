package org.freedomcampaigns.tracker.projections.timeline;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.LongStream;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.bson.Document;
import org.freedomcampaigns.tracker.facts.CaseEvent;
import org.freedomcampaigns.tracker.facts.CaseId;
import org.freedomcampaigns.tracker.projections.support.CaseProgress;
import org.freedomcampaigns.tracker.projections.support.DocumentWrites;
import org.freedomcampaigns.tracker.projections.support.Documents;
import org.freedomcampaigns.tracker.projections.support.RecordDocuments;
import org.freedomcampaigns.tracker.projections.timeline.TimelineEntry.Recorded;

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
public class TimelineProjection implements CaseProgress, Timelines {
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
        Document entry = RecordDocuments.toDocument(TimelineEntries.entryFor(event, sequence, recordedAt));
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

    @Override
    public Optional<List<TimelineEntry>> entries(CaseId caseId) {
        Document timeline = Documents.byId(timelines, caseId.value());
        if (timeline == null) {
            return Optional.empty();
        }
        long version = Documents.longValue(timeline, "version", -1);
        List<String> ids = LongStream.rangeClosed(0, version).mapToObj(s -> Documents.eventKey(caseId.value(), s))
                                     .toList();
        List<Recorded> stored = new ArrayList<>();
        for (Document entry : Documents.byIds(entries, ids)) {
            stored.add(RecordDocuments.fromDocument(entry, Recorded.class));
        }
        return Optional.of(TimelineEntries.view(caseId, stored));
    }
}
