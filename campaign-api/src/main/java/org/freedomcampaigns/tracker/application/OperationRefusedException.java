package org.freedomcampaigns.tracker.application;

/**
 * An operation of the service itself (not a business rule) that cannot be done now: answered 409 with its code.
 * Clients may branch on the codes; never rename one.
 */
public class OperationRefusedException extends RuntimeException {
    /** Why an operation was refused. */
    public enum Reason {
        /** A read model is already being rebuilt. */
        REBUILD_RUNNING,
        /**
         * A read model's processor is held by another instance on the same store (or, after a crash, by the instance
         * that crashed, until its claim expires): do it there, or retry.
         */
        READ_MODEL_HELD_ELSEWHERE
    }

    private final Reason reason;

    public OperationRefusedException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
