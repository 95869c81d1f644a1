package org.freedomcampaigns.tracker.projections.support;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.bson.Document;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import com.mongodb.client.model.WriteModel;

/**
 * The write side of one read-model collection, batched per unit of work. An event processor handles a batch of
 * events in one unit of work; within it, each document is read from MongoDB at most once, changed in memory by every
 * event of the batch, and written back once, in one bulk write, when the unit of work commits — before the
 * processor stores its token, so a failed write is retried from the same events. A rebuild of 100,000 events thus
 * costs a few thousand round trips instead of hundreds of thousands. Outside a unit of work (tests calling handlers
 * directly) every write goes straight to MongoDB.
 *
 * <p>Every read and write goes by {@code _id} alone, the only index the embedded server serves.
 */
public final class DocumentWrites {
    private static final ReplaceOptions UPSERT = new ReplaceOptions().upsert(true);

    private static final String FLUSHES = DocumentWrites.class.getName() + ":flushes";

    private final MongoCollection<Document> collection;
    private final String resourceKey;
    private final int flushOrder;

    public DocumentWrites(MongoCollection<Document> collection) {
        this(collection, 0);
    }

    /**
     * @param flushOrder collections of one read model are written in this order at the end of a batch (lowest
     *                   first): write the documents that guard idempotency last
     */
    public DocumentWrites(MongoCollection<Document> collection, int flushOrder) {
        this.collection = collection;
        this.resourceKey = DocumentWrites.class.getName() + ":" + collection.getNamespace().getFullName();
        this.flushOrder = flushOrder;
    }

    /** A pending change of one document: a whole new version, or entries to append to an array. */
    private static final class Pending {
        Document replacement;
        boolean loaded;
        String arrayField;
        final List<Document> appended = new ArrayList<>();
        final Document set = new Document();
    }

    /** The document as this batch last left it (loaded once from MongoDB), or null if there is none. */
    public Document find(String id) {
        Map<String, Pending> batch = batch();
        if (batch == null) {
            return Documents.byId(collection, id);
        }
        Pending pending = batch.computeIfAbsent(id, k -> new Pending());
        if (!pending.loaded) {
            if (!pending.appended.isEmpty()) {
                throw new IllegalStateException("a document is either replaced or appended to within a batch");
            }
            pending.replacement = Documents.byId(collection, id);
            pending.loaded = true;
        }
        return pending.replacement;
    }

    /** Stores a new version of the document (upsert), at the end of the batch. */
    public void save(String id, Document document) {
        document.put("_id", id);
        Map<String, Pending> batch = batch();
        if (batch == null) {
            collection.replaceOne(Filters.eq("_id", id), document, UPSERT);
            return;
        }
        Pending pending = batch.computeIfAbsent(id, k -> new Pending());
        pending.replacement = document;
        pending.loaded = true;
    }

    /**
     * Appends an entry to an array field and sets a field, without reading the document (upsert), at the end of the
     * batch. For documents that only grow, like a timeline.
     */
    public void append(String id, String arrayField, Document entry, String field, Object value) {
        Map<String, Pending> batch = batch();
        if (batch == null) {
            collection.updateOne(Filters.eq("_id", id),
                                 Updates.combine(Updates.push(arrayField, entry), Updates.set(field, value)),
                                 new UpdateOptions().upsert(true));
            return;
        }
        Pending pending = batch.computeIfAbsent(id, k -> new Pending());
        if (pending.loaded) {
            throw new IllegalStateException("a document is either replaced or appended to within a batch");
        }
        pending.arrayField = arrayField;
        pending.appended.add(entry);
        pending.set.put(field, value);
    }

    private Map<String, Pending> batch() {
        if (!CurrentUnitOfWork.isStarted()) {
            return null;
        }
        UnitOfWork<?> unitOfWork = CurrentUnitOfWork.get().root();
        TreeMap<Integer, List<Runnable>> flushes = unitOfWork.getOrComputeResource(FLUSHES, key -> {
            TreeMap<Integer, List<Runnable>> ordered = new TreeMap<>();
            unitOfWork.onPrepareCommit(u -> ordered.values().forEach(list -> list.forEach(Runnable::run)));
            return ordered;
        });
        return unitOfWork.getOrComputeResource(resourceKey, key -> {
            Map<String, Pending> batch = new LinkedHashMap<>();
            flushes.computeIfAbsent(flushOrder, order -> new ArrayList<>()).add(() -> flush(batch));
            return batch;
        });
    }

    /** The value a pending append of this batch sets in {@code field}, or null if none is pending. */
    public Object pendingValue(String id, String field) {
        Map<String, Pending> batch = batch();
        Pending pending = batch == null ? null : batch.get(id);
        return pending == null ? null : pending.set.get(field);
    }

    private void flush(Map<String, Pending> batch) {
        List<WriteModel<Document>> writes = new ArrayList<>();
        batch.forEach((id, pending) -> {
            if (!pending.appended.isEmpty()) {
                writes.add(new UpdateOneModel<>(Filters.eq("_id", id),
                                                Updates.combine(Updates.pushEach(pending.arrayField, pending.appended),
                                                                new Document("$set", pending.set)),
                                                new UpdateOptions().upsert(true)));
            } else if (pending.replacement != null) {
                writes.add(new ReplaceOneModel<>(Filters.eq("_id", id), pending.replacement, UPSERT));
            }
        });
        if (!writes.isEmpty()) {
            collection.bulkWrite(writes, new BulkWriteOptions().ordered(true));
        }
        batch.clear();
    }
}
