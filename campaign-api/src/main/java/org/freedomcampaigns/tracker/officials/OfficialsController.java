package org.freedomcampaigns.tracker.officials;

import java.util.List;

import org.bson.Document;
import org.freedomcampaigns.tracker.projections.officials.OfficialsProjection;
import org.freedomcampaigns.tracker.security.CampaignAccess;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Every official lobbied across all cases. */
@RestController
public class OfficialsController {
    private final OfficialsProjection officials;
    private final CampaignAccess access;

    public OfficialsController(OfficialsProjection officials, CampaignAccess access) {
        this.officials = officials;
        this.access = access;
    }

    /** The officials lobbied in the cases the user may see, counting only those cases' contacts. */
    @GetMapping("/api/officials")
    List<Document> list() {
        return officials.all(access.caseFilter());
    }
}
