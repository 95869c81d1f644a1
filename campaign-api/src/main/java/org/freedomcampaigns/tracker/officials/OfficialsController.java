package org.freedomcampaigns.tracker.officials;

import java.util.List;

import org.bson.Document;
import org.freedomcampaigns.tracker.projections.officials.OfficialsProjection;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Every official lobbied across all cases. */
@RestController
public class OfficialsController {
    private final OfficialsProjection officials;

    public OfficialsController(OfficialsProjection officials) {
        this.officials = officials;
    }

    @GetMapping("/api/officials")
    List<Document> list() {
        return officials.all();
    }
}
