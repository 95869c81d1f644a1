package org.freedomcampaigns.tracker.projections.casesummary;

import java.time.Instant;
import java.util.ArrayList;
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
import org.freedomcampaigns.tracker.facts.CaseId;
import org.freedomcampaigns.tracker.facts.CaseStatus;
import org.freedomcampaigns.tracker.projections.support.CaseProgress;
import org.freedomcampaigns.tracker.projections.support.DocumentWrites;
import org.freedomcampaigns.tracker.projections.support.DocumentWrites.Codec;
import org.freedomcampaigns.tracker.projections.support.Documents;
import org.freedomcampaigns.tracker.projections.support.RecordDocuments;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Sorts;

/**
 * The case summary read model: one document per case, a {@link CaseSummary} and its
 * {@link CaseSummaryState.Bookkeeping}, built by {@link CaseSummaryState#evolve}. Serves {@code GET /api/cases/{id}}
 * and the case list.
 *
 * <p>Idempotent: an event whose sequence number is not above the stored version is skipped. One writer per document:
 * Axon's default sequencing policy keeps a case's events in order on one thread.
 */
@ProcessingGroup(CaseSummaryProjection.NAME)
public class CaseSummaryProjection implements CaseProgress, CaseSummaries {
    public static final String NAME = "case-summary";
    public static final String COLLECTION = "case_summaries";

    /** A batch keeps each summary typed from its first event to its write. */
    private static final Codec<CaseSummaryState> STATE = new Codec<>(CaseSummaryProjection::state,
                                                                     CaseSummaryProjection::toDocument);

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
        CaseSummaryState stored = writes.find(id, STATE);
        if (stored != null && stored.summary().version() >= sequence) {
            return;
        }
        writes.save(id, CaseSummaryState.evolve(stored, event, sequence, recordedAt), STATE);
    }

    /** The stored form: the summary's fields and the bookkeeping's side by side. */
    private static Document toDocument(CaseSummaryState state) {
        Document document = RecordDocuments.toDocument(state.summary());
        document.putAll(RecordDocuments.toDocument(state.bookkeeping()));
        return document;
    }

    private static CaseSummaryState state(Document stored) {
        return new CaseSummaryState(RecordDocuments.fromDocument(stored, CaseSummary.class),
                                    RecordDocuments.fromDocument(stored, CaseSummaryState.Bookkeeping.class));
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

    @Override
    public Optional<CaseSummary> find(CaseId caseId) {
        return Optional.ofNullable(Documents.byId(summaries, caseId.value()))
                       .map(stored -> RecordDocuments.fromDocument(stored, CaseSummary.class));
    }

    @Override
    public Optional<String> campaignOf(CaseId caseId) {
        return Optional.ofNullable(summaries.find(Filters.eq("_id", caseId.value()))
                                            .projection(Projections.include("campaignId")).first())
                       .map(stored -> stored.getString("campaignId"));
    }

    @Override
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
        List<CaseSummary> items = new ArrayList<>();
        summaries.find(filter)
                 .sort(Sorts.ascending("person.name", "_id"))
                 .skip(page * size)
                 .limit(size)
                 .forEach(stored -> items.add(RecordDocuments.fromDocument(stored, CaseSummary.class)));
        return new CasePage(items, page, size, total);
    }
}
