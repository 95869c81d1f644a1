package org.freedomcampaigns.tracker.audit;

import java.time.Instant;
import java.time.format.DateTimeParseException;

import org.freedomcampaigns.tracker.facts.CaseId;
import org.freedomcampaigns.tracker.facts.InvalidInputException;
import org.freedomcampaigns.tracker.security.CampaignAccess;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Audit: a case as it stood at a moment ({@code asOf}, an ISO-8601 instant compared with when events were recorded)
 * or after a given event ({@code atSequence}). Exactly one of the two.
 */
@RestController
public class StateController {
    private final CaseStates states;
    private final CampaignAccess access;

    public StateController(CaseStates states, CampaignAccess access) {
        this.states = states;
        this.access = access;
    }

    @GetMapping("/api/cases/{id}/state")
    CaseStates.State state(@PathVariable String id,
                           @RequestParam(required = false) String asOf,
                           @RequestParam(required = false) Long atSequence) {
        CaseId caseId = new CaseId(id);
        access.requireCase(caseId);
        if ((asOf == null) == (atSequence == null)) {
            throw new InvalidInputException("asOf", "or atSequence must be given, and not both");
        }
        if (atSequence != null) {
            if (atSequence < 0) {
                throw new InvalidInputException("atSequence", "must not be negative");
            }
            return states.atSequence(caseId, atSequence);
        }
        try {
            return states.asOf(caseId, Instant.parse(asOf));
        } catch (DateTimeParseException e) {
            throw new InvalidInputException("asOf", "must be an ISO-8601 instant, e.g. 2018-05-31T23:59:59Z");
        }
    }
}
