package org.freedomcampaigns.tracker.projections.support;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.bson.Document;

import com.mongodb.MongoBulkWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.InsertManyOptions;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.WriteModel;

/**
 * The write side of one read-model collection, batched per unit of work: a write-behind cache. An event processor
 * handles a batch of events in one unit of work; within it, each document is read from MongoDB at most once, changed
 * in memory by every event of the batch, and written back once, in one bulk write, once the batch's last event has
 * been handled ({@link FlushAtBatchEnd}) — before the processor stores its token, so a failed write or a crash is
 * retried from the same events. (A tracking processor without a transaction manager stores its token at the start of
 * the commit, ahead of anything handlers register there: writes left to the commit could be skipped for good.) A
 * rebuild of 100,000 events thus costs a few thousand round trips instead of hundreds of thousands. Outside a unit of
 * work (tests calling handlers directly) every write goes straight to MongoDB.
 *
 * <p>A read model that knows which document each event touches says so ({@link #prefetching}): the first read of a
 * batch then loads the documents of all its events at once ({@link BatchPrefetch}). Every read and write is
 * journaled ({@link UndoJournal}), so that an event that fails can be taken back on its own.
 *
 * <p>Every read and write goes by {@code _id} alone, the only index the embedded server serves.
 */
public final class DocumentWrites {
    private static final ReplaceOptions UPSERT = new ReplaceOptions().upsert(true);
    private static final int DUPLICATE_KEY = 11000;

    private final MongoCollection<Document> collection;
    private final String resourceKey;
    private final int flushOrder;
    private Function<Object, String> idOfPayload;
    /** This collection's documents, as the undo journal knows them: one instance, compared by identity. */
    private final UndoJournal.Holder holder = this::forget;

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

    /**
     * Loads the documents a batch will read in a few queries when the batch first reads one.
     *
     * @param idOfPayload the id of the document an event payload touches, or null if none
     */
    public DocumentWrites prefetching(Function<Object, String> idOfPayload) {
        this.idOfPayload = idOfPayload;
        return this;
    }

    /** A pending change of one document: its new version, to replace or (if it never changes) to insert. */
    private static final class Pending {
        Document replacement;
        boolean loaded;
        boolean insertOnly;
    }

    /** What this collection's writes hold during one batch. */
    private static final class Batch {
        final Map<String, Pending> pending = new LinkedHashMap<>();
        /** Documents as stored before the batch, by id (null value: none stored); null until prefetched. */
        Map<String, Document> stored;
    }

    /** Drops the batch's version of the document: the next read loads it as stored. */
    private void forget(String id) {
        Batch batch = batch();
        batch.pending.remove(id);
        if (batch.stored != null) {
            batch.stored.remove(id);
        }
    }

    private void touch(String id) {
        UndoJournal.touched(holder, id);
    }

    /** The document as this batch last left it (loaded once from MongoDB), or null if there is none. */
    public Document find(String id) {
        Batch batch = batch();
        if (batch == null) {
            return Documents.byId(collection, id);
        }
        touch(id);
        Pending pending = batch.pending.computeIfAbsent(id, k -> new Pending());
        if (!pending.loaded) {
            pending.replacement = stored(batch, id);
            pending.loaded = true;
        }
        return pending.replacement;
    }

    private Document stored(Batch batch, String id) {
        if (batch.stored == null && idOfPayload != null) {
            batch.stored = BatchPrefetch.storedDocuments(collection, idOfPayload);
        }
        if (batch.stored != null && batch.stored.containsKey(id)) {
            return batch.stored.get(id);
        }
        return Documents.byId(collection, id);
    }

    /** Stores a new version of the document (upsert), at the end of the batch. */
    public void save(String id, Document document) {
        document.put("_id", id);
        Batch batch = batch();
        if (batch == null) {
            collection.replaceOne(Filters.eq("_id", id), document, UPSERT);
            return;
        }
        touch(id);
        Pending pending = batch.pending.computeIfAbsent(id, k -> new Pending());
        pending.replacement = document;
        pending.loaded = true;
    }

    /**
     * Stores a document that never changes once written, at the end of the batch: inserted, and left as it is if
     * it is there already (a batch delivered again writes the same content). Cheaper than a replacement, which
     * looks the document up first.
     */
    public void insertOnce(String id, Document document) {
        document.put("_id", id);
        Batch batch = batch();
        if (batch == null) {
            insertIgnoringDuplicates(List.of(document));
            return;
        }
        touch(id);
        Pending pending = batch.pending.computeIfAbsent(id, k -> new Pending());
        pending.replacement = document;
        pending.loaded = true;
        pending.insertOnly = true;
    }

    private void insertIgnoringDuplicates(List<Document> documents) {
        try {
            collection.insertMany(documents, new InsertManyOptions().ordered(false));
        } catch (MongoBulkWriteException e) {
            if (e.getWriteErrors().stream().anyMatch(error -> error.getCode() != DUPLICATE_KEY)) {
                throw e;
            }
        }
    }

    private Batch batch() {
        if (!CurrentUnitOfWork.isStarted()) {
            return null;
        }
        return BatchResources.perBatch(resourceKey, Batch::new, flushOrder, this::flush);
    }

    private void flush(Batch batch) {
        List<WriteModel<Document>> writes = new ArrayList<>();
        List<Document> inserts = new ArrayList<>();
        batch.pending.forEach((id, pending) -> {
            if (pending.insertOnly) {
                inserts.add(pending.replacement);
            } else if (pending.replacement != null) {
                writes.add(new ReplaceOneModel<>(Filters.eq("_id", id), pending.replacement, UPSERT));
            }
        });
        if (!inserts.isEmpty()) {
            insertIgnoringDuplicates(inserts);
        }
        if (!writes.isEmpty()) {
            collection.bulkWrite(writes, new BulkWriteOptions().ordered(true));
        }
        batch.pending.clear();
        batch.stored = null;
    }
}
