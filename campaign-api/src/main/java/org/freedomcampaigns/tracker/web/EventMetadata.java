package org.freedomcampaigns.tracker.web;

import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Metadata keys every recorded event carries, for auditors:
 * <ul>
 *     <li>{@value #RECORDED_BY}: who recorded it (the authenticated user, {@code system} for the demo loader);</li>
 *     <li>{@value #REQUEST_ID}: the correlation id of the request that recorded it ({@code X-Request-Id});</li>
 *     <li>{@value #CAUSATION_ID}: the id of the command that caused it (Axon's {@code correlationId}), and
 *     {@code traceId}, the first message of that chain;</li>
 *     <li>{@value #IDEMPOTENCY_KEY} and {@value #REQUEST_FINGERPRINT}: for a request sent with an
 *     {@code Idempotency-Key}, a hash of its user and key and a hash of what it asked ({@link Idempotency}).</li>
 * </ul>
 */
public final class EventMetadata {
    public static final String RECORDED_BY = "recordedBy";
    public static final String REQUEST_ID = "requestId";
    public static final String CAUSATION_ID = "correlationId";
    public static final String IDEMPOTENCY_KEY = "idempotencyKey";
    public static final String REQUEST_FINGERPRINT = "requestFingerprint";
    /** Who records when no one is signed in (nothing can be recorded that way through the API). */
    public static final String ANONYMOUS = "anonymous";
    public static final String SYSTEM = "system";

    private EventMetadata() {
    }

    /** The name of the signed-in user. */
    static String currentActor() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication == null || !authentication.isAuthenticated()
                || authentication instanceof AnonymousAuthenticationToken ? ANONYMOUS : authentication.getName();
    }
}
