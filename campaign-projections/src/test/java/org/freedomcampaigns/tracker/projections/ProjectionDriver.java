package org.freedomcampaigns.tracker.projections;

/**
 * Delivers events to a projection's package-private handlers the way Axon would, for tests outside its package.
 * Events a projection has no handler for are ignored.
 */
public interface ProjectionDriver {
    void apply(Recorded event);

    void reset();

    default void applyAll(Iterable<Recorded> events) {
        events.forEach(this::apply);
    }
}
