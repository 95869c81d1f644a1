package org.freedomcampaigns.tracker.storage;

import java.nio.file.Path;
import java.util.Iterator;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;

import org.h2.mvstore.MVStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.message.MongoMessage;

/**
 * The embedded server's H2 backend, committed only between commands. H2 commits its maps one after the other while
 * other threads go on writing, so a commit taken in the middle of the service's writes can hold a later write (a
 * read model's token) without an earlier one (the documents it covers, or the index entry of a document just
 * inserted); after a crash the store would then be past writes it never made. Here every command that may write
 * runs under a shared lock and a commit takes it exclusively: whatever a commit holds is every write done before
 * it, in order. Reads go on during a commit.
 * H2's own commits are off; the store is committed when the event store asks (before an append is
 * acknowledged) and once a second otherwise, so that read-model writes reach the file too.
 */
final class ConsistentH2Backend extends H2Backend {
    private static final long COMMIT_EVERY_MILLIS = 1_000;

    /**
     * The commands known to only read; every other command may write (an aggregation with {@code $out}, a new
     * command of a later driver) and waits for a commit to end.
     */
    private static final Set<String> READS = Set.of("find", "getmore", "count", "distinct", "killcursors",
                                                    "listcollections", "listindexes", "listdatabases", "hello",
                                                    "ismaster", "ping", "buildinfo", "serverstatus", "dbstats",
                                                    "collstats", "endsessions", "getparameter", "getlasterror");
    private static final Logger log = LoggerFactory.getLogger(ConsistentH2Backend.class);

    private final ReadWriteLock commits = new ReentrantReadWriteLock();
    private final ScheduledExecutorService committer = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "embedded-store-commit");
        thread.setDaemon(true);
        return thread;
    });

    ConsistentH2Backend(Path file) {
        // no commit in the background, nor in a writing thread when unsaved changes pile up
        super(new MVStore.Builder().fileName(file.toString()).autoCommitDisabled().autoCommitBufferSize(0).open());
        committer.scheduleWithFixedDelay(this::commitInTheBackground, COMMIT_EVERY_MILLIS, COMMIT_EVERY_MILLIS,
                                         TimeUnit.MILLISECONDS);
    }

    @Override
    public void commit() {
        commits.writeLock().lock();
        try {
            super.commit();
        } finally {
            commits.writeLock().unlock();
        }
    }

    /** A failed background commit is logged and tried again a second later (an exception would end the schedule). */
    private void commitInTheBackground() {
        try {
            commit();
        } catch (RuntimeException e) {
            log.warn("committing the embedded store failed ({}); retrying in a second", e.getClass().getName());
        }
    }

    private <T> T betweenCommits(Supplier<T> command) {
        commits.readLock().lock();
        try {
            return command.get();
        } finally {
            commits.readLock().unlock();
        }
    }

    /** Every command of today's drivers arrives as a message (the legacy query path serves the handshake). */
    @Override
    public Document handleMessage(MongoMessage message) {
        Iterator<String> keys = message.getDocument().keySet().iterator();
        boolean reads = keys.hasNext() && READS.contains(keys.next().toLowerCase(Locale.ROOT));
        return reads ? super.handleMessage(message) : betweenCommits(() -> super.handleMessage(message));
    }

    @Override
    public void dropDatabase(String database) {
        betweenCommits(() -> {
            super.dropDatabase(database);
            return null;
        });
    }

    @Override
    public void close() {
        committer.shutdown();
        try {
            committer.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        commits.writeLock().lock();
        try {
            super.close();
        } finally {
            commits.writeLock().unlock();
        }
    }
}
