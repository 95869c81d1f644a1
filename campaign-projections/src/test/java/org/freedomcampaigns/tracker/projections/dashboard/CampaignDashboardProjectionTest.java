package org.freedomcampaigns.tracker.projections.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.freedomcampaigns.tracker.projections.TestEvents.CAMPAIGN;
import static org.freedomcampaigns.tracker.projections.TestEvents.FACT_DATE;
import static org.freedomcampaigns.tracker.projections.TestEvents.at;
import static org.freedomcampaigns.tracker.projections.TestEvents.closed;
import static org.freedomcampaigns.tracker.projections.TestEvents.denied;
import static org.freedomcampaigns.tracker.projections.TestEvents.familyContacted;
import static org.freedomcampaigns.tracker.projections.TestEvents.granted;
import static org.freedomcampaigns.tracker.projections.TestEvents.launched;
import static org.freedomcampaigns.tracker.projections.TestEvents.legalConsultation;
import static org.freedomcampaigns.tracker.projections.TestEvents.letter;
import static org.freedomcampaigns.tracker.projections.TestEvents.lobbied;
import static org.freedomcampaigns.tracker.projections.TestEvents.note;
import static org.freedomcampaigns.tracker.projections.TestEvents.opened;
import static org.freedomcampaigns.tracker.projections.TestEvents.petitionFiled;
import static org.freedomcampaigns.tracker.projections.TestEvents.released;
import static org.freedomcampaigns.tracker.projections.TestEvents.visit;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.ResultMessage;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.bson.Document;
import org.freedomcampaigns.tracker.projections.support.BatchResources;
import org.freedomcampaigns.tracker.projections.support.RecordDocuments;
import org.freedomcampaigns.tracker.facts.CampaignEvent.CampaignLaunched;
import org.freedomcampaigns.tracker.facts.CampaignId;
import org.freedomcampaigns.tracker.facts.CaseEvent;
import org.freedomcampaigns.tracker.facts.CaseId;
import org.freedomcampaigns.tracker.projections.MongoTestBase;
import org.junit.jupiter.api.Test;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;

class CampaignDashboardProjectionTest extends MongoTestBase {
    private static final CampaignId OTHER_CAMPAIGN = new CampaignId("bring-them-home");
    private static final CaseId C1 = new CaseId("case-0001");
    private static final CaseId C2 = new CaseId("case-0002");
    private static final CaseId C3 = new CaseId("case-0003");

    private CampaignDashboardProjection projection;
    private final Map<CaseId, Long> sequences = new HashMap<>();

    @Override
    protected void createProjections() {
        projection = new CampaignDashboardProjection(database);
        sequences.clear();
    }

    private void launch(CampaignId campaignId, Instant at) {
        projection.on(launched(campaignId), 0, at);
    }

    /** Applies the event with the next sequence number of its case. */
    private long record(CaseEvent event) {
        long sequence = sequences.merge(event.caseId(), 0L, (last, ignored) -> last + 1);
        projection.on(event, sequence);
        return sequence;
    }

    /** The dashboard as a client sees it, field by field. */
    private Document dashboard() {
        return RecordDocuments.toDocument(projection.find(CAMPAIGN).orElseThrow());
    }

    private static Document statuses(Document dashboard) {
        return dashboard.get("casesByStatus", Document.class);
    }

    private static Document counts(Document dashboard) {
        return dashboard.get("counts", Document.class);
    }

    private static Document zeroStatuses() {
        return new Document("OPEN", 0).append("PETITION_FILED", 0).append("CLEMENCY_GRANTED", 0)
                                      .append("CLEMENCY_DENIED", 0).append("RELEASED", 0).append("CLOSED", 0);
    }

    private static Document zeroCounts() {
        return new Document("letters", 0).append("visits", 0).append("lobbyingContacts", 0).append("petitions", 0)
                                         .append("grants", 0).append("releases", 0);
    }

    @Test
    void launching_creates_an_empty_dashboard() {
        launch(CAMPAIGN, at(0));

        assertThat(projection.knows(CAMPAIGN)).isTrue();
        assertThat(dashboard()).isEqualTo(
                new Document("id", CAMPAIGN.value()).append("name", "Campaign free-them-all")
                        .append("description", "Releases for free-them-all").append("launchedAt", at(0).toString())
                        .append("cases", 0).append("casesByStatus", zeroStatuses()).append("counts", zeroCounts()));
    }

    @Test
    void cases_are_counted_by_status() {
        launch(CAMPAIGN, at(0));
        CaseId c4 = new CaseId("case-0004");
        CaseId c5 = new CaseId("case-0005");
        for (CaseId id : List.of(C1, C2, C3, c4, c5)) {
            record(opened(id, CAMPAIGN));
        }
        record(petitionFiled(C2, FACT_DATE));
        record(petitionFiled(C3, FACT_DATE));
        record(denied(C3, FACT_DATE));
        record(petitionFiled(c4, FACT_DATE));
        record(granted(c4, FACT_DATE));
        record(released(c4, FACT_DATE));
        record(released(c5, FACT_DATE));
        record(closed(c5, FACT_DATE));

        Document dashboard = dashboard();
        assertThat(dashboard.getInteger("cases")).isEqualTo(5);
        assertThat(statuses(dashboard)).isEqualTo(zeroStatuses().append("OPEN", 1).append("PETITION_FILED", 1)
                                                                .append("CLEMENCY_DENIED", 1).append("RELEASED", 1)
                                                                .append("CLOSED", 1));
    }

    @Test
    void counts_are_summed_across_cases() {
        launch(CAMPAIGN, at(0));
        record(opened(C1, CAMPAIGN));
        record(opened(C2, CAMPAIGN));
        record(letter(C1, FACT_DATE));
        record(letter(C1, FACT_DATE));
        record(letter(C2, FACT_DATE));
        record(visit(C1, FACT_DATE));
        record(visit(C2, FACT_DATE));
        record(lobbied(C2, FACT_DATE));
        record(petitionFiled(C1, FACT_DATE));
        record(petitionFiled(C2, FACT_DATE));
        record(granted(C1, FACT_DATE));
        record(released(C1, FACT_DATE));
        // facts the dashboard does not count
        record(note(C1));
        record(familyContacted(C2, FACT_DATE));
        record(legalConsultation(C2, FACT_DATE));

        assertThat(counts(dashboard())).isEqualTo(new Document("letters", 3).append("visits", 2)
                                                                           .append("lobbyingContacts", 1)
                                                                           .append("petitions", 2).append("grants", 1)
                                                                           .append("releases", 1));
    }

    @Test
    void campaigns_count_only_their_own_cases() {
        launch(CAMPAIGN, at(0));
        launch(OTHER_CAMPAIGN, at(1));
        record(opened(C1, CAMPAIGN));
        record(opened(C2, OTHER_CAMPAIGN));
        record(letter(C2, FACT_DATE));
        record(petitionFiled(C2, FACT_DATE));

        assertThat(dashboard().getInteger("cases")).isEqualTo(1);
        assertThat(counts(dashboard())).isEqualTo(zeroCounts());
        assertThat(statuses(dashboard())).isEqualTo(zeroStatuses().append("OPEN", 1));
        Document other = RecordDocuments.toDocument(projection.find(OTHER_CAMPAIGN).orElseThrow());
        assertThat(other.getInteger("cases")).isEqualTo(1);
        assertThat(counts(other)).isEqualTo(zeroCounts().append("letters", 1).append("petitions", 1));
        assertThat(statuses(other)).isEqualTo(zeroStatuses().append("PETITION_FILED", 1));
    }

    @Test
    void a_redelivered_case_event_is_not_double_counted() {
        launch(CAMPAIGN, at(0));
        CaseEvent open = opened(C1, CAMPAIGN);
        CaseEvent letter = letter(C1, FACT_DATE);
        CaseEvent petition = petitionFiled(C1, FACT_DATE);
        projection.on(open, 0);
        projection.on(letter, 1);
        projection.on(letter, 1);
        projection.on(petition, 2);
        Document before = dashboard();

        projection.on(petition, 2);
        projection.on(letter, 1);
        projection.on(open, 0);

        Document after = dashboard();
        assertThat(after).isEqualTo(before);
        assertThat(after.getInteger("cases")).isEqualTo(1);
        assertThat(counts(after)).isEqualTo(zeroCounts().append("letters", 1).append("petitions", 1));
        assertThat(statuses(after)).isEqualTo(zeroStatuses().append("PETITION_FILED", 1));
        assertThat(projection.appliedSequence(C1)).isEqualTo(2);
    }

    /** Handles the events as one batch of a processor, written at its end; false if the batch failed. */
    private static boolean inOneBatch(CampaignDashboardProjection projection, CaseEvent... events) {
        List<EventMessage<?>> messages = new ArrayList<>();
        for (int i = 0; i < events.length; i++) {
            messages.add(new GenericDomainEventMessage<>("Case", events[i].caseId().value(), i, events[i]));
        }
        BatchingUnitOfWork<EventMessage<?>> batch = new BatchingUnitOfWork<>(messages);
        ResultMessage<?> result = batch.executeWithResult(() -> {
            DomainEventMessage<?> message = (DomainEventMessage<?>) batch.getMessage();
            projection.on((CaseEvent) message.getPayload(), message.getSequenceNumber());
            if (batch.isLastMessage()) {
                BatchResources.writeCurrentBatch();
            }
            return null;
        });
        return !result.isExceptional();
    }

    /** Makes writing a dashboard with this many cases fail, as a crash between a batch's writes would. */
    private void failWritingTotalsWith(int cases) {
        MongoCollection<Document> dashboards = database.getCollection(CampaignDashboardProjection.COLLECTION);
        dashboards.createIndex(Indexes.ascending("cases"), new IndexOptions().unique(true));
        dashboards.insertOne(new Document("_id", "in-the-way").append("cases", cases));
    }

    @Test
    void a_batch_cut_short_between_its_writes_is_completed_before_the_next_batch_after_a_restart() {
        launch(CAMPAIGN, at(0));
        failWritingTotalsWith(1);

        assertThat(inOneBatch(projection, opened(C1, CAMPAIGN))).as("the batch fails").isFalse();
        assertThat(projection.appliedSequence(C1)).as("the case was written").isZero();
        assertThat(dashboard().getInteger("cases")).as("its campaign was not").isZero();
        database.getCollection(CampaignDashboardProjection.COLLECTION).deleteOne(Filters.eq("_id", "in-the-way"));

        CampaignDashboardProjection restarted = new CampaignDashboardProjection(database);
        assertThat(inOneBatch(restarted, opened(C1, CAMPAIGN), letter(C1, FACT_DATE))).isTrue();

        Document after = RecordDocuments.toDocument(restarted.find(CAMPAIGN).orElseThrow());
        assertThat(after.getInteger("cases")).isEqualTo(1);
        assertThat(counts(after)).isEqualTo(zeroCounts().append("letters", 1));
        assertThat(statuses(after)).isEqualTo(zeroStatuses().append("OPEN", 1));
    }

    @Test
    void a_batch_that_failed_part_way_is_completed_before_it_is_delivered_again() {
        launch(CAMPAIGN, at(0));
        assertThat(inOneBatch(projection, opened(C1, CAMPAIGN))).isTrue();
        failWritingTotalsWith(2);

        assertThat(inOneBatch(projection, opened(C2, CAMPAIGN), letter(C1, FACT_DATE))).isFalse();
        database.getCollection(CampaignDashboardProjection.COLLECTION).deleteOne(Filters.eq("_id", "in-the-way"));
        assertThat(inOneBatch(projection, opened(C2, CAMPAIGN), letter(C1, FACT_DATE))).isTrue();

        assertThat(dashboard().getInteger("cases")).isEqualTo(2);
        assertThat(counts(dashboard())).isEqualTo(zeroCounts().append("letters", 1));
        assertThat(statuses(dashboard())).isEqualTo(zeroStatuses().append("OPEN", 2));
    }

    @Test
    void campaign_launch_redelivery_does_not_reset_counts() {
        launch(CAMPAIGN, at(0));
        record(opened(C1, CAMPAIGN));
        record(letter(C1, FACT_DATE));
        Document before = dashboard();

        launch(CAMPAIGN, at(0));
        projection.on(new CampaignLaunched(CAMPAIGN, "Renamed", "other"), 0, at(99));

        assertThat(dashboard()).isEqualTo(before);
        assertThat(dashboard().getInteger("cases")).isEqualTo(1);
        assertThat(counts(dashboard()).getInteger("letters")).isEqualTo(1);
        assertThat(dashboard().getString("name")).isEqualTo("Campaign free-them-all");
        assertThat(dashboard().getString("launchedAt")).isEqualTo(at(0).toString());
    }

    @Test
    void applied_sequence_tracks_each_case() {
        launch(CAMPAIGN, at(0));
        assertThat(projection.appliedSequence(C1)).isEqualTo(-1);

        record(opened(C1, CAMPAIGN));
        record(opened(C2, CAMPAIGN));
        record(letter(C1, FACT_DATE));
        record(note(C1));
        record(visit(C2, FACT_DATE));

        assertThat(projection.appliedSequence(C1)).isEqualTo(2);
        assertThat(projection.appliedSequence(C2)).isEqualTo(1);
        assertThat(projection.appliedSequence(C3)).isEqualTo(-1);
    }

    @Test
    void an_event_of_a_case_never_opened_is_rejected() {
        launch(CAMPAIGN, at(0));

        assertThatThrownBy(() -> projection.on(letter(C1, FACT_DATE), 1)).isInstanceOf(IllegalStateException.class);
        assertThat(dashboard().getInteger("cases")).isZero();
        assertThat(projection.appliedSequence(C1)).isEqualTo(-1);
    }

    @Test
    void a_case_of_a_campaign_not_yet_projected_is_rejected() {
        assertThatThrownBy(() -> projection.on(opened(C1, CAMPAIGN), 0)).isInstanceOf(IllegalStateException.class);
        assertThat(projection.appliedSequence(C1)).isEqualTo(-1);
        assertThat(projection.knows(CAMPAIGN)).isFalse();
    }

    @Test
    void all_lists_campaigns_in_order_of_launch() {
        launch(OTHER_CAMPAIGN, Instant.parse("2026-06-01T12:00:05Z"));
        launch(new CampaignId("third"), Instant.parse("2026-06-02T08:00:00Z"));
        launch(CAMPAIGN, Instant.parse("2026-05-31T23:00:00Z"));

        assertThat(projection.all()).extracting(CampaignDashboard::id)
                                    .containsExactly(CAMPAIGN.value(), OTHER_CAMPAIGN.value(), "third");
        assertThat(projection.all()).containsExactly(projection.find(CAMPAIGN).orElseThrow(),
                                                     projection.find(OTHER_CAMPAIGN).orElseThrow(),
                                                     projection.find(new CampaignId("third")).orElseThrow());
    }

    @Test
    void all_lists_campaigns_launched_within_the_same_second_in_order_of_launch() {
        launch(OTHER_CAMPAIGN, Instant.parse("2026-06-01T12:00:00.500Z"));
        launch(CAMPAIGN, Instant.parse("2026-06-01T12:00:00Z"));

        assertThat(projection.all()).extracting(CampaignDashboard::id)
                                    .containsExactly(CAMPAIGN.value(), OTHER_CAMPAIGN.value());
    }

    @Test
    void reset_empties_the_read_model() {
        launch(CAMPAIGN, at(0));
        record(opened(C1, CAMPAIGN));
        record(letter(C1, FACT_DATE));

        projection.reset();

        assertThat(projection.knows(CAMPAIGN)).isFalse();
        assertThat(projection.find(CAMPAIGN)).isEmpty();
        assertThat(projection.all()).isEmpty();
        assertThat(projection.appliedSequence(C1)).isEqualTo(-1);
        assertThat(database.getCollection(CampaignDashboardProjection.COLLECTION).countDocuments()).isZero();
        assertThat(database.getCollection(CampaignDashboardProjection.CASES_COLLECTION).countDocuments()).isZero();
    }
}
