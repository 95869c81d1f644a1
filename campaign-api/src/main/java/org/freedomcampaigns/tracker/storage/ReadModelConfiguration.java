package org.freedomcampaigns.tracker.storage;

import org.axonframework.config.ConfigurerModule;
import org.freedomcampaigns.tracker.projections.casesummary.CaseSummaryProjection;
import org.freedomcampaigns.tracker.projections.dashboard.CampaignDashboardProjection;
import org.freedomcampaigns.tracker.projections.officials.OfficialsProjection;
import org.freedomcampaigns.tracker.projections.support.FlushAtBatchEnd;
import org.freedomcampaigns.tracker.projections.timeline.TimelineProjection;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.mongodb.client.MongoDatabase;

/**
 * The read models. Each is its own processing group, run by a tracking processor (see application.yml), so each
 * keeps its own token and can be replayed on its own.
 */
@Configuration(proxyBeanMethods = false)
public class ReadModelConfiguration {

    /**
     * Every processor writes its batch's documents once the batch's last event has been handled, before it stores
     * its token: left to the commit, the writes would follow the token, and a crash between the two would skip the
     * batch for good.
     */
    @Bean
    ConfigurerModule flushReadModelsBeforeTokens() {
        return configurer -> configurer.eventProcessing()
                                       .registerDefaultHandlerInterceptor((config, name) -> new FlushAtBatchEnd());
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
