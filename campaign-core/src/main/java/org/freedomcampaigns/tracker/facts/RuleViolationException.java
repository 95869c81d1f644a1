package org.freedomcampaigns.tracker.facts;

/**
 * A command that is well formed but breaks a business rule in the current state (a fact on a closed case, clemency
 * granted twice). Carries a stable {@link RuleViolation} code; the REST layer answers it with 409.
 */
public class RuleViolationException extends RuntimeException {
    private final RuleViolation violation;

    public RuleViolationException(RuleViolation violation, String message) {
        super(message);
        this.violation = violation;
    }

    public RuleViolation violation() {
        return violation;
    }
}
