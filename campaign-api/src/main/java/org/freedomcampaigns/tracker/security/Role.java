package org.freedomcampaigns.tracker.security;

/** What a user may do, within the campaigns assigned to them. */
public enum Role {
    /** Records facts and reads the cases of their campaigns. */
    COORDINATOR,
    /** Reads cases, history, states as of a date, integrity and exports of their campaigns; writes nothing. */
    AUDITOR,
    /** Everything, in every campaign, including launching campaigns and rebuilding read models. */
    ADMIN;

    /** The authority Spring Security checks for this role. */
    String authority() {
        return "ROLE_" + name();
    }
}
