package org.freedomcampaigns.tracker.projections.support;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

import org.axonframework.messaging.Message;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
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
 * The write side of one read-model collection, batched per unit of work. An event processor handles a batch of
 * events in one unit of work; within it, each document is read from MongoDB at most once, changed in memory by every
 * event of the batch, and written back once, in one bulk write, once the batch's last event has been handled
 * ({@link FlushAtBatchEnd}) — before the processor stores its token, so a failed write or a crash is retried from
 * the same events. (A tracking processor without a transaction manager stores its token at the start of the commit,
 * ahead of anything handlers register there: writes left to the commit could be skipped for good.) A rebuild of 100,000 events thus
 * costs a few thousand round trips instead of hundreds of thousands. Outside a unit of work (tests calling handlers
 * directly) every write goes straight to MongoDB.
 *
 * <p>A read model that knows which document each event touches says so ({@link #prefetching}): the first read of a
 * batch then loads the documents of all its events at once, a hundred ids per query, instead of one
 * round trip per document — what a rebuild or a processor catching up spends most of its time on otherwise.
 *
 * <p>One event that fails leaves nothing of itself behind, while the batch goes on (its event is dead-lettered):
 * each event's reads and writes are journaled by document id ({@link #beginEvent}), and
 * {@link #undoFailedEvent} puts the documents it touched back as the batch's other events left them — reloaded as
 * stored, and the batch's earlier events that touched them applied again. Handlers must therefore be deterministic
 * functions of the documents they read and the event, which idempotent read models are. The happy path pays only
 * for the journal (a few ids per event); the undo is paid when an event fails.
 *
 * <p>Every read and write goes by {@code _id} alone, the only index the embedded server serves.
 */
public final class DocumentWrites {
    private static final ReplaceOptions UPSERT = new ReplaceOptions().upsert(true);
    private static final int DUPLICATE_KEY = 11000;
    private static final String FLUSHES = DocumentWrites.class.getName() + ":flushes";
    private static final String JOURNAL = DocumentWrites.class.getName() + ":journal";

    private final MongoCollection<Document> collection;
    private final String resourceKey;
    private final int flushOrder;
    private Function<Object, String> idOfPayload;

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

    /** One document of one collection. */
    private record Touched(DocumentWrites writes, String id) {
    }

    /** One event of the batch and the documents its handling read or wrote. */
    private static final class Handled {
        final Message<?> message;
        final Set<Touched> touched = new LinkedHashSet<>();
        boolean failed;

        Handled(Message<?> message) {
            this.message = message;
        }
    }

    /** The events of the batch so far, in order, with what they touched; kept until the batch is written. */
    private static final class Journal {
        final List<Handled> events = new ArrayList<>();
        Handled current;
        /** Set when an undo could not be completed: the batch must not be written. */
        String broken;
    }

    /** Applies one event to the read model again, as its handler did; see {@link #undoFailedEvent}. */
    @FunctionalInterface
    public interface Reapply {
        void handle(Message<?> event) throws Exception;
    }

    /**
     * Starts journaling the handling of an event of the current batch; every read model write of a processor must
     * be wrapped in these (see {@link FlushAtBatchEnd}).
     */
    public static void beginEvent(Message<?> event) {
        if (!CurrentUnitOfWork.isStarted()) {
            return;
        }
        Journal journal = journal();
        journal.current = new Handled(event);
        journal.events.add(journal.current);
    }

    /**
     * Takes back what the current event did to this batch's documents, after its handler failed: the documents it
     * touched are forgotten (read again as stored on their next use), and the batch's earlier events that touched
     * any of them — and, in turn, anything those touched — are applied again in order through {@code reapply}. With
     * no {@code reapply} (the handler is not at hand), an undo that would need one marks the batch as not to be
     * written instead: it then fails as a whole and is delivered again.
     */
    public static void undoFailedEvent(Reapply reapply) {
        if (!CurrentUnitOfWork.isStarted()) {
            return;
        }
        Journal journal = journal();
        Handled failed = journal.current;
        if (failed == null || failed.failed) {
            return;
        }
        failed.failed = true;
        // the documents to reload, closed over the earlier events that touched them
        Set<Touched> reload = new LinkedHashSet<>(failed.touched);
        List<Handled> again = new ArrayList<>();
        boolean grew = true;
        while (grew) {
            grew = false;
            for (Handled earlier : journal.events) {
                if (earlier == failed || earlier.failed || again.contains(earlier)) {
                    continue;
                }
                if (earlier.touched.stream().anyMatch(reload::contains)) {
                    again.add(earlier);
                    grew |= reload.addAll(earlier.touched);
                }
            }
        }
        for (Touched touched : reload) {
            touched.writes().forget(touched.id());
        }
        if (again.isEmpty()) {
            return;
        }
        if (reapply == null) {
            journal.broken = "an event failed after earlier events of its batch changed the same documents";
            return;
        }
        again.sort(java.util.Comparator.comparingInt(journal.events::indexOf));
        try {
            for (Handled earlier : again) {
                journal.current = earlier;
                earlier.touched.clear();
                reapply.handle(earlier.message);
            }
        } catch (Exception e) {
            journal.broken = "applying the batch's earlier events again failed: " + e.getClass().getName();
        } finally {
            journal.current = failed;
        }
    }

    private static Journal journal() {
        return CurrentUnitOfWork.get().root().getOrComputeResource(JOURNAL, key -> new Journal());
    }

    /** Records that the current event read or wrote the document. */
    private void touch(String id) {
        Journal journal = journal();
        if (journal.current != null) {
            journal.current.touched.add(new Touched(this, id));
        }
    }

    /** Drops the batch's version of the document: the next read loads it as stored. */
    private void forget(String id) {
        Batch batch = batch();
        batch.pending.remove(id);
        if (batch.stored != null) {
            batch.stored.remove(id);
        }
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
            batch.stored = prefetch();
        }
        if (batch.stored != null && batch.stored.containsKey(id)) {
            return batch.stored.get(id);
        }
        return Documents.byId(collection, id);
    }

    /** The stored documents of every event of the current batch (ids without a document map to null). */
    private Map<String, Document> prefetch() {
        Set<String> ids = new LinkedHashSet<>();
        UnitOfWork<?> unitOfWork = CurrentUnitOfWork.get().root();
        List<? extends Message<?>> messages = unitOfWork instanceof BatchingUnitOfWork<?> batching
                ? batching.getMessages() : Collections.singletonList(unitOfWork.getMessage());
        for (Message<?> message : messages) {
            if (message == null) {
                continue;
            }
            try {
                String id = idOfPayload.apply(message.getPayload());
                if (id != null) {
                    ids.add(id);
                }
            } catch (RuntimeException unreadable) {
                // its handler meets the same failure and reports it; the document is then read on its own
            }
        }
        Map<String, Document> stored = new HashMap<>();
        ids.forEach(id -> stored.put(id, null));
        Documents.byIds(collection, new ArrayList<>(ids))
                 .forEach(document -> stored.put(document.getString("_id"), document));
        return stored;
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

    /**
     * Writes everything the current batch has pending, collections in their flush order. Called when the batch's
     * last event has been handled; what is left at the commit (units of work outside an event processor) is written
     * then.
     */
    public static void flushCurrentBatch() {
        if (CurrentUnitOfWork.isStarted()) {
            flushAll(CurrentUnitOfWork.get().root());
        }
    }

    private static void flushAll(UnitOfWork<?> root) {
        Journal journal = root.getResource(JOURNAL);
        if (journal != null && journal.broken != null) {
            throw new IllegalStateException("the batch's read model documents are not written: " + journal.broken);
        }
        TreeMap<Integer, List<Runnable>> flushes = root.getResource(FLUSHES);
        if (flushes != null) {
            flushes.values().forEach(list -> list.forEach(Runnable::run));
        }
        if (journal != null) {
            // written: nothing before this point can be undone any more, nor needs to be
            journal.events.clear();
            journal.current = null;
        }
    }

    private Batch batch() {
        if (!CurrentUnitOfWork.isStarted()) {
            return null;
        }
        return perBatch(resourceKey, Batch::new, flushOrder, this::flush);
    }

    /**
     * What the current batch holds under {@code key}, created on first use and written by {@code write} when the
     * batch is written ({@link #atBatchWrite}). Not a compute-if-absent: registering the write touches the same
     * resources.
     */
    public static <T> T perBatch(String key, Supplier<T> create, int order, Consumer<T> write) {
        UnitOfWork<?> root = CurrentUnitOfWork.get().root();
        T held = root.getResource(key);
        if (held == null) {
            T created = create.get();
            root.resources().put(key, created);
            atBatchWrite(order, () -> write.accept(created));
            held = created;
        }
        return held;
    }

    /**
     * Has {@code write} run when the current batch is written, in {@code order} among the collections' writes
     * (lowest first); it runs again if the batch is written again, so it must write only what it holds since.
     */
    public static void atBatchWrite(int order, Runnable write) {
        UnitOfWork<?> unitOfWork = CurrentUnitOfWork.get().root();
        TreeMap<Integer, List<Runnable>> flushes = unitOfWork.getOrComputeResource(FLUSHES, key -> {
            TreeMap<Integer, List<Runnable>> ordered = new TreeMap<>();
            unitOfWork.onPrepareCommit(u -> flushAll(unitOfWork));
            return ordered;
        });
        flushes.computeIfAbsent(order, o -> new ArrayList<>()).add(write);
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
