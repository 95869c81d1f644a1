package org.freedomcampaigns.tracker.projections.dashboard;

import java.time.Instant;
import java.util.ArrayList;
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
import org.freedomcampaigns.tracker.facts.CaseId;
import org.freedomcampaigns.tracker.projections.support.CaseProgress;
import org.freedomcampaigns.tracker.projections.support.DocumentWrites;
import org.freedomcampaigns.tracker.projections.support.DocumentWrites.Codec;
import org.freedomcampaigns.tracker.projections.support.Documents;
import org.freedomcampaigns.tracker.projections.support.RecordDocuments;
import org.freedomcampaigns.tracker.projections.support.RedoLog;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Sorts;

/**
 * The campaign dashboard read model: per campaign, its cases by status and the counts of letters, visits, lobbying
 * contacts, petitions, grants and releases across its cases.
 *
 * <p>Two collections of small documents: one per campaign, its {@link CampaignTotals}, and one per case, the
 * {@link DashboardCase} that says what the case adds to them and which of its events have been applied (replays and
 * redeliveries are skipped per case). Each event changes its case and adjusts its campaign's totals by the
 * difference; the two land together ({@link RedoLog}), so no event is counted twice. The processing group runs one
 * segment: a campaign's totals take events from all its cases, and this keeps one writer per document.
 */
@ProcessingGroup(CampaignDashboardProjection.NAME)
public class CampaignDashboardProjection implements CaseProgress, CampaignDashboards {
    public static final String NAME = "campaign-dashboard";
    public static final String COLLECTION = "campaign_dashboards";
    public static final String CASES_COLLECTION = "campaign_dashboard_cases";
    private static final Codec<CampaignTotals> TOTALS = RecordDocuments.codec(CampaignTotals.class);
    private static final Codec<DashboardCase> CASE = RecordDocuments.codec(DashboardCase.class);

    private final MongoCollection<Document> dashboards;
    private final MongoCollection<Document> cases;
    private final RedoLog redoLog;
    private final DocumentWrites dashboardWrites;
    private final DocumentWrites caseWrites;

    public CampaignDashboardProjection(MongoDatabase database) {
        this.dashboards = database.getCollection(COLLECTION);
        this.cases = database.getCollection(CASES_COLLECTION);
        this.redoLog = new RedoLog(database, NAME);
        this.dashboardWrites = new DocumentWrites(dashboards).journaled(redoLog);
        this.caseWrites = new DocumentWrites(cases).prefetching(CaseProgress::caseIdOf).journaled(redoLog);
    }

    @EventHandler
    void on(CampaignLaunched event, @SequenceNumber long sequence, @Timestamp Instant recordedAt) {
        String id = event.campaignId().value();
        if (dashboardWrites.find(id, TOTALS) == null) {
            dashboardWrites.save(id, CampaignTotals.launched(event, sequence, recordedAt), TOTALS);
        }
    }

    @EventHandler
    void on(CaseEvent event, @SequenceNumber long sequence) {
        String caseId = event.caseId().value();
        DashboardCase before = caseWrites.find(caseId, CASE);
        if (before != null && before.seq() >= sequence) {
            return;
        }
        DashboardCase after = DashboardCase.evolve(before, event, sequence);
        CampaignTotals totals = dashboardWrites.find(after.campaignId(), TOTALS);
        if (totals == null) {
            throw new IllegalStateException("case event for campaign not yet projected");
        }
        dashboardWrites.save(after.campaignId(), totals.adjusted(before, after), TOTALS);
        caseWrites.save(caseId, after, CASE);
    }

    @ResetHandler
    void reset() {
        dashboards.deleteMany(new Document());
        cases.deleteMany(new Document());
        redoLog.clear();
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public long appliedSequence(CaseId caseId) {
        return Documents.longValue(Documents.byId(cases, caseId.value()), "seq", -1);
    }

    @Override
    public boolean knows(CampaignId campaignId) {
        return Documents.byId(dashboards, campaignId.value()) != null;
    }

    @Override
    public Optional<CampaignDashboard> find(CampaignId campaignId) {
        return Optional.ofNullable(Documents.byId(dashboards, campaignId.value())).map(stored -> TOTALS.decode().apply(stored).view());
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
        dashboards.find().sort(Sorts.ascending("launchedAtNanos", "_id")).forEach(d -> campaigns.add(TOTALS.decode().apply(d).view()));
        return campaigns;
    }
}
