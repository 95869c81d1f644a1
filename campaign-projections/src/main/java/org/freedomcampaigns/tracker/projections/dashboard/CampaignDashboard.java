package org.freedomcampaigns.tracker.projections.dashboard;

import java.util.Map;

/**
 * A campaign's dashboard as clients see it: the campaign, when it was launched, how many cases it has, how many in
 * each status, and the counts of letters, visits, lobbying contacts, petitions, grants and releases across them
 * (by the catalogue's campaign counter names).
 */
public record CampaignDashboard(String id, String name, String description, String launchedAt, int cases,
                                Map<String, Integer> casesByStatus, Map<String, Integer> counts) {
}
