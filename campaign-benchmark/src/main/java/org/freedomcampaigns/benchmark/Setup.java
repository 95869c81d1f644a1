package org.freedomcampaigns.benchmark;

import java.util.Arrays;

/** The configurations the benchmark runs the same workload on. */
enum Setup {
    MEMORY("memory", "ours, memory backend", "memory", false, false, true),
    H2("h2", "ours, H2 file backend (durable: group commit + store commit before the ack)", "h2", false, false, true),
    /** Our engine on the H2 backend with the store commit before each ack switched off: the non-durable rate. */
    H2_NON_DURABLE("h2-nodurable", "ours, H2 file backend, store commit switched off (not durable)", "h2", true,
                   false, false),
    /** The same service with Axon's JdbcEventStorageEngine on an embedded H2 file (WRITE_DELAY=0) as event store. */
    PEER("peer", "peer: Axon JdbcEventStorageEngine on H2 file, WRITE_DELAY=0 (durable)", "h2", false, true, true);

    final String id;
    final String title;
    /** Backend of the embedded MongoDB-wire server (events for ours; tokens and read models for all). */
    final String backend;
    final boolean nonDurable;
    final boolean peer;
    /** Runs all rows; otherwise only the append-throughput rows. */
    final boolean full;

    Setup(String id, String title, String backend, boolean nonDurable, boolean peer, boolean full) {
        this.id = id;
        this.title = title;
        this.backend = backend;
        this.nonDurable = nonDurable;
        this.peer = peer;
        this.full = full;
    }

    /** Whether a restarted service on the same data directory still has the events. */
    boolean persistent() {
        return !backend.equals("memory") || peer;
    }

    static Setup byId(String id) {
        return Arrays.stream(values()).filter(s -> s.id.equals(id)).findFirst()
                     .orElseThrow(() -> new IllegalArgumentException("unknown setup " + id));
    }
}
