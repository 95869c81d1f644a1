package org.freedomcampaigns.tracker.application;

import java.util.UUID;

import org.springframework.stereotype.Component;

/** Generates the identifiers of new campaigns, cases and petitions. */
@Component
public class Ids {
    public String next() {
        return UUID.randomUUID().toString();
    }
}
