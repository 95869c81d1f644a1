package org.freedomcampaigns.tracker.cases;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.freedomcampaigns.tracker.application.Commands;
import org.freedomcampaigns.tracker.application.ReadModels;
import org.freedomcampaigns.tracker.facts.CaseCommand;
import org.freedomcampaigns.tracker.facts.CaseId;
import org.freedomcampaigns.tracker.facts.CaseStatus;
import org.freedomcampaigns.tracker.facts.FactRecorded;
import org.freedomcampaigns.tracker.cases.CaseRequests.ClemencyRequest;
import org.freedomcampaigns.tracker.cases.CaseRequests.CloseRequest;
import org.freedomcampaigns.tracker.cases.CaseRequests.DenialRequest;
import org.freedomcampaigns.tracker.cases.CaseRequests.FamilyContactRequest;
import org.freedomcampaigns.tracker.cases.CaseRequests.LegalConsultationRequest;
import org.freedomcampaigns.tracker.cases.CaseRequests.LetterRequest;
import org.freedomcampaigns.tracker.cases.CaseRequests.LobbyingRequest;
import org.freedomcampaigns.tracker.cases.CaseRequests.NoteRequest;
import org.freedomcampaigns.tracker.cases.CaseRequests.OpenCaseRequest;
import org.freedomcampaigns.tracker.cases.CaseRequests.PetitionRequest;
import org.freedomcampaigns.tracker.cases.CaseRequests.ReleaseRequest;
import org.freedomcampaigns.tracker.cases.CaseRequests.VisitRequest;
import org.freedomcampaigns.tracker.projections.casesummary.CaseSummaries;
import org.freedomcampaigns.tracker.projections.casesummary.CaseSummaries.CasePage;
import org.freedomcampaigns.tracker.projections.casesummary.CaseSummary;
import org.freedomcampaigns.tracker.projections.casesummary.CaseSummaryProjection;
import org.freedomcampaigns.tracker.projections.timeline.TimelineEntry;
import org.freedomcampaigns.tracker.projections.timeline.TimelineProjection;
import org.freedomcampaigns.tracker.projections.timeline.Timelines;
import org.freedomcampaigns.tracker.application.Ids;
import org.freedomcampaigns.tracker.application.NotFoundException;
import org.freedomcampaigns.tracker.application.ReadModelRebuildingException;
import org.freedomcampaigns.tracker.application.ReadYourWrites;
import org.freedomcampaigns.tracker.security.CampaignAccess;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;

/** Case files: open a case, record facts on it, read its summary and timeline, list cases. */
@RestController
@RequestMapping("/api/cases")
public class CaseController {
    private final Commands commands;
    private final CaseSummaries summaries;
    private final Timelines timelines;
    private final ReadYourWrites readYourWrites;
    private final Ids ids;
    private final ReadModels readModels;
    private final CampaignAccess access;

    public CaseController(Commands commands, CaseSummaries summaries, Timelines timelines,
                          ReadYourWrites readYourWrites, Ids ids, ReadModels readModels, CampaignAccess access) {
        this.readModels = readModels;
        this.access = access;
        this.commands = commands;
        this.summaries = summaries;
        this.timelines = timelines;
        this.readYourWrites = readYourWrites;
        this.ids = ids;
    }

    /** Body of a 201 answering a recorded fact. */
    public record Recorded(String caseId, long sequence) {
    }

    @PostMapping
    ResponseEntity<Map<String, String>> open(@Valid @RequestBody OpenCaseRequest request) {
        CaseCommand.OpenCase command = request.toCommand(new CaseId(ids.next()));
        access.requireCampaign(command.campaignId().value());
        // a retried request answers the case its first attempt opened
        FactRecorded recorded = commands.send(command);
        CaseId caseId = recorded.caseId();
        boolean visible = readYourWrites.awaitCase(caseId, recorded.sequence());
        return withFreshness(ResponseEntity.created(URI.create("/api/cases/" + caseId)), visible)
                .body(Map.of("id", caseId.value()));
    }

    @GetMapping
    CasePage list(@RequestParam(required = false) @Size(max = 100) String campaignId,
                  @RequestParam(required = false) CaseStatus status,
                  @RequestParam(required = false) @Size(max = 200) String q,
                  @RequestParam(defaultValue = "0") @Min(0) @Max(100_000) int page,
                  @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
        Optional<Set<String>> visible = access.visibleCampaignIds();
        Set<String> campaigns = campaignId == null ? visible.orElse(null)
                : visible.map(v -> v.contains(campaignId) ? Set.of(campaignId) : Set.<String>of())
                         .orElse(Set.of(campaignId));
        return summaries.list(campaigns, status, q, page, size);
    }

    @GetMapping("/{id}")
    CaseSummary summary(@PathVariable String id) {
        CaseId caseId = new CaseId(id);
        access.requireCase(caseId);
        return summaries.find(caseId).orElseThrow(() -> missing(CaseSummaryProjection.NAME, id));
    }

    /** A case's timeline: its entries in order of occurrence. */
    public record Timeline(String caseId, List<TimelineEntry> entries) {
    }

    @GetMapping("/{id}/timeline")
    Timeline timeline(@PathVariable String id) {
        CaseId caseId = new CaseId(id);
        access.requireCase(caseId);
        return new Timeline(id, timelines.entries(caseId).orElseThrow(() -> missing(TimelineProjection.NAME, id)));
    }

    @PostMapping("/{id}/letters")
    ResponseEntity<Recorded> letter(@PathVariable String id, @Valid @RequestBody LetterRequest r) {
        return record(r.toCommand(new CaseId(id), ids::next));
    }

    @PostMapping("/{id}/visits")
    ResponseEntity<Recorded> visit(@PathVariable String id, @Valid @RequestBody VisitRequest r) {
        return record(r.toCommand(new CaseId(id), ids::next));
    }

    @PostMapping("/{id}/family-contacts")
    ResponseEntity<Recorded> familyContact(@PathVariable String id, @Valid @RequestBody FamilyContactRequest r) {
        return record(r.toCommand(new CaseId(id), ids::next));
    }

    @PostMapping("/{id}/legal-consultations")
    ResponseEntity<Recorded> legalConsultation(@PathVariable String id,
                                               @Valid @RequestBody LegalConsultationRequest r) {
        return record(r.toCommand(new CaseId(id), ids::next));
    }

    @PostMapping("/{id}/lobbying")
    ResponseEntity<Recorded> lobbying(@PathVariable String id, @Valid @RequestBody LobbyingRequest r) {
        return record(r.toCommand(new CaseId(id), ids::next));
    }

    @PostMapping("/{id}/petitions")
    ResponseEntity<Recorded> petition(@PathVariable String id, @Valid @RequestBody PetitionRequest r) {
        return record(r.toCommand(new CaseId(id), ids::next));
    }

    @PostMapping("/{id}/clemency")
    ResponseEntity<Recorded> clemency(@PathVariable String id, @Valid @RequestBody ClemencyRequest r) {
        return record(r.toCommand(new CaseId(id), ids::next));
    }

    @PostMapping("/{id}/denials")
    ResponseEntity<Recorded> denial(@PathVariable String id, @Valid @RequestBody DenialRequest r) {
        return record(r.toCommand(new CaseId(id), ids::next));
    }

    @PostMapping("/{id}/release")
    ResponseEntity<Recorded> release(@PathVariable String id, @Valid @RequestBody ReleaseRequest r) {
        return record(r.toCommand(new CaseId(id), ids::next));
    }

    @PostMapping("/{id}/notes")
    ResponseEntity<Recorded> note(@PathVariable String id, @Valid @RequestBody NoteRequest r) {
        return record(r.toCommand(new CaseId(id), ids::next));
    }

    @PostMapping("/{id}/close")
    ResponseEntity<Recorded> close(@PathVariable String id, @Valid @RequestBody CloseRequest r) {
        return record(r.toCommand(new CaseId(id), ids::next));
    }

    /** Not found — unless the read model is being rebuilt and may simply not hold the case yet. */
    private RuntimeException missing(String readModel, String id) {
        return readModels.isRebuilding(readModel) ? new ReadModelRebuildingException(readModel)
                : new NotFoundException("case", id);
    }

    private ResponseEntity<Recorded> record(CaseCommand command) {
        access.requireCase(command.caseId());
        FactRecorded recorded = commands.send(command);
        boolean visible = readYourWrites.awaitCase(recorded.caseId(), recorded.sequence());
        return withFreshness(ResponseEntity.status(201), visible)
                .body(new Recorded(recorded.caseId().value(), recorded.sequence()));
    }

    static ResponseEntity.BodyBuilder withFreshness(ResponseEntity.BodyBuilder response, boolean visible) {
        return visible ? response : response.header("X-Read-Models", "catching-up");
    }
}
