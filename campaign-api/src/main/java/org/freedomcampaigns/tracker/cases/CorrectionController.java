package org.freedomcampaigns.tracker.cases;

import static org.freedomcampaigns.tracker.facts.Limits.LINE;

import java.util.Comparator;
import java.util.List;

import org.freedomcampaigns.tracker.facts.CaseCommand.FactCommand;
import org.freedomcampaigns.tracker.facts.CaseCommand.CorrectEntry;
import org.freedomcampaigns.tracker.facts.CaseId;
import org.freedomcampaigns.tracker.facts.FactKind;
import org.freedomcampaigns.tracker.facts.FactRecorded;
import org.freedomcampaigns.tracker.facts.RuleViolation;
import org.freedomcampaigns.tracker.facts.RuleViolationException;
import org.freedomcampaigns.tracker.audit.CaseHistory;
import org.freedomcampaigns.tracker.cases.CaseRequests.FactRequest;
import org.freedomcampaigns.tracker.application.Commands;
import org.freedomcampaigns.tracker.application.InvalidFieldsException;
import org.freedomcampaigns.tracker.http.ProblemAdvice;
import org.freedomcampaigns.tracker.application.InvalidFieldsException.FieldError;
import org.freedomcampaigns.tracker.application.ReadYourWrites;
import org.freedomcampaigns.tracker.security.CampaignAccess;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;

import jakarta.validation.Valid;
import jakarta.validation.Validator;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * Corrections, not edits: {@code POST /api/cases/{id}/corrections {sequence, reason, replacement?}} replaces an entry
 * with a corrected fact of the same kind — {@code replacement} is the body that fact's own endpoint takes — or, without
 * a replacement, retracts it. The original stays in the history.
 */
@RestController
public class CorrectionController {
    private final Commands commands;
    private final CaseHistory history;
    private final ReadYourWrites readYourWrites;
    private final ObjectMapper json;
    private final Validator validator;
    private final CampaignAccess access;

    public CorrectionController(Commands commands, CaseHistory history, ReadYourWrites readYourWrites,
                                ObjectMapper json, Validator validator, CampaignAccess access) {
        this.access = access;
        this.commands = commands;
        this.history = history;
        this.readYourWrites = readYourWrites;
        this.json = json;
        this.validator = validator;
    }

    record CorrectionRequest(@NotNull @Min(0) Long sequence,
                             @NotBlank @Size(max = LINE) String reason,
                             JsonNode replacement) {
    }

    @PostMapping("/api/cases/{id}/corrections")
    ResponseEntity<CaseController.Recorded> correct(@PathVariable String id,
                                                    @Valid @RequestBody CorrectionRequest request) {
        CaseId caseId = new CaseId(id);
        access.requireCase(caseId);
        FactCommand replacement = null;
        if (request.replacement() != null && !request.replacement().isNull()) {
            replacement = replacement(caseId, request.sequence(), request.replacement());
        }
        FactRecorded recorded = commands.send(new CorrectEntry(caseId, request.sequence(), request.reason(),
                                                               replacement));
        boolean visible = readYourWrites.awaitCase(caseId, recorded.sequence());
        return CaseController.withFreshness(ResponseEntity.status(201), visible)
                             .body(new CaseController.Recorded(id, recorded.sequence()));
    }

    /** Reads the replacement as the body of the corrected entry's kind; a corrected petition keeps its id. */
    private FactCommand replacement(CaseId caseId, long sequence, JsonNode body) {
        List<CaseHistory.Entry> entries = history.read(caseId, sequence, 1).events();
        if (entries.isEmpty() || entries.get(0).sequence() != sequence) {
            throw new RuleViolationException(RuleViolation.UNKNOWN_ENTRY, "the case has no entry " + sequence);
        }
        CaseHistory.Entry original = entries.get(0);
        Class<? extends FactRequest> type = FactKind.byWireName(original.type()).filter(FactKind::correctable)
                                                    .flatMap(CaseRequests::requestFor)
                                                    .orElseThrow(() -> new RuleViolationException(
                                                            RuleViolation.ENTRY_NOT_CORRECTABLE,
                                                            "entry " + sequence + " (" + original.type()
                                                                    + ") cannot be corrected"));
        FactRequest fact;
        try {
            fact = json.treeToValue(body, type);
        } catch (JsonMappingException e) {
            String inner = ProblemAdvice.path(e);
            String path = inner.isEmpty() || inner.startsWith("[") ? "replacement" + inner : "replacement." + inner;
            String message = e instanceof UnrecognizedPropertyException ? "is not a known property"
                    : "has a value of the wrong type or format";
            throw new InvalidFieldsException(List.of(new FieldError(path, message)));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new InvalidFieldsException(List.of(new FieldError("replacement", "is not a valid fact")));
        }
        List<FieldError> errors = validator.validate(fact).stream()
                                           .map(v -> new FieldError("replacement." + v.getPropertyPath(),
                                                                    v.getMessage()))
                                           .sorted(Comparator.comparing(FieldError::field))
                                           .toList();
        if (!errors.isEmpty()) {
            throw new InvalidFieldsException(errors);
        }
        String petitionId = original.payload().path("petitionId").asText(null);
        return fact.toCommand(caseId, () -> petitionId);
    }
}
