package org.freedomcampaigns.tracker.storage;

import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.extensions.mongo.MongoTemplate;
import org.axonframework.extensions.mongo.eventhandling.deadletter.MongoSequencedDeadLetterQueue;
import org.axonframework.serialization.Serializer;
import org.freedomcampaigns.tracker.application.ReadModels;
import org.freedomcampaigns.tracker.projections.casesummary.CaseSummaryProjection;
import org.freedomcampaigns.tracker.projections.dashboard.CampaignDashboardProjection;
import org.freedomcampaigns.tracker.projections.officials.OfficialsProjection;
import org.freedomcampaigns.tracker.projections.support.BatchLocks;
import org.freedomcampaigns.tracker.projections.support.FlushAtBatchEnd;
import org.freedomcampaigns.tracker.projections.support.PoisonEvents;
import org.freedomcampaigns.tracker.projections.timeline.TimelineProjection;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.mongodb.client.MongoDatabase;

/**
 * The read models. Each is its own processing group, run by a tracking processor (see application.yml), so each
 * keeps its own token and can be replayed on its own.
 */
@Configuration(proxyBeanMethods = false)
public class ReadModelConfiguration {
    /** Cases one read model may park; past it, its processor stops and retries (nothing is skipped). */
    static final int MAX_PARKED_CASES = 100_000;
    static final int MAX_PARKED_PER_CASE = 100_000;

    /**
     * Every processor writes its batch's documents once the batch's last event has been handled, before it stores
     * its token: left to the commit, the writes would follow the token, and a crash between the two would skip the
     * batch for good.
     */
    @Bean
    ConfigurerModule flushReadModelsBeforeTokens(BatchLocks batchLocks) {
        return configurer -> configurer.eventProcessing().registerDefaultHandlerInterceptor(
                (config, name) -> new FlushAtBatchEnd(batchLocks.of(name)));
    }

    @Bean
    BatchLocks batchLocks() {
        return new BatchLocks();
    }

    /**
     * An event a read model fails on is parked in the read model's dead-letter queue (MongoDB collection
     * {@code deadletters}) with the later events of its case; every other case keeps flowing. See
     * {@link PoisonEvents} and {@code DeadLetters}.
     */
    @Bean
    ConfigurerModule parkPoisonEvents(MongoTemplate axonMongoTemplate,
                                      @Qualifier("eventSerializer") Serializer eventSerializer) {
        return configurer -> ReadModels.NAMES.forEach(name -> PoisonEvents.park(
                configurer.eventProcessing(), name,
                config -> MongoSequencedDeadLetterQueue.builder()
                                                       .processingGroup(name)
                                                       .mongoTemplate(axonMongoTemplate)
                                                       .serializer(eventSerializer)
                                                       .transactionManager(NoTransactionManager.instance())
                                                       .maxSequences(MAX_PARKED_CASES)
                                                       .maxSequenceSize(MAX_PARKED_PER_CASE)
                                                       .build()));
    }

    @Bean
    CaseSummaryProjection caseSummaryProjection(MongoDatabase database) {
        return new CaseSummaryProjection(database);
    }

    @Bean
    TimelineProjection timelineProjection(MongoDatabase database) {
        return new TimelineProjection(database);
    }

    @Bean
    CampaignDashboardProjection campaignDashboardProjection(MongoDatabase database) {
        return new CampaignDashboardProjection(database);
    }

    @Bean
    OfficialsProjection officialsProjection(MongoDatabase database) {
        return new OfficialsProjection(database);
    }
}
