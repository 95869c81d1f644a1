package org.freedomcampaigns.tracker.storage;

import java.util.Optional;

import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.extensions.mongo.DefaultMongoTemplate;
import org.axonframework.extensions.mongo.MongoTemplate;
import org.axonframework.extensions.mongo.eventsourcing.tokenstore.MongoTokenStore;
import org.axonframework.serialization.Serializer;
import org.freedomcampaigns.tracker.eventstore.MongoEventStore;
import org.freedomcampaigns.tracker.application.EventMetadata;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.WriteConcern;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;

/**
 * Storage wiring: one MongoDB (embedded or real) holds the event store, the tracking tokens and the read models.
 */
@Configuration(proxyBeanMethods = false)
public class StorageConfiguration {

    @Bean(destroyMethod = "close")
    @ConditionalOnExpression("'${campaign.storage.mongodb-uri:}'.isBlank()")
    EmbeddedMongo embeddedMongo(StorageProperties properties) {
        return new EmbeddedMongo(properties.embedded());
    }

    @Bean(destroyMethod = "close")
    MongoClient mongoClient(StorageProperties properties, ObjectProvider<EmbeddedMongo> embedded) {
        String uri = Optional.ofNullable(embedded.getIfAvailable()).map(EmbeddedMongo::connectionString)
                             .orElse(properties.mongodbUri());
        ConnectionString connection = new ConnectionString(uri);
        MongoClientSettings.Builder settings = MongoClientSettings.builder().applyConnectionString(connection);
        if (connection.getWriteConcern() == null) {
            // an acknowledged write must survive the loss of the primary and a crash
            settings.writeConcern(WriteConcern.MAJORITY.withJournal(true));
        }
        return MongoClients.create(settings.build());
    }

    @Bean
    MongoDatabase mongoDatabase(MongoClient client, StorageProperties properties) {
        return client.getDatabase(properties.database());
    }

    @Bean
    StoreCommitter storeCommitter(ObjectProvider<EmbeddedMongo> embedded) {
        return Optional.ofNullable(embedded.getIfAvailable()).map(EmbeddedMongo::committer).orElse(StoreCommitter.NONE);
    }

    /** The Axon Mongo extension still keeps the tracking tokens (and later sagas and dead letters). */
    @Bean
    MongoTemplate axonMongoTemplate(MongoDatabase database) {
        return DefaultMongoTemplate.builder().mongoDatabase(database).build();
    }

    /**
     * Our own engine (campaign-eventstore): global sequence, gap-aware tokens, atomic appends, reads served by
     * indexes. Appends are acknowledged once durable: the engine group-commits concurrent appends and calls the
     * store committer once per group.
     */
    @Bean(destroyMethod = "close")
    MongoEventStore eventStorageEngine(MongoDatabase database,
                                       @Qualifier("eventSerializer") Serializer eventSerializer,
                                       @Qualifier("snapshotSerializer") Serializer snapshotSerializer,
                                       StoreCommitter committer) {
        return MongoEventStore.builder()
                              .database(database)
                              .eventSerializer(eventSerializer)
                              .snapshotSerializer(snapshotSerializer)
                              .durability(committer::commit)
                              .uniqueRequests(EventMetadata.IDEMPOTENCY_KEY)
                              .build();
    }

    @Bean
    TokenStore tokenStore(MongoTemplate template, Serializer serializer) {
        return MongoTokenStore.builder().mongoTemplate(template).serializer(serializer).build();
    }
}
