package org.freedomcampaigns.tracker.projections.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.freedomcampaigns.tracker.projections.TestEvents.CAMPAIGN;
import static org.freedomcampaigns.tracker.projections.TestEvents.FACT_DATE;
import static org.freedomcampaigns.tracker.projections.TestEvents.at;
import static org.freedomcampaigns.tracker.projections.TestEvents.launched;
import static org.freedomcampaigns.tracker.projections.TestEvents.letter;
import static org.freedomcampaigns.tracker.projections.TestEvents.opened;
import static org.freedomcampaigns.tracker.projections.TestEvents.petitionFiled;

import java.util.ArrayList;
import java.util.List;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.bson.BsonDocument;
import org.bson.Document;
import org.freedomcampaigns.tracker.facts.CaseEvent;
import org.freedomcampaigns.tracker.facts.CaseId;
import org.freedomcampaigns.tracker.projections.MongoTestBase;
import org.freedomcampaigns.tracker.projections.support.BatchResources;
import org.junit.jupiter.api.Test;

import com.mongodb.client.model.Filters;

/**
 * A campaign of 100,000 cases, built directly in the read model as a processor would (batches of 5,000 events):
 * its dashboard still updates and reads, and its document is as small as a campaign with one case.
 */
class CampaignDashboardAtScaleTest extends MongoTestBase {
    private static final int CASES = 100_000;
    private static final int BATCH = 5_000;

    private CampaignDashboardProjection projection;

    @Override
    protected void createProjections() {
        projection = new CampaignDashboardProjection(database);
    }

    private static CaseId caseNo(int n) {
        return new CaseId("case-" + n);
    }

    private void inOneBatch(List<CaseEvent> events, long sequence) {
        List<EventMessage<?>> messages = new ArrayList<>(events.size());
        for (CaseEvent event : events) {
            messages.add(new GenericDomainEventMessage<>("Case", event.caseId().value(), sequence, event));
        }
        BatchingUnitOfWork<EventMessage<?>> batch = new BatchingUnitOfWork<>(messages);
        batch.execute(() -> {
            DomainEventMessage<?> message = (DomainEventMessage<?>) batch.getMessage();
            projection.on((CaseEvent) message.getPayload(), message.getSequenceNumber());
            if (batch.isLastMessage()) {
                BatchResources.writeCurrentBatch();
            }
        });
    }

    private int storedSize() {
        Document stored = database.getCollection(CampaignDashboardProjection.COLLECTION)
                                  .find(Filters.eq("_id", CAMPAIGN.value())).first();
        return stored.toBsonDocument(BsonDocument.class, com.mongodb.MongoClientSettings.getDefaultCodecRegistry())
                     .toJson().length();
    }

    @Test
    void a_campaign_of_100000_cases_still_updates_and_reads_from_a_document_that_does_not_grow() {
        projection.on(launched(CAMPAIGN), 0, at(0));
        inOneBatch(List.of(opened(caseNo(0), CAMPAIGN)), 0);
        int sizeWithOneCase = storedSize();

        for (int from = 1; from < CASES; from += BATCH) {
            List<CaseEvent> openings = new ArrayList<>(BATCH);
            for (int n = from; n < Math.min(CASES, from + BATCH); n++) {
                openings.add(opened(caseNo(n), CAMPAIGN));
            }
            inOneBatch(openings, 0);
        }
        inOneBatch(List.of(letter(caseNo(77_777), FACT_DATE)), 1);
        inOneBatch(List.of(petitionFiled(caseNo(99_999), FACT_DATE)), 1);

        CampaignDashboard dashboard = projection.find(CAMPAIGN).orElseThrow();
        assertThat(dashboard.cases()).isEqualTo(CASES);
        assertThat(dashboard.casesByStatus()).containsEntry("OPEN", CASES - 1).containsEntry("PETITION_FILED", 1);
        assertThat(dashboard.counts()).containsEntry("letters", 1).containsEntry("petitions", 1);
        assertThat(projection.appliedSequence(caseNo(77_777))).isEqualTo(1);
        assertThat(storedSize()).as("the campaign's document, in characters of JSON")
                                .isLessThan(sizeWithOneCase + 16);
    }
}
