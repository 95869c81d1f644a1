package org.freedomcampaigns.tracker.storage;

/**
 * Makes what was written so far durable. The embedded H2 backend writes to disk only when its store is committed;
 * every command commits it before it is acknowledged. A real MongoDB makes writes durable through its write concern,
 * and the in-memory backend keeps nothing, so both use {@link #NONE}.
 */
@FunctionalInterface
public interface StoreCommitter {
    StoreCommitter NONE = () -> {
    };

    void commit();
}
