package org.freedomcampaigns.tracker.campaigns;

import static org.freedomcampaigns.tracker.facts.Limits.NAME;
import static org.freedomcampaigns.tracker.facts.Limits.TEXT;

import java.net.URI;
import java.util.List;
import java.util.Map;

import org.freedomcampaigns.tracker.application.Commands;
import org.freedomcampaigns.tracker.facts.CampaignCommand.LaunchCampaign;
import org.freedomcampaigns.tracker.facts.CampaignId;
import org.freedomcampaigns.tracker.projections.dashboard.CampaignDashboard;
import org.freedomcampaigns.tracker.projections.dashboard.CampaignDashboards;
import org.freedomcampaigns.tracker.application.Ids;
import org.freedomcampaigns.tracker.application.NotFoundException;
import org.freedomcampaigns.tracker.application.ReadYourWrites;
import org.freedomcampaigns.tracker.security.CampaignAccess;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Campaigns: launch one, list them, read a campaign's dashboard. */
@RestController
@RequestMapping("/api/campaigns")
public class CampaignController {
    private final Commands commands;
    private final CampaignDashboards dashboards;
    private final ReadYourWrites readYourWrites;
    private final Ids ids;
    private final CampaignAccess access;

    public CampaignController(Commands commands, CampaignDashboards dashboards,
                              ReadYourWrites readYourWrites, Ids ids, CampaignAccess access) {
        this.access = access;
        this.commands = commands;
        this.dashboards = dashboards;
        this.readYourWrites = readYourWrites;
        this.ids = ids;
    }

    record LaunchCampaignRequest(@NotBlank @Size(max = NAME) String name, @Size(max = TEXT) String description) {
    }

    @PostMapping
    ResponseEntity<Map<String, String>> launch(@Valid @RequestBody LaunchCampaignRequest request) {
        // a retried request answers the campaign its first attempt launched
        CampaignId campaignId = commands.send(new LaunchCampaign(new CampaignId(ids.next()), request.name(),
                                                                 request.description()));
        ResponseEntity.BodyBuilder response = ResponseEntity.created(URI.create("/api/campaigns/" + campaignId));
        if (!readYourWrites.awaitCampaign(campaignId)) {
            response.header("X-Read-Models", "catching-up");
        }
        return response.body(Map.of("id", campaignId.value()));
    }

    @GetMapping
    List<CampaignDashboard> list() {
        return dashboards.all().stream().filter(access.campaignFilter()).toList();
    }

    @GetMapping("/{id}")
    CampaignDashboard dashboard(@PathVariable String id) {
        access.requireCampaign(id);
        return dashboards.find(new CampaignId(id)).orElseThrow(() -> new NotFoundException("campaign", id));
    }
}
