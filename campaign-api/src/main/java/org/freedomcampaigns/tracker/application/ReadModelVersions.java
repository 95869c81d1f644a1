package org.freedomcampaigns.tracker.application;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.bson.Document;
import org.freedomcampaigns.tracker.projections.casesummary.CaseSummaryProjection;
import org.freedomcampaigns.tracker.projections.dashboard.CampaignDashboardProjection;
import org.freedomcampaigns.tracker.projections.officials.OfficialsProjection;
import org.freedomcampaigns.tracker.projections.timeline.TimelineProjection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;

/**
 * Rebuilds a read model at start-up when its stored documents have an older shape than the code reads: each read
 * model has a version, raised whenever its documents change shape; the version a store was built with is kept in
 * {@value #COLLECTION}. A store whose read models predate these records counts as version 1. A fresh store just
 * records the current versions.
 *
 * <p>The check runs while the beans are created, before any event processor starts, so "fresh" means that no
 * processor has stored a token yet; the rebuilds start once the application is ready.
 */
@Component
public class ReadModelVersions {
    public static final String COLLECTION = "read_model_versions";
    /** The current version of each read model's stored form. */
    static final Map<String, Integer> VERSIONS = Map.of(
            CaseSummaryProjection.NAME, 1,
            // 2: one document per timeline entry instead of one growing document per case
            TimelineProjection.NAME, 2,
            // 2: totals per campaign and one document per case, instead of one document per campaign listing its cases
            CampaignDashboardProjection.NAME, 2,
            OfficialsProjection.NAME, 1);
    /** The token store's collection (the Axon Mongo extension's default). */
    private static final String TOKENS = "trackingtokens";
    private static final Logger log = LoggerFactory.getLogger(ReadModelVersions.class);

    private final MongoCollection<Document> versions;
    private final ReadModels readModels;
    private final List<String> outdated = new ArrayList<>();

    public ReadModelVersions(MongoDatabase database, ReadModels readModels) {
        this.versions = database.getCollection(COLLECTION);
        this.readModels = readModels;
        MongoCollection<Document> tokens = database.getCollection(TOKENS);
        for (String name : ReadModels.NAMES) {
            int current = VERSIONS.get(name);
            Document stored = versions.find(Filters.eq("_id", name)).first();
            int storedVersion = stored != null ? stored.getInteger("version", 1)
                    // no token yet: a fresh store, built by this code; tokens but no record: older than the records
                    : tokens.find(Filters.eq("processorName", name)).first() == null ? current : 1;
            if (storedVersion != current) {
                outdated.add(name);
            } else if (stored == null) {
                record(name);
            }
        }
    }

    @EventListener(ApplicationReadyEvent.class)
    void rebuildOutdated() {
        for (String name : outdated) {
            log.info("Read model {} was stored in an older form: rebuilding it as version {}", name,
                     VERSIONS.get(name));
            readModels.rebuild(name, EventMetadata.SYSTEM);
            record(name);
        }
    }

    private void record(String name) {
        versions.replaceOne(Filters.eq("_id", name), new Document("version", VERSIONS.get(name)),
                            new ReplaceOptions().upsert(true));
    }
}
