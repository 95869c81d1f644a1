package org.freedomcampaigns.tracker.projections.support;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One lock per read model, held by each batch of its processor from its first event until it is done
 * ({@link FlushAtBatchEnd}), and by whatever else writes the read model's documents (a retry of its dead letters):
 * the documents a batch holds in memory are then never changed under it.
 */
public final class BatchLocks {
    private final Map<String, ReentrantLock> locks = new ConcurrentHashMap<>();

    public ReentrantLock of(String processingGroup) {
        return locks.computeIfAbsent(processingGroup, name -> new ReentrantLock());
    }
}
