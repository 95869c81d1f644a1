package org.freedomcampaigns.tracker.demo;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.function.Supplier;

import org.axonframework.eventhandling.GenericEventMessage;

/**
 * The clock Axon stamps new events with, able to tell one thread — the demo loader, which replays a story that
 * happened years ago — to stamp its events at the time the team would have recorded them. Every other thread, and
 * the loader outside {@link #recordingAt}, gets the real time.
 */
final class BackdatingClock extends Clock {
    private final Clock real;
    private final ThreadLocal<Instant> backdated = new ThreadLocal<>();

    private BackdatingClock(Clock real) {
        this.real = real;
    }

    /** Installs the clock as Axon's event clock (once) and returns it. */
    static synchronized BackdatingClock install() {
        if (GenericEventMessage.clock instanceof BackdatingClock installed) {
            return installed;
        }
        BackdatingClock clock = new BackdatingClock(GenericEventMessage.clock);
        GenericEventMessage.clock = clock;
        return clock;
    }

    /** Runs the action, on this thread, with events stamped at the given instant. */
    <T> T recordingAt(Instant instant, Supplier<T> action) {
        backdated.set(instant);
        try {
            return action.get();
        } finally {
            backdated.remove();
        }
    }

    @Override
    public Instant instant() {
        Instant instant = backdated.get();
        return instant != null ? instant : real.instant();
    }

    @Override
    public ZoneId getZone() {
        return real.getZone();
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return real.withZone(zone);
    }
}
