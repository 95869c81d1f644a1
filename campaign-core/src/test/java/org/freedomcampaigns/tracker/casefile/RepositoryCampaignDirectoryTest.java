package org.freedomcampaigns.tracker.casefile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.freedomcampaigns.tracker.casefile.CaseEvents.CAMPAIGN;
import static org.freedomcampaigns.tracker.casefile.CaseEvents.CASE;
import static org.freedomcampaigns.tracker.casefile.CaseEvents.opened;

import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.EventSourcingRepository;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.messaging.ResultMessage;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.freedomcampaigns.tracker.facts.CampaignEvent.CampaignLaunched;
import org.freedomcampaigns.tracker.facts.CampaignId;
import org.freedomcampaigns.tracker.campaign.Campaign;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The campaign directory over a real event-sourced repository and an in-memory event store. */
class RepositoryCampaignDirectoryTest {
    private EmbeddedEventStore eventStore;
    private CampaignDirectory directory;

    @BeforeEach
    void setUp() {
        eventStore = EmbeddedEventStore.builder().storageEngine(new InMemoryEventStorageEngine()).build();
        directory = new RepositoryCampaignDirectory(EventSourcingRepository.builder(Campaign.class)
                                                                           .eventStore(eventStore)
                                                                           .build());
        eventStore.publish(new GenericDomainEventMessage<>("Campaign", CAMPAIGN.value(), 0,
                                                           new CampaignLaunched(CAMPAIGN, "Free them all", null)));
        eventStore.publish(new GenericDomainEventMessage<>("Case", CASE.value(), 0, opened(CASE)));
    }

    @AfterEach
    void tearDown() {
        eventStore.shutDown();
    }

    /** The directory loads from a repository, which needs a unit of work, as inside a command handler. */
    private ResultMessage<Boolean> exists(CampaignId campaignId) {
        return DefaultUnitOfWork.startAndGet(null).executeWithResult(() -> directory.exists(campaignId));
    }

    @Test
    void a_launched_campaign_exists() {
        ResultMessage<Boolean> result = exists(CAMPAIGN);

        assertThat(result.isExceptional()).isFalse();
        assertThat(result.getPayload()).isTrue();
    }

    @Test
    void a_campaign_that_was_never_launched_does_not_exist() {
        ResultMessage<Boolean> result = exists(new CampaignId("never-launched"));

        assertThat(result.isExceptional()).isFalse();
        assertThat(result.getPayload()).isFalse();
    }

    @Test
    void the_identifier_of_a_case_is_not_a_campaign() {
        ResultMessage<Boolean> result = exists(new CampaignId(CASE.value()));

        assertThat(result.isExceptional()).as("exception: %s", result.optionalExceptionResult()).isFalse();
        assertThat(result.getPayload()).isFalse();
    }
}
