package org.freedomcampaigns.tracker.application;

/** A case or campaign that does not exist; answered with 404. */
public class NotFoundException extends RuntimeException {
    public NotFoundException(String what, String id) {
        super(what + " " + id + " does not exist");
    }
}
