package org.freedomcampaigns.tracker.security;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.freedomcampaigns.tracker.facts.CampaignId;
import org.freedomcampaigns.tracker.facts.CaseEvent.CaseOpened;
import org.freedomcampaigns.tracker.facts.CaseId;
import org.freedomcampaigns.tracker.projections.casesummary.CaseSummaries;
import org.freedomcampaigns.tracker.projections.dashboard.CampaignDashboard;
import org.freedomcampaigns.tracker.projections.dashboard.CampaignDashboards;
import org.freedomcampaigns.tracker.application.NotFoundException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * Which campaigns the signed-in user may see, and the checks controllers make with it. A case or campaign outside
 * the user's campaigns is answered exactly like one that does not exist (404), so that its existence is not
 * revealed. A case's campaign is read from its summary, or from its opening event while the summary is not there
 * (a read model being rebuilt), and remembered: it never changes.
 */
@Component
public class CampaignAccess {
    private static final int MAX_REMEMBERED = 100_000;

    private final CaseSummaries summaries;
    private final CampaignDashboards dashboards;
    private final EventStore events;
    private final Map<String, String> campaignOfCase = new ConcurrentHashMap<>();

    public CampaignAccess(CaseSummaries summaries, CampaignDashboards dashboards,
                          EventStore events) {
        this.summaries = summaries;
        this.dashboards = dashboards;
        this.events = events;
    }

    /** The signed-in user's campaigns (none when no one is signed in). */
    public CampaignScope scope() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof CampaignUser user) {
            return user.scope();
        }
        return CampaignScope.NONE;
    }

    public boolean allowsCampaign(String campaignId) {
        CampaignScope scope = scope();
        return scope.all() || scope.entries().contains(campaignId)
                || scope.allows(campaignId, dashboards.nameOf(new CampaignId(campaignId)).orElse(null));
    }

    /** Throws the 404 of an unknown campaign if the campaign is not the user's. */
    public void requireCampaign(String campaignId) {
        if (!allowsCampaign(campaignId)) {
            throw new NotFoundException("campaign", campaignId);
        }
    }

    /** Throws the 404 of an unknown case if the case belongs to a campaign that is not the user's. */
    public void requireCase(CaseId caseId) {
        if (scope().all()) {
            return;
        }
        Optional<String> campaign = campaignOf(caseId);
        if (campaign.isPresent() && !allowsCampaign(campaign.get())) {
            throw new NotFoundException("case", caseId.value());
        }
    }

    /** The ids of the campaigns the user may see, or empty when they may see all. */
    public Optional<Set<String>> visibleCampaignIds() {
        CampaignScope scope = scope();
        if (scope.all()) {
            return Optional.empty();
        }
        return Optional.of(dashboards.names().entrySet().stream()
                                     .filter(campaign -> scope.allows(campaign.getKey(), campaign.getValue()))
                                     .map(Map.Entry::getKey).collect(Collectors.toSet()));
    }

    /** A filter over campaign documents (with {@code id} and {@code name}) for lists. */
    public Predicate<CampaignDashboard> campaignFilter() {
        CampaignScope scope = scope();
        return campaign -> scope.allows(campaign.id(), campaign.name());
    }

    /** A filter over case ids: the cases of the user's campaigns (unknown cases do not pass). */
    public Predicate<String> caseFilter() {
        Optional<Set<String>> visible = visibleCampaignIds();
        return visible.<Predicate<String>>map(campaigns -> caseId -> campaignOf(new CaseId(caseId))
                              .map(campaigns::contains).orElse(false))
                      .orElse(caseId -> true);
    }

    private Optional<String> campaignOf(CaseId caseId) {
        String known = campaignOfCase.get(caseId.value());
        if (known != null) {
            return Optional.of(known);
        }
        Optional<String> found = summaries.campaignOf(caseId)
                                          .or(() -> openingCampaign(caseId));
        found.ifPresent(campaign -> {
            if (campaignOfCase.size() >= MAX_REMEMBERED) {
                campaignOfCase.clear();
            }
            campaignOfCase.put(caseId.value(), campaign);
        });
        return found;
    }

    private Optional<String> openingCampaign(CaseId caseId) {
        DomainEventStream stream = events.readEvents(caseId.value(), 0);
        if (!stream.hasNext()) {
            return Optional.empty();
        }
        DomainEventMessage<?> first = stream.next();
        return first.getPayload() instanceof CaseOpened opened ? Optional.of(opened.campaignId().value())
                                                               : Optional.empty();
    }
}
