package org.freedomcampaigns.tracker.application;

/** A read is asked of a read model that is being rebuilt and does not hold the answer yet; answered 503. */
public class ReadModelRebuildingException extends RuntimeException {
    public ReadModelRebuildingException(String readModel) {
        super("the " + readModel + " read model is being rebuilt; retry shortly");
    }
}
