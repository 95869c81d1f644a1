package org.freedomcampaigns.tracker.admin;

import org.freedomcampaigns.tracker.application.DeadLetters;
import org.freedomcampaigns.tracker.application.ReadModels;
import java.util.List;
import java.util.Optional;

import org.freedomcampaigns.tracker.application.AnsweredRequests;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.validation.constraints.Size;

/**
 * The read models' dead letters: events a read model could not apply, parked with the later events of their case
 * while the other cases go on. List them; retry them, in order, once the cause is fixed.
 */
@RestController
public class DeadLetterController {
    private final DeadLetters deadLetters;
    private final AnsweredRequests answered;
    private final ObjectMapper json;

    public DeadLetterController(DeadLetters deadLetters, AnsweredRequests answered, ObjectMapper json) {
        this.deadLetters = deadLetters;
        this.answered = answered;
        this.json = json;
    }

    /** What a retry did: each case's outcome, and how many events are still parked in all. */
    public record RetryResult(List<DeadLetters.Retried> retried, long stillParked) {
    }

    @GetMapping("/api/admin/dead-letters")
    List<DeadLetters.ReadModelLetters> all() {
        return deadLetters.all();
    }

    /**
     * Retries the parked events of one read model and one case, or of all; each case's in order. A case whose
     * events fail again stays parked (answered with {@code applied: false}). A retry of this request with the same
     * {@code Idempotency-Key} gets the same answer and retries nothing.
     */
    @PostMapping("/api/admin/dead-letters/retry")
    RetryResult retry(@RequestParam(required = false) @Size(max = 100) String readModel,
                      @RequestParam(required = false) @Size(max = 100) String caseId) throws JsonProcessingException {
        Optional<String> earlier = answered.earlierAnswer();
        if (earlier.isPresent()) {
            return json.readValue(earlier.get(), RetryResult.class);
        }
        List<DeadLetters.Retried> retried = deadLetters.retry(readModel, caseId);
        long left = ReadModels.NAMES.stream().mapToLong(deadLetters::count).sum();
        RetryResult result = new RetryResult(retried, left);
        answered.remember(json.writeValueAsString(result));
        return result;
    }
}
