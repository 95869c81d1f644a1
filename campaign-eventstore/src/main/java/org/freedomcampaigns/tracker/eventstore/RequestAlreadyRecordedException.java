package org.freedomcampaigns.tracker.eventstore;

/**
 * An append carried a request identifier that a stored commit already holds: the request was recorded before (see
 * {@link MongoEventStore#recordedRequest(String)}), and nothing of this append was stored.
 */
public class RequestAlreadyRecordedException extends RuntimeException {
    private final String request;

    public RequestAlreadyRecordedException(String request) {
        super("the request was recorded already");
        this.request = request;
    }

    public String request() {
        return request;
    }
}
