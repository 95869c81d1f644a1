package org.freedomcampaigns.tracker.projections.support;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.WriteModel;

/**
 * Makes one read model's writes of a batch to several collections land together: before any of them is written,
 * all of them are journaled here (a few documents of {@value #COLLECTION}, replaced by every batch), and a batch
 * that stopped part way — a crash, a failed write — is completed from the log before the next batch reads anything.
 *
 * <p>Needed where a read model keeps totals in one collection and what makes it idempotent in another (a campaign's
 * counters, and the sequence applied per case): with no transactions on the embedded server, a crash between the two
 * writes would otherwise have the batch's events counted again when they are delivered again. Completing the log
 * again is harmless: it always holds the last batch that wrote, and nothing has been written since.
 *
 * <p>One log per read model, whose processor runs one segment (one batch at a time).
 */
public final class RedoLog {
    public static final String COLLECTION = "read_model_redo";
    /** Writes per log document: a rebuild's batch of thousands of events stays far below MongoDB's 16 MB. */
    private static final int WRITES_PER_DOCUMENT = 500;
    /** After the undo journal's guard, before every collection's writes. */
    private static final int LOG_ORDER = Integer.MIN_VALUE + 1;
    /** After every collection's writes. */
    private static final int WRITTEN_ORDER = Integer.MAX_VALUE - 1;
    private static final ReplaceOptions UPSERT = new ReplaceOptions().upsert(true);
    private static final Logger log = LoggerFactory.getLogger(RedoLog.class);

    /** One document a batch writes. */
    record Write(String collection, String id, Document document, boolean insertOnly) {
    }

    private final MongoCollection<Document> parts;
    private final String name;
    private final String resourceKey;
    private final List<DocumentWrites> enlisted = new CopyOnWriteArrayList<>();
    /** False until the stored log has been completed by this process, and from writing a log until its batch is. */
    private volatile boolean complete;

    /** @param name the read model's name: one log each */
    public RedoLog(MongoDatabase database, String name) {
        this.parts = database.getCollection(COLLECTION);
        this.name = name;
        this.resourceKey = RedoLog.class.getName() + ":" + name;
    }

    void enlist(DocumentWrites writes) {
        enlisted.add(writes);
    }

    /** Called when a batch first uses one of the log's collections, before it reads from it. */
    void beginBatch() {
        if (!complete) {
            redo();
            complete = true;
        }
        BatchResources.perBatch(resourceKey, () -> {
            BatchResources.atBatchWrite(WRITTEN_ORDER, () -> complete = true);
            return Boolean.TRUE;
        }, LOG_ORDER, batch -> writeLog());
    }

    private void writeLog() {
        List<Write> writes = new ArrayList<>();
        enlisted.forEach(collection -> writes.addAll(collection.pendingWrites()));
        if (writes.isEmpty()) {
            return;
        }
        complete = false;
        String stamp = UUID.randomUUID().toString();
        int count = (writes.size() + WRITES_PER_DOCUMENT - 1) / WRITES_PER_DOCUMENT;
        List<WriteModel<Document>> models = new ArrayList<>(count);
        for (int part = 0; part < count; part++) {
            List<Document> entries = new ArrayList<>();
            for (Write write : writes.subList(part * WRITES_PER_DOCUMENT,
                                              Math.min(writes.size(), (part + 1) * WRITES_PER_DOCUMENT))) {
                entries.add(new Document("c", write.collection()).append("id", write.id())
                                                                 .append("insert", write.insertOnly())
                                                                 .append("doc", write.document()));
            }
            String id = partId(part);
            // ordered, part 0 first: a log cut short shows a stamp that differs between its parts
            models.add(new ReplaceOneModel<>(Filters.eq("_id", id),
                                             new Document("_id", id).append("log", name).append("stamp", stamp)
                                                                    .append("parts", count)
                                                                    .append("writes", entries), UPSERT));
        }
        parts.bulkWrite(models, new BulkWriteOptions().ordered(true));
    }

    private String partId(int part) {
        return name + "#" + part;
    }

    /** Writes what the stored log holds, if it is whole (a log cut short was never followed by any write). */
    private void redo() {
        Document first = Documents.byId(parts, partId(0));
        if (first == null) {
            return;
        }
        String stamp = first.getString("stamp");
        int count = first.getInteger("parts");
        List<Document> stored = new ArrayList<>(List.of(first));
        for (int part = 1; part < count; part++) {
            Document next = Documents.byId(parts, partId(part));
            if (next == null || !stamp.equals(next.getString("stamp"))) {
                return;
            }
            stored.add(next);
        }
        Map<String, List<Document>> replacements = new LinkedHashMap<>();
        Map<String, List<Document>> inserts = new LinkedHashMap<>();
        for (Document part : stored) {
            for (Document write : part.getList("writes", Document.class)) {
                Document document = write.get("doc", Document.class);
                (write.getBoolean("insert", false) ? inserts : replacements)
                        .computeIfAbsent(write.getString("c"), c -> new ArrayList<>()).add(document);
            }
        }
        int written = 0;
        for (DocumentWrites collection : enlisted) {
            List<Document> replaced = replacements.getOrDefault(collection.collectionName(), List.of());
            List<Document> inserted = inserts.getOrDefault(collection.collectionName(), List.of());
            collection.write(replaced, inserted);
            written += replaced.size() + inserted.size();
        }
        log.debug("Read model {}: the last batch's {} writes completed from its redo log", name, written);
    }

    /** Forgets the log: for a read model that is emptied to be built again. */
    public void clear() {
        parts.deleteMany(Filters.eq("log", name));
        complete = true;
    }
}
