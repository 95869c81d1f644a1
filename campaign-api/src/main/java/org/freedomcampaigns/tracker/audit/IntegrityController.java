package org.freedomcampaigns.tracker.audit;

import org.freedomcampaigns.tracker.facts.CaseId;
import org.freedomcampaigns.tracker.eventstore.IntegrityReport;
import org.freedomcampaigns.tracker.security.CampaignAccess;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * Audit: proof that nothing recorded on a case was altered. Verifies the case's hash chain in the event store and
 * answers {@code {verified: true, events: n}}, or the first sequence number where the chain breaks and why.
 */
@RestController
public class IntegrityController {
    private final CaseHistory history;
    private final CampaignAccess access;

    public IntegrityController(CaseHistory history, CampaignAccess access) {
        this.history = history;
        this.access = access;
    }

    @GetMapping("/api/cases/{id}/integrity")
    IntegrityReport integrity(@PathVariable String id) {
        CaseId caseId = new CaseId(id);
        access.requireCase(caseId);
        return history.verify(caseId);
    }
}
