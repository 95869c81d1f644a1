package org.freedomcampaigns.tracker.security;

import java.util.Collection;
import java.util.Set;

/**
 * The campaigns a user may see: all of them, or those named in the configuration by id or by name.
 *
 * @param all     every campaign
 * @param entries campaign ids or names (ignored when {@code all})
 */
public record CampaignScope(boolean all, Set<String> entries) {
    public static final CampaignScope ALL = new CampaignScope(true, Set.of());
    public static final CampaignScope NONE = new CampaignScope(false, Set.of());

    public CampaignScope {
        entries = Set.copyOf(entries);
    }

    /** From the configured list: empty or containing {@code *} means every campaign. */
    public static CampaignScope of(Collection<String> configured) {
        Set<String> entries = configured.stream().map(String::strip).filter(s -> !s.isEmpty())
                                        .collect(java.util.stream.Collectors.toSet());
        return entries.isEmpty() || entries.contains("*") ? ALL : new CampaignScope(false, entries);
    }

    /** Whether the campaign with this id and name is in scope ({@code name} may be null when unknown). */
    public boolean allows(String campaignId, String name) {
        return all || entries.contains(campaignId) || (name != null && entries.contains(name));
    }
}
