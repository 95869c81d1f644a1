package org.freedomcampaigns.tracker.officials;

import java.util.List;

import org.freedomcampaigns.tracker.projections.officials.LobbiedOfficial;
import org.freedomcampaigns.tracker.projections.officials.LobbiedOfficials;
import org.freedomcampaigns.tracker.security.CampaignAccess;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Every official lobbied across all cases. */
@RestController
public class OfficialsController {
    private final LobbiedOfficials officials;
    private final CampaignAccess access;

    public OfficialsController(LobbiedOfficials officials, CampaignAccess access) {
        this.officials = officials;
        this.access = access;
    }

    /** The officials lobbied in the cases the user may see, counting only those cases' contacts. */
    @GetMapping("/api/officials")
    List<LobbiedOfficial> list() {
        return officials.all(access.caseFilter());
    }
}
