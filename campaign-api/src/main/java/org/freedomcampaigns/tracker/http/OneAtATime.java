package org.freedomcampaigns.tracker.http;

import org.freedomcampaigns.tracker.application.EventMetadata;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Component;

/**
 * Lets each user run one heavy operation of a kind at a time (an export, a rebuild); a second one while the first
 * runs is answered 429 with {@code Retry-After}.
 */
@Component
public class OneAtATime {
    private final Set<String> running = ConcurrentHashMap.newKeySet();

    /** Thrown when the user already runs an operation of this kind; answered 429. */
    public static final class Busy extends RuntimeException {
        public Busy(String kind) {
            super("another " + kind + " of yours is still running: try again when it is done");
        }
    }

    /** A running operation; close it when done. */
    public interface Permit extends AutoCloseable {
        @Override
        void close();
    }

    public Permit acquire(String kind) {
        String key = kind + "\u0000" + EventMetadata.currentActor();
        if (!running.add(key)) {
            throw new Busy(kind);
        }
        return () -> running.remove(key);
    }
}
