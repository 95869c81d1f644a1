package org.freedomcampaigns.tracker.storage;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import org.axonframework.config.AggregateConfiguration;
import org.axonframework.config.AggregateConfigurer;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventsourcing.AggregateSnapshotter;
import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.AggregateFactory;
import org.axonframework.eventsourcing.Snapshotter;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.MessageOriginProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.axonframework.serialization.Serializer;
import org.freedomcampaigns.tracker.application.EventMetadata;
import org.axonframework.serialization.json.JacksonSerializer;
import org.freedomcampaigns.tracker.campaign.Campaign;
import org.freedomcampaigns.tracker.casefile.CampaignDirectory;
import org.freedomcampaigns.tracker.casefile.Case;
import org.freedomcampaigns.tracker.casefile.RepositoryCampaignDirectory;
import org.freedomcampaigns.tracker.facts.StoredNames;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * Axon wiring: the aggregates of campaign-core (which knows nothing of Spring), the clock and campaign directory
 * their command handlers take, and JSON serializers for stored events and tokens.
 */
@Configuration(proxyBeanMethods = false)
public class AxonConfiguration {

    /** Axon's origin data (causing message, trace) on every message. */
    @Bean
    CorrelationDataProvider messageOriginProvider() {
        return new MessageOriginProvider();
    }

    /**
     * Who recorded an event and the request it came with (its id, and its idempotency key and fingerprint if it
     * sent a key): copied from the command onto its events.
     */
    @Bean
    CorrelationDataProvider recordedByAndRequestId() {
        return new SimpleCorrelationDataProvider(EventMetadata.RECORDED_BY, EventMetadata.REQUEST_ID,
                                                 EventMetadata.IDEMPOTENCY_KEY, EventMetadata.REQUEST_FINGERPRINT);
    }

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    /**
     * The aggregates, each with a bounded cache of recently used instances and a snapshot every
     * {@code snapshotEvery} events, so that recording a fact costs the same on a case with a long history.
     */
    @Bean
    ConfigurerModule aggregates(@Value("${campaign.aggregates.cache-size:10000}") int cacheSize,
                                @Value("${campaign.aggregates.snapshot-every:100}") int snapshotEvery) {
        return configurer -> configurer.configureAggregate(cachedAndSnapshotted(Campaign.class, cacheSize,
                                                                                 snapshotEvery))
                                       .configureAggregate(cachedAndSnapshotted(Case.class, cacheSize,
                                                                                snapshotEvery));
    }

    /**
     * The snapshotter, told about our aggregates explicitly: Spring's default snapshotter only knows aggregates
     * declared as Spring beans, and campaign-core's are not. Built on first use from the aggregates' own
     * configurations, whose factories resolve the beans their handlers take (the campaign directory, the clock).
     */
    @Bean
    Snapshotter aggregateSnapshotter(ObjectProvider<org.axonframework.config.Configuration> axon) {
        AtomicReference<Snapshotter> snapshotter = new AtomicReference<>();
        return (aggregateType, aggregateIdentifier) -> snapshotter.updateAndGet(built -> {
            if (built != null) {
                return built;
            }
            org.axonframework.config.Configuration configuration = axon.getObject();
            List<AggregateFactory<?>> factories = new ArrayList<>();
            for (AggregateConfiguration<?> aggregate : configuration.findModules(AggregateConfiguration.class)) {
                factories.add(aggregate.aggregateFactory());
            }
            return AggregateSnapshotter.builder()
                                       .eventStore(configuration.eventStore())
                                       .aggregateFactories(factories)
                                       .repositoryProvider(configuration::repository)
                                       .transactionManager(configuration.getComponent(TransactionManager.class))
                                       .parameterResolverFactory(configuration.parameterResolverFactory())
                                       .handlerDefinition(configuration.handlerDefinition(Case.class))
                                       .build();
        }).scheduleSnapshot(aggregateType, aggregateIdentifier);
    }

    private static <A> AggregateConfigurer<A> cachedAndSnapshotted(Class<A> type, int cacheSize, int snapshotEvery) {
        BoundedAggregateCache cache = new BoundedAggregateCache(cacheSize);
        return AggregateConfigurer.defaultConfiguration(type)
                                  .configureCache(c -> cache)
                                  .configureSnapshotTrigger(c -> new EventCountSnapshotTriggerDefinition(
                                          c.snapshotter(), snapshotEvery));
    }

    @Bean
    CampaignDirectory campaignDirectory(ObjectProvider<org.axonframework.config.Configuration> axon) {
        // resolved on first use: the Axon configuration inspects the aggregates that take this directory
        return campaignId -> new RepositoryCampaignDirectory(axon.getObject().repository(Campaign.class))
                .exists(campaignId);
    }

    /** Stored JSON must stay readable: unknown fields are ignored (older code reading newer events), dates are ISO. */
    private static ObjectMapper storageMapper() {
        return new ObjectMapper().registerModule(new JavaTimeModule())
                                 .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                                 .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }

    /**
     * Our types under stable names: events by {@link StoredNames}, snapshots by their aggregate's type. Names
     * stored by earlier releases (class names) still read.
     */
    private static Serializer storedUnderStableNames(JacksonSerializer serializer) {
        Map<String, Class<?>> earlier = new HashMap<>(StoredNames.EARLIER_EVENTS);
        SNAPSHOTS.values().forEach(type -> earlier.put(type.getName(), type));
        Map<String, Class<?>> current = new HashMap<>(StoredNames.EVENTS);
        current.putAll(SNAPSHOTS);
        return new StoredTypeNames(serializer, current, earlier);
    }

    /** Snapshots are stored under their aggregate's type, as in their events' {@code type}. */
    private static final Map<String, Class<?>> SNAPSHOTS = Map.of(StoredNames.CASE, Case.class, StoredNames.CAMPAIGN, Campaign.class);

    @Bean
    @Primary
    Serializer serializer() {
        return storedUnderStableNames(JacksonSerializer.builder().objectMapper(storageMapper()).build());
    }

    @Bean
    @Qualifier("eventSerializer")
    Serializer eventSerializer() {
        return storedUnderStableNames(JacksonSerializer.builder().objectMapper(storageMapper()).build());
    }

    /**
     * Snapshots are aggregates serialized whole: their private fields are the state, so fields are read directly
     * and accessors ignored.
     */
    @Bean
    @Qualifier("snapshotSerializer")
    Serializer snapshotSerializer() {
        ObjectMapper mapper = storageMapper()
                .setVisibility(PropertyAccessor.ALL, JsonAutoDetect.Visibility.NONE)
                .setVisibility(PropertyAccessor.FIELD, JsonAutoDetect.Visibility.ANY);
        return storedUnderStableNames(JacksonSerializer.builder().objectMapper(mapper).build());
    }

    @Bean
    @Qualifier("messageSerializer")
    Serializer messageSerializer() {
        return storedUnderStableNames(JacksonSerializer.builder().objectMapper(storageMapper()).build());
    }
}
