package org.freedomcampaigns.tracker.eventstore;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.bson.Document;
import org.freedomcampaigns.tracker.eventstore.CommitDocuments.Commit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.mongodb.MongoBulkWriteException;
import com.mongodb.bulk.BulkWriteError;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.InsertManyOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;

/**
 * Appends commits in groups. Appenders queue their commits and wait; one writer thread takes every commit waiting
 * at that moment, reserves their global indexes with one {@code $inc} on a counter document, stores them with one
 * unordered {@code insertMany}, makes them durable with one store commit, and only then releases the appenders.
 * Concurrent appenders thus share the cost of a durable write.
 *
 * <p>An appender whose commit broke the unique key (a concurrent change of the same aggregate) gets that error and
 * nothing of its append is kept: if it had several commits (several aggregates), the stored ones are deleted before
 * the group is made durable. The indexes it had reserved stay unused: trackers see them as gaps.
 */
final class GroupCommitter implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(GroupCommitter.class);
    static final String COUNTER_ID = "global";

    private final MongoCollection<Document> commits;
    private final MongoCollection<Document> counters;
    private final Runnable durability;
    private final int maxCommitsPerGroup;
    private final BlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
    private final Thread writer;
    private volatile boolean running = true;

    private record Pending(List<Commit> commits, CompletableFuture<Void> done) {
    }

    /** The commit at {@code index} of an append broke the unique key. */
    static final class Conflict extends RuntimeException {
        private final transient Commit commit;

        Conflict(Commit commit, Exception cause) {
            super(cause.getMessage(), cause);
            this.commit = commit;
        }

        Commit commit() {
            return commit;
        }
    }

    GroupCommitter(MongoCollection<Document> commits, MongoCollection<Document> counters, Runnable durability,
                   int maxCommitsPerGroup) {
        this.commits = commits;
        this.counters = counters;
        this.durability = durability;
        this.maxCommitsPerGroup = maxCommitsPerGroup;
        this.writer = new Thread(this::run, "event-store-writer");
        this.writer.setDaemon(true);
        this.writer.start();
    }

    /** Stores the commits and returns once they are durable; throws {@link Conflict} on a duplicate key. */
    void append(List<Commit> toStore) {
        if (!running) {
            throw new IllegalStateException("the event store is closed");
        }
        Pending pending = new Pending(toStore, new CompletableFuture<>());
        queue.add(pending);
        if (!running && queue.remove(pending)) {
            throw new IllegalStateException("the event store is closed");
        }
        try {
            pending.done().get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while appending events", e);
        }
    }

    private void run() {
        List<Pending> group = new ArrayList<>();
        while (running || !queue.isEmpty()) {
            try {
                Pending first = queue.poll(100, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                group.clear();
                group.add(first);
                queue.drainTo(group, maxCommitsPerGroup - 1);
                write(group);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            } catch (RuntimeException | Error e) {
                log.error("Appending a group of events failed", e);
                group.forEach(p -> p.done().completeExceptionally(e));
            }
        }
        queue.forEach(p -> p.done().completeExceptionally(new IllegalStateException("the event store is closed")));
    }

    private void write(List<Pending> group) {
        int events = 0;
        for (Pending pending : group) {
            for (Commit commit : pending.commits()) {
                events += commit.size();
            }
        }
        long next = reserve(events);
        List<Document> documents = new ArrayList<>();
        List<Pending> owners = new ArrayList<>();
        for (Pending pending : group) {
            for (Commit commit : pending.commits()) {
                // a commit is keyed by the global index of its last event
                commit.document().put(CommitDocuments.ID, next + commit.size() - 1);
                commit.document().put(CommitDocuments.APPENDED_AT, System.currentTimeMillis());
                next += commit.size();
                documents.add(commit.document());
                owners.add(pending);
            }
        }
        Map<Pending, Conflict> failed = new HashMap<>();
        Set<Integer> failedPositions = new HashSet<>();
        try {
            commits.insertMany(documents, new InsertManyOptions().ordered(false));
        } catch (MongoBulkWriteException e) {
            for (BulkWriteError error : e.getWriteErrors()) {
                Pending owner = owners.get(error.getIndex());
                failedPositions.add(error.getIndex());
                failed.computeIfAbsent(owner, o -> new Conflict(findCommit(o, documents.get(error.getIndex())), e));
            }
            if (failed.isEmpty()) {
                throw e;
            }
        }
        // all or none per append: remove what was stored of a failed append before anything is made durable, and
        // tell its appender only then
        for (int i = 0; i < documents.size(); i++) {
            if (failed.containsKey(owners.get(i)) && !failedPositions.contains(i)) {
                commits.deleteOne(Filters.eq(CommitDocuments.ID, documents.get(i).get(CommitDocuments.ID)));
            }
        }
        durability.run();
        for (Pending pending : group) {
            Conflict conflict = failed.get(pending);
            if (conflict != null) {
                pending.done().completeExceptionally(conflict);
            } else {
                pending.done().complete(null);
            }
        }
    }

    private static Commit findCommit(Pending owner, Document document) {
        return owner.commits().stream().filter(c -> c.document() == document).findFirst().orElseThrow();
    }

    /** Reserves {@code count} consecutive global indexes and returns the first. */
    private long reserve(int count) {
        Document counter = counters.findOneAndUpdate(Filters.eq(CommitDocuments.ID, COUNTER_ID),
                                                     Updates.inc("next", (long) count),
                                                     new FindOneAndUpdateOptions().upsert(true)
                                                                                  .returnDocument(ReturnDocument.AFTER));
        return ((Number) counter.get("next")).longValue() - count;
    }

    @Override
    public void close() {
        running = false;
        try {
            writer.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        // an append queued while the writer was stopping must not wait forever
        Pending left;
        while ((left = queue.poll()) != null) {
            left.done().completeExceptionally(new IllegalStateException("the event store is closed"));
        }
    }
}
