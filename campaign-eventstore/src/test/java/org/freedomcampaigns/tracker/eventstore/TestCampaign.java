package org.freedomcampaigns.tracker.eventstore;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.util.ArrayList;
import java.util.List;

import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;

/** A tiny event-sourced aggregate whose state Jackson can (de)serialize as a snapshot. */
public class TestCampaign {
    public record Launched(String id, String title) {
    }

    public record Joined(String id, String supporter) {
    }

    @AggregateIdentifier
    public String id;
    public String title;
    public List<String> supporters = new ArrayList<>();

    public TestCampaign() {
    }

    public void join(String supporter) {
        apply(new Joined(id, supporter));
    }

    @EventSourcingHandler
    void on(Launched launched) {
        this.id = launched.id();
        this.title = launched.title();
    }

    @EventSourcingHandler
    void on(Joined joined) {
        supporters.add(joined.supporter());
    }
}
