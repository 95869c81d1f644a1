package org.freedomcampaigns.tracker.web;

/**
 * Metadata keys every recorded event carries, for auditors:
 * <ul>
 *     <li>{@value #RECORDED_BY}: who recorded it (the authenticated user, {@code system} for the demo loader);</li>
 *     <li>{@value #REQUEST_ID}: the correlation id of the request that recorded it ({@code X-Request-Id});</li>
 *     <li>{@value #CAUSATION_ID}: the id of the command that caused it (Axon's {@code correlationId}), and
 *     {@code traceId}, the first message of that chain.</li>
 * </ul>
 */
public final class EventMetadata {
    public static final String RECORDED_BY = "recordedBy";
    public static final String REQUEST_ID = "requestId";
    public static final String CAUSATION_ID = "correlationId";
    /** Who records when no one is signed in; access control (a later step) replaces this with the user. */
    public static final String ANONYMOUS = "anonymous";
    public static final String SYSTEM = "system";

    private EventMetadata() {
    }

    static String currentActor() {
        return ANONYMOUS;
    }
}
