package org.freedomcampaigns.tracker.projections;

import java.time.Instant;

/** An event as a processor delivers it: the payload, its sequence number in its aggregate, and when it was recorded. */
public record Recorded(Object payload, long sequence, Instant recordedAt) {
}
