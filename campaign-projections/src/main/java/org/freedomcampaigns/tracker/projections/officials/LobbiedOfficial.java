package org.freedomcampaigns.tracker.projections.officials;

import java.util.List;

/**
 * An official as the officials list shows them: who they are, how many lobbying contacts they had in the cases
 * shown, the date of the latest, and those cases.
 */
public record LobbiedOfficial(String name, String office, String jurisdiction, int contacts, String lastContactOn,
                              List<String> cases) {
}
