package org.freedomcampaigns.tracker.eventstore;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The tamper-evidence chain of an aggregate's events. Each stored event carries
 * {@code hash = SHA-256(canonical(aggregateId, sequence, payloadType, revision, timestamp, previousHash, payload))},
 * where {@code previousHash} is the hash of the aggregate's previous event ("" for the first) and the canonical form
 * writes each field as {@code <length>:<value>\n} in that order (a null revision as the empty string), so that no two
 * different events share a canonical form. The payload is the stored JSON text, which holds the date the fact
 * happened; the timestamp is the time it was recorded. Changing, removing or reordering any event breaks the chain
 * at that event.
 */
public final class EventHashes {
    static final String FIELD = "hash";
    private static final String VERSION = "v1";

    private EventHashes() {
    }

    static String hash(String aggregateId, long sequence, String payloadType, String revision, String timestamp,
                       String previousHash, String payload) {
        StringBuilder canonical = new StringBuilder();
        for (String field : new String[] {VERSION, aggregateId, Long.toString(sequence), payloadType,
                                          revision == null ? "" : revision, timestamp, previousHash, payload}) {
            canonical.append(field.length()).append(':').append(field).append('\n');
        }
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(canonical.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
