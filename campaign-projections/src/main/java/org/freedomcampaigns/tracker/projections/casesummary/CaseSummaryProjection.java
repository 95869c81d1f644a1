package org.freedomcampaigns.tracker.projections.casesummary;

import static org.freedomcampaigns.tracker.projections.support.RecordDocuments.date;
import static org.freedomcampaigns.tracker.projections.support.RecordDocuments.toDocument;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.freedomcampaigns.tracker.facts.CaseEvent;
import org.freedomcampaigns.tracker.facts.CaseEvent.CaseClosed;
import org.freedomcampaigns.tracker.facts.CaseEvent.CaseOpened;
import org.freedomcampaigns.tracker.facts.CaseEvent.ClemencyDenied;
import org.freedomcampaigns.tracker.facts.CaseEvent.ClemencyGranted;
import org.freedomcampaigns.tracker.facts.CaseEvent.PersonReleased;
import org.freedomcampaigns.tracker.facts.CaseEvent.PetitionFiled;
import org.freedomcampaigns.tracker.facts.CaseId;
import org.freedomcampaigns.tracker.facts.CaseStatus;
import org.freedomcampaigns.tracker.facts.Corrections;
import org.freedomcampaigns.tracker.facts.Corrections.Counted;
import org.freedomcampaigns.tracker.facts.Corrections.Effect;
import org.freedomcampaigns.tracker.facts.Corrections.Withdrawn;
import org.freedomcampaigns.tracker.facts.FactKind;
import org.freedomcampaigns.tracker.projections.support.CaseProgress;
import org.freedomcampaigns.tracker.projections.support.DocumentWrites;
import org.freedomcampaigns.tracker.projections.support.Documents;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;

/**
 * The case summary read model: one document per case with its status, the person, the sentence, counts per kind of
 * fact, the last activity date, clemency, release and closure, and {@code version}, the sequence number of the last
 * event applied. Serves {@code GET /api/cases/{id}} and the case list.
 *
 * <p>Idempotent: an event whose sequence number is not above the stored version is skipped. One writer per document:
 * Axon's default sequencing policy keeps a case's events in order on one thread.
 */
@ProcessingGroup(CaseSummaryProjection.NAME)
public class CaseSummaryProjection implements CaseProgress {
    public static final String NAME = "case-summary";
    public static final String COLLECTION = "case_summaries";
    private static final String[] INTERNAL = {"search", "replacing", "petitionSequences"};
    /** The counters of a summary, in the catalogue's order. */
    private static final List<String> COUNTERS = Arrays.stream(FactKind.values())
                                                       .flatMap(kind -> kind.counter().stream()).toList();
    private final MongoCollection<Document> summaries;
    private final DocumentWrites writes;

    public CaseSummaryProjection(MongoDatabase database) {
        this.summaries = database.getCollection(COLLECTION);
        this.writes = new DocumentWrites(summaries).prefetching(CaseProgress::caseIdOf);
        // served from these on a real MongoDB; the embedded server accepts them and scans
        summaries.createIndex(Indexes.ascending("campaignId"));
        summaries.createIndex(Indexes.ascending("status"));
    }

    @EventHandler
    void on(CaseEvent event, @SequenceNumber long sequence, @Timestamp Instant recordedAt) {
        String id = event.caseId().value();
        Document summary = writes.find(id);
        if (Documents.longValue(summary, "version", -1) >= sequence) {
            return;
        }
        writes.save(id, evolve(summary, event, sequence, recordedAt));
    }

    /**
     * The summary after one more event: the one function that builds summaries, used by this projection and by
     * anything that must show a case as it stood at some point (audit's state-as-of).
     *
     * @param summary the summary so far, null before the case was opened
     * @return the same document, changed, or a new one for {@code CaseOpened}
     */
    public static Document evolve(Document summary, CaseEvent event, long sequence, Instant recordedAt) {
        if (event instanceof CaseOpened opened) {
            summary = opened(opened);
        } else if (summary == null) {
            throw new IllegalStateException("event " + sequence + " of an unknown case");
        }
        boolean replacing = summary.remove("replacing") != null;
        Effect effect = Corrections.effectOf(event, replacing);
        if (effect instanceof Withdrawn withdrawn) {
            uncount(summary, withdrawn.kind(), withdrawn.sequence());
            if (Corrections.replacingAfter(event)) {
                summary.put("replacing", true);
            }
        } else if (effect instanceof Counted counted) {
            apply(summary, counted.kind(), event, sequence);
            if (counted.movesStatus()) {
                CaseStatus status = CaseStatus.valueOf(summary.getString("status"));
                summary.put("status", status.after(event).name());
            }
        }
        if (event.occurredOn() != null) {
            String occurred = event.occurredOn().toString();
            String last = summary.getString("lastActivityOn");
            if (last == null || occurred.compareTo(last) > 0) {
                summary.put("lastActivityOn", occurred);
            }
        }
        summary.put("lastRecordedAt", recordedAt.toString());
        summary.put("version", sequence);
        return summary;
    }

    /** A summary as clients see it: without internal fields. */
    public static Document view(Document summary) {
        return Documents.publicView(summary, INTERNAL);
    }

    private static Document opened(CaseOpened event) {
        Document summary = new Document();
        summary.put("id", event.caseId().value());
        summary.put("campaignId", event.campaignId().value());
        summary.put("status", CaseStatus.OPEN.name());
        summary.put("person", toDocument(event.person()));
        summary.put("sentence", toDocument(event.sentence()));
        summary.put("offense", event.offense());
        summary.put("openedOn", date(event.openedOn()));
        Document counts = new Document();
        COUNTERS.forEach(counter -> counts.put(counter, 0));
        summary.put("counts", counts);
        summary.put("petitions", new ArrayList<Document>());
        summary.put("clemency", null);
        summary.put("lastDenial", null);
        summary.put("release", null);
        summary.put("closure", null);
        summary.put("search", String.join(" ", event.person().name(),
                                          Optional.ofNullable(event.person().inmateNumber()).orElse(""),
                                          event.person().facility(), event.person().jurisdiction(),
                                          event.offense()).toLowerCase(Locale.ROOT));
        return summary;
    }

    private static void apply(Document summary, FactKind kind, CaseEvent event, long sequence) {
        kind.counter().ifPresent(counter -> Documents.increment(summary, "counts", counter));
        if (event instanceof PetitionFiled petition) {
            summary.getList("petitions", Document.class).add(toDocument(petition, "caseId"));
            petitionSequences(summary).add(sequence);
        } else if (event instanceof ClemencyGranted granted) {
            summary.put("clemency", toDocument(granted, "caseId"));
        } else if (event instanceof ClemencyDenied denied) {
            summary.put("lastDenial", toDocument(denied, "caseId"));
        } else if (event instanceof PersonReleased released) {
            summary.put("release", toDocument(released, "caseId"));
        } else if (event instanceof CaseClosed closed) {
            summary.put("closure", toDocument(closed, "caseId"));
        }
    }

    /** A corrected or retracted entry no longer counts; a corrected petition leaves the list of petitions. */
    private static void uncount(Document summary, FactKind kind, long sequence) {
        Document counts = summary.get("counts", Document.class);
        kind.counter().filter(counter -> counts.getInteger(counter, 0) > 0)
            .ifPresent(counter -> counts.put(counter, counts.getInteger(counter) - 1));
        List<Long> sequences = petitionSequences(summary);
        int index = sequences.indexOf(sequence);
        if (kind == FactKind.PETITION && index >= 0) {
            sequences.remove(index);
            summary.getList("petitions", Document.class).remove(index);
        }
    }

    private static List<Long> petitionSequences(Document summary) {
        List<Long> sequences = summary.getList("petitionSequences", Long.class);
        if (sequences == null) {
            sequences = new ArrayList<>();
            summary.put("petitionSequences", sequences);
        }
        return sequences;
    }

    @ResetHandler
    void reset() {
        summaries.deleteMany(new Document());
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public long appliedSequence(CaseId caseId) {
        return Documents.longField(summaries, caseId.value(), "version", -1);
    }

    /** The summary of one case, without internal fields. */
    public Optional<Document> find(CaseId caseId) {
        return Optional.ofNullable(Documents.byId(summaries, caseId.value()))
                       .map(CaseSummaryProjection::view);
    }

    /**
     * A page of cases (page numbers from 0), in order of the person's name, filtered by any of the criteria.
     *
     * @param campaignIds the campaigns whose cases to list, or null for all
     */
    public CasePage list(Collection<String> campaignIds, CaseStatus status, String text, int page, int size) {
        List<Bson> filters = new ArrayList<>();
        if (campaignIds != null) {
            filters.add(campaignIds.size() == 1 ? Filters.eq("campaignId", campaignIds.iterator().next())
                                                : Filters.in("campaignId", campaignIds));
        }
        if (status != null) {
            filters.add(Filters.eq("status", status.name()));
        }
        if (text != null && !text.isBlank()) {
            filters.add(Filters.regex("search", Pattern.quote(text.strip().toLowerCase(Locale.ROOT))));
        }
        Bson filter = filters.isEmpty() ? new Document() : Filters.and(filters);
        long total = summaries.countDocuments(filter);
        List<Document> items = new ArrayList<>();
        summaries.find(filter)
                 .sort(Sorts.ascending("person.name", "_id"))
                 .skip(page * size)
                 .limit(size)
                 .forEach(summary -> items.add(view(summary)));
        return new CasePage(items, page, size, total);
    }

    /** One page of the case list. */
    public record CasePage(List<Document> items, int page, int size, long total) {
    }
}
