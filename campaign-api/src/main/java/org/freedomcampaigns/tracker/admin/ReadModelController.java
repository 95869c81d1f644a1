package org.freedomcampaigns.tracker.admin;

import org.freedomcampaigns.tracker.application.ReadModels;
import java.net.URI;
import java.security.Principal;
import java.util.List;

import org.freedomcampaigns.tracker.application.AnsweredRequests;
import org.freedomcampaigns.tracker.http.OneAtATime;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** Administration of the read models: their positions and lag, and rebuilding one from the event store. */
@RestController
public class ReadModelController {
    private final ReadModels readModels;
    private final AnsweredRequests answered;

    public ReadModelController(ReadModels readModels, AnsweredRequests answered) {
        this.readModels = readModels;
        this.answered = answered;
    }

    @GetMapping("/api/admin/projections")
    List<ReadModels.Status> all() {
        return readModels.statuses();
    }

    @GetMapping("/api/admin/projections/{name}")
    ReadModels.Status one(@PathVariable String name) {
        return readModels.status(name);
    }

    /**
     * Starts a rebuild and answers 202 at once; follow it at the Location. One rebuild at a time per user (429
     * while theirs runs); one at a time per read model (409). A retry with the same {@code Idempotency-Key} answers
     * 202 again with the read model's status now, and starts nothing.
     */
    @PostMapping("/api/admin/projections/{name}/rebuild")
    ResponseEntity<ReadModels.Status> rebuild(@PathVariable String name, Principal user) {
        URI location = URI.create("/api/admin/projections/" + name);
        if (answered.earlierAnswer().isPresent()) {
            return ResponseEntity.accepted().location(location).body(readModels.status(name));
        }
        if (readModels.rebuildingFor(user.getName())) {
            throw new OneAtATime.Busy("rebuild");
        }
        ReadModels.Status status = readModels.rebuild(name, user.getName());
        answered.remember(location.toString());
        return ResponseEntity.accepted().location(location).body(status);
    }
}
