package org.freedomcampaigns.tracker.application;

import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

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

    /** The request attribute holding the current request's id ({@value #REQUEST_ID}), set by the HTTP layer. */
    public static final String REQUEST_ID_ATTRIBUTE = EventMetadata.class.getName() + "." + REQUEST_ID;

    private EventMetadata() {
    }

    /** The current request's id, or null outside a request. */
    public static String currentRequestId() {
        RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
        return attributes == null ? null
                : (String) attributes.getAttribute(REQUEST_ID_ATTRIBUTE, RequestAttributes.SCOPE_REQUEST);
    }

    /** The name of the signed-in user. */
    public static String currentActor() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication == null || !authentication.isAuthenticated()
                || authentication instanceof AnonymousAuthenticationToken ? ANONYMOUS : authentication.getName();
    }
}
