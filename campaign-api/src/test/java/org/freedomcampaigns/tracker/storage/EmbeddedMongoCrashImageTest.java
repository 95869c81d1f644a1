package org.freedomcampaigns.tracker.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;

/**
 * What kill -9 leaves of the embedded H2 store is the file as of its last commit: a "crash image". Commits run while
 * clients write (appends commit the store; a read model's processor writes its documents, then the document that
 * guards its idempotency, then its token). Every crash image must hold, for each client, a prefix of what it wrote,
 * and whole commands: a commit that stored a later write without an earlier one lost a read model's entry or version
 * for good.
 */
class EmbeddedMongoCrashImageTest {
    private static final int PER_BATCH = 50;
    private static final int MAX_BATCHES = 400;

    @TempDir
    Path dir;

    @Test
    void every_commit_stores_whole_commands_and_a_prefix_of_each_clients_writes() throws Exception {
        Path live = dir.resolve("live");
        try (EmbeddedMongo mongo = new EmbeddedMongo(embedded(live));
             MongoClient client = MongoClients.create(mongo.connectionString())) {
            MongoDatabase db = client.getDatabase("crash");
            MongoCollection<Document> entries = db.getCollection("entries");
            MongoCollection<Document> versions = db.getCollection("versions");
            MongoCollection<Document> tokens = db.getCollection("tokens");
            AtomicBoolean stop = new AtomicBoolean();
            AtomicReference<Throwable> failed = new AtomicReference<>();
            // a read model's processor: entries, then the version, then the token; one batch after the other
            Thread processor = new Thread(() -> {
                try {
                    for (int batch = 0; !stop.get() && batch < MAX_BATCHES; batch++) {
                        List<Document> docs = new ArrayList<>();
                        for (int j = 0; j < PER_BATCH; j++) {
                            docs.add(new Document("_id", batch + "-" + j).append("batch", batch));
                        }
                        entries.insertMany(docs);
                        versions.replaceOne(Filters.eq("_id", "v"), new Document("v", batch),
                                            new ReplaceOptions().upsert(true));
                        tokens.replaceOne(Filters.eq("_id", "t"), new Document("t", batch),
                                          new ReplaceOptions().upsert(true));
                    }
                } catch (Throwable e) {
                    failed.set(e);
                }
            });
            processor.start();
            List<String> broken = new ArrayList<>();
            try {
                for (int image = 0; image < 15 && processor.isAlive(); image++) {
                    Thread.sleep(20);
                    mongo.committer().commit();
                    Path copy = Files.createDirectories(dir.resolve("image" + image));
                    Files.copy(live.resolve("campaign-tracker.mv"), copy.resolve("campaign-tracker.mv"));
                    String problem = check(copy);
                    if (problem != null) {
                        broken.add("image " + image + ": " + problem);
                    }
                }
            } finally {
                stop.set(true);
                processor.join();
            }
            assertThat(failed.get()).isNull();
            assertThat(broken).as("crash images that no sequence of whole commands leaves").isEmpty();
        }
    }

    /** What is wrong with a crash image, or null. */
    private static String check(Path imageDir) {
        try (EmbeddedMongo mongo = new EmbeddedMongo(embedded(imageDir));
             MongoClient client = MongoClients.create(mongo.connectionString())) {
            MongoDatabase db = client.getDatabase("crash");
            Document version = db.getCollection("versions").find(Filters.eq("_id", "v")).first();
            Document token = db.getCollection("tokens").find(Filters.eq("_id", "t")).first();
            long v = version == null ? -1 : version.getInteger("v");
            long t = token == null ? -1 : token.getInteger("t");
            if (t > v) {
                return "token " + t + " past version " + v;
            }
            MongoCollection<Document> entries = db.getCollection("entries");
            // the batches about the version: each as found by a scan and by _id (the unique index), and whole
            for (long b = Math.max(0, v - 1); b <= v + 1; b++) {
                long scanned = entries.countDocuments(Filters.eq("batch", b));
                List<String> ids = new ArrayList<>();
                for (int j = 0; j < PER_BATCH; j++) {
                    ids.add(b + "-" + j);
                }
                long byId = entries.countDocuments(Filters.in("_id", ids));
                boolean whole = b <= v ? scanned == PER_BATCH : scanned == 0 || scanned == PER_BATCH;
                if (scanned != byId || !whole) {
                    return "version " + v + ", batch " + b + ": " + scanned + " entries scanned, " + byId
                            + " found by _id, of " + PER_BATCH;
                }
            }
            return null;
        }
    }

    private static StorageProperties.Embedded embedded(Path dataDir) {
        return new StorageProperties.Embedded(StorageProperties.Backend.H2, dataDir, "127.0.0.1", 0);
    }
}
