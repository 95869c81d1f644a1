package org.freedomcampaigns.tracker.projections.dashboard;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.bson.Document;
import org.freedomcampaigns.tracker.facts.CampaignEvent.CampaignLaunched;
import org.freedomcampaigns.tracker.facts.CampaignId;
import org.freedomcampaigns.tracker.facts.CaseEvent;
import org.freedomcampaigns.tracker.facts.CaseEvent.CaseOpened;
import org.freedomcampaigns.tracker.facts.CaseId;
import org.freedomcampaigns.tracker.facts.CaseStatus;
import org.freedomcampaigns.tracker.facts.Corrections;
import org.freedomcampaigns.tracker.facts.Corrections.Counted;
import org.freedomcampaigns.tracker.facts.Corrections.Effect;
import org.freedomcampaigns.tracker.facts.Corrections.Withdrawn;
import org.freedomcampaigns.tracker.facts.FactKind;
import org.freedomcampaigns.tracker.projections.support.CaseEntries;
import org.freedomcampaigns.tracker.projections.support.CaseProgress;
import org.freedomcampaigns.tracker.projections.support.DocumentWrites;
import org.freedomcampaigns.tracker.projections.support.Documents;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Sorts;

/**
 * The campaign dashboard read model: per campaign, its cases by status and the counts of letters, visits, lobbying
 * contacts, petitions, grants and releases across its cases.
 *
 * <p>The campaign document keeps one entry per case (its status, its counts and the sequence number of the last event
 * applied), so replays and redeliveries are skipped per case; totals are summed when read. A second collection maps
 * each case to its campaign and records how far each case has been applied. The processing group runs one segment:
 * a campaign's document takes events from all its cases, and this keeps one writer per document.
 */
@ProcessingGroup(CampaignDashboardProjection.NAME)
public class CampaignDashboardProjection implements CaseProgress, CampaignDashboards {
    public static final String NAME = "campaign-dashboard";
    public static final String COLLECTION = "campaign_dashboards";
    public static final String CASES_COLLECTION = "campaign_dashboard_cases";
    /** The counters of a dashboard, in the catalogue's order. */
    static final List<String> COUNTS = Arrays.stream(FactKind.values())
                                             .flatMap(kind -> kind.campaignCounter().stream()).toList();

    private final MongoCollection<Document> dashboards;
    private final MongoCollection<Document> caseCampaigns;
    private final DocumentWrites dashboardWrites;
    private final DocumentWrites caseCampaignWrites;

    public CampaignDashboardProjection(MongoDatabase database) {
        this.dashboards = database.getCollection(COLLECTION);
        this.caseCampaigns = database.getCollection(CASES_COLLECTION);
        // the campaign documents carry the per-case sequence that makes this idempotent: written first
        this.dashboardWrites = new DocumentWrites(dashboards, 0);
        this.caseCampaignWrites = new DocumentWrites(caseCampaigns, 1).prefetching(CaseProgress::caseIdOf);
    }

    @EventHandler
    void on(CampaignLaunched event, @SequenceNumber long sequence, @Timestamp Instant recordedAt) {
        String id = event.campaignId().value();
        if (dashboardWrites.find(id) != null) {
            return;
        }
        Document dashboard = new Document("id", id)
                .append("name", event.name())
                .append("description", event.description())
                .append("launchedAt", recordedAt.toString())
                // ISO strings of instants do not sort in time order (the fraction varies in length)
                .append("launchedAtNanos", recordedAt.getEpochSecond() * 1_000_000_000L + recordedAt.getNano())
                .append("version", sequence)
                .append("cases", new ArrayList<Document>());
        dashboardWrites.save(id, dashboard);
    }

    @EventHandler
    void on(CaseEvent event, @SequenceNumber long sequence) {
        String caseId = event.caseId().value();
        Document link = caseCampaignWrites.find(caseId);
        if (link == null) {
            if (!(event instanceof CaseOpened opened)) {
                throw new IllegalStateException("event " + sequence + " of a case that was never opened");
            }
            link = new Document("campaignId", opened.campaignId().value()).append("seq", -1L);
        }
        if (CaseEntries.applied(link, sequence)) {
            return;
        }
        String campaignId = link.getString("campaignId");
        Document dashboard = dashboardWrites.find(campaignId);
        if (dashboard == null) {
            throw new IllegalStateException("case event for campaign not yet projected");
        }
        Document entry = CaseEntries.of(dashboard, caseId);
        if (!CaseEntries.applied(entry, sequence)) {
            apply(entry, event);
            entry.put("seq", sequence);
            dashboardWrites.save(campaignId, dashboard);
        }
        link.put("seq", sequence);
        caseCampaignWrites.save(caseId, link);
    }

    /** One case's entry after an event: its status and its counters; corrections take back what they replace. */
    private static void apply(Document entry, CaseEvent event) {
        boolean replacing = entry.remove("replacing") != null;
        Effect effect = Corrections.effectOf(event, replacing);
        if (effect instanceof Withdrawn withdrawn) {
            uncount(entry, withdrawn.kind());
            if (Corrections.replacingAfter(event)) {
                entry.put("replacing", true);
            }
            return;
        }
        Counted counted = (Counted) effect;
        counted.kind().campaignCounter().ifPresent(counter -> Documents.increment(entry, "counts", counter));
        if (counted.movesStatus()) {
            CaseStatus status = entry.containsKey("status") ? CaseStatus.valueOf(entry.getString("status"))
                                                            : CaseStatus.OPEN;
            entry.put("status", status.after(event).name());
        }
    }

    private static void uncount(Document entry, FactKind kind) {
        Document counts = entry.get("counts", Document.class);
        kind.campaignCounter().filter(counter -> counts != null && counts.getInteger(counter, 0) > 0)
            .ifPresent(counter -> counts.put(counter, counts.getInteger(counter) - 1));
    }

    @ResetHandler
    void reset() {
        dashboards.deleteMany(new Document());
        caseCampaigns.deleteMany(new Document());
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public long appliedSequence(CaseId caseId) {
        return Documents.longValue(Documents.byId(caseCampaigns, caseId.value()), "seq", -1);
    }

    @Override
    public boolean knows(CampaignId campaignId) {
        return Documents.byId(dashboards, campaignId.value()) != null;
    }

    @Override
    public Optional<CampaignDashboard> find(CampaignId campaignId) {
        return Optional.ofNullable(Documents.byId(dashboards, campaignId.value())).map(CampaignDashboardProjection::view);
    }

    @Override
    public Map<String, String> names() {
        Map<String, String> names = new LinkedHashMap<>();
        dashboards.find().projection(Projections.include("name"))
                  .forEach(d -> names.put(d.getString("_id"), d.getString("name")));
        return names;
    }

    @Override
    public Optional<String> nameOf(CampaignId campaignId) {
        return Optional.ofNullable(dashboards.find(Filters.eq("_id", campaignId.value()))
                                             .projection(Projections.include("name")).first())
                       .map(d -> d.getString("name"));
    }

    @Override
    public List<CampaignDashboard> all() {
        List<CampaignDashboard> campaigns = new ArrayList<>();
        dashboards.find().sort(Sorts.ascending("launchedAtNanos", "_id")).forEach(d -> campaigns.add(view(d)));
        return campaigns;
    }

    private static CampaignDashboard view(Document dashboard) {
        Map<String, Integer> byStatus = new LinkedHashMap<>();
        for (CaseStatus status : CaseStatus.values()) {
            byStatus.put(status.name(), 0);
        }
        Map<String, Integer> counts = new LinkedHashMap<>();
        COUNTS.forEach(name -> counts.put(name, 0));
        List<Document> cases = CaseEntries.all(dashboard);
        for (Document entry : cases) {
            byStatus.merge(entry.getString("status"), 1, Integer::sum);
            Document caseCounts = entry.get("counts", Document.class);
            if (caseCounts != null) {
                caseCounts.forEach((name, value) -> counts.merge(name, ((Number) value).intValue(), Integer::sum));
            }
        }
        return new CampaignDashboard(dashboard.getString("id"), dashboard.getString("name"),
                                     dashboard.getString("description"), dashboard.getString("launchedAt"),
                                     cases.size(), Collections.unmodifiableMap(byStatus),
                                     Collections.unmodifiableMap(counts));
    }
}
