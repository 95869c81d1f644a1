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
    private RedoLog redoLog;
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

    /**
     * How a read model that works on typed values stores them: a batch decodes each document once and encodes it
     * once, when it is written, however many of its events change it.
     */
    public record Codec<T>(Function<Document, T> decode, Function<T, Document> encode) {
    }

    /**
     * One document of the batch: as loaded or last saved, as a document or as its reader's typed value (encoded when
     * written); written at the batch end if saved.
     */
    private static final class Pending {
        Document replacement;
        Object value;
        Codec<Object> codec;
        boolean loaded;
        boolean dirty;
        boolean insertOnly;

        Document document(String id) {
            if (value != null && replacement == null) {
                replacement = codec.encode().apply(value);
                replacement.put("_id", id);
            }
            return replacement;
        }
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
        Pending pending = loaded(batch, id);
        Document document = pending.document(id);
        // the caller may change the document in place: its typed form, if any, is no longer current
        pending.value = null;
        return document;
    }

    /** The typed value of the document as this batch last left it (decoded once), or null if there is none. */
    @SuppressWarnings("unchecked")
    public <T> T find(String id, Codec<T> codec) {
        Batch batch = batch();
        if (batch == null) {
            Document stored = Documents.byId(collection, id);
            return stored == null ? null : codec.decode().apply(stored);
        }
        Pending pending = loaded(batch, id);
        if (pending.value == null && pending.replacement != null) {
            pending.value = codec.decode().apply(pending.replacement);
            pending.codec = (Codec<Object>) codec;
        }
        return (T) pending.value;
    }

    private Pending loaded(Batch batch, String id) {
        touch(id);
        Pending pending = batch.pending.computeIfAbsent(id, k -> new Pending());
        if (!pending.loaded) {
            pending.replacement = stored(batch, id);
            pending.loaded = true;
        }
        return pending;
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
        Pending pending = saved(batch, id);
        pending.replacement = document;
    }

    /** Stores a new typed value of the document (upsert), encoded and written at the end of the batch. */
    @SuppressWarnings("unchecked")
    public <T> void save(String id, T value, Codec<T> codec) {
        Batch batch = batch();
        if (batch == null) {
            save(id, codec.encode().apply(value));
            return;
        }
        Pending pending = saved(batch, id);
        pending.replacement = null;
        pending.value = value;
        pending.codec = (Codec<Object>) codec;
    }

    private Pending saved(Batch batch, String id) {
        touch(id);
        Pending pending = batch.pending.computeIfAbsent(id, k -> new Pending());
        pending.value = null;
        pending.loaded = true;
        pending.dirty = true;
        return pending;
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
        Pending pending = saved(batch, id);
        pending.replacement = document;
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
        return BatchResources.perBatch(resourceKey, () -> {
            if (redoLog != null) {
                redoLog.beginBatch();
            }
            return new Batch();
        }, flushOrder, this::flush);
    }

    /**
     * Has this collection's writes of every batch go into {@code log} first, with the writes of the other
     * collections journaled there: a batch's writes to all of them then land together or not at all.
     */
    public DocumentWrites journaled(RedoLog log) {
        this.redoLog = log;
        log.enlist(this);
        return this;
    }

    String collectionName() {
        return collection.getNamespace().getCollectionName();
    }

    /** What the current batch will write, in the order it will: to journal in a redo log. */
    List<RedoLog.Write> pendingWrites() {
        Batch batch = CurrentUnitOfWork.isStarted() ? CurrentUnitOfWork.get().root().getResource(resourceKey) : null;
        List<RedoLog.Write> writes = new ArrayList<>();
        if (batch != null) {
            batch.pending.forEach((id, pending) -> {
                Document document = pending.dirty ? pending.document(id) : null;
                if (document != null) {
                    writes.add(new RedoLog.Write(collectionName(), id, document, pending.insertOnly));
                }
            });
        }
        return writes;
    }

    private void flush(Batch batch) {
        List<Document> replacements = new ArrayList<>();
        List<Document> inserts = new ArrayList<>();
        batch.pending.forEach((id, pending) -> {
            Document document = pending.dirty ? pending.document(id) : null;
            if (document != null) {
                (pending.insertOnly ? inserts : replacements).add(document);
            }
        });
        write(replacements, inserts);
        batch.pending.clear();
        batch.stored = null;
    }

    /** Writes documents (each with its {@code _id}): the replacements upserted, the inserts left if present. */
    void write(List<Document> replacements, List<Document> inserts) {
        if (!inserts.isEmpty()) {
            insertIgnoringDuplicates(inserts);
        }
        if (!replacements.isEmpty()) {
            List<WriteModel<Document>> writes = new ArrayList<>(replacements.size());
            replacements.forEach(document -> writes.add(
                    new ReplaceOneModel<>(Filters.eq("_id", document.get("_id")), document, UPSERT)));
            collection.bulkWrite(writes, new BulkWriteOptions().ordered(true));
        }
    }
}
