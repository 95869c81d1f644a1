package org.freedomcampaigns.tracker.audit;

import java.util.List;

import org.freedomcampaigns.tracker.facts.CaseId;
import org.freedomcampaigns.tracker.audit.CaseHistory.Entry;
import org.freedomcampaigns.tracker.audit.CaseHistory.Page;
import org.freedomcampaigns.tracker.security.CampaignAccess;
import org.freedomcampaigns.tracker.http.OneAtATime;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/** Audit: a case's full history from the event store, as JSON or as CSV for export. */
@RestController
public class HistoryController {
    private static final MediaType CSV = MediaType.parseMediaType("text/csv");
    private static final List<String> COLUMNS = List.of("sequence", "globalIndex", "eventId", "type", "revision",
                                                        "occurredOn", "recordedAt", "recordedBy", "correlationId",
                                                        "causationId", "payload");

    private final CaseHistory history;
    private final CampaignAccess access;
    private final OneAtATime oneAtATime;

    public HistoryController(CaseHistory history, CampaignAccess access, OneAtATime oneAtATime) {
        this.history = history;
        this.access = access;
        this.oneAtATime = oneAtATime;
    }

    /** One export at a time per user. */
    private Page read(String id, long fromSequence, int limit) {
        CaseId caseId = new CaseId(id);
        access.requireCase(caseId);
        try (OneAtATime.Permit permit = oneAtATime.acquire("export")) {
            return history.read(caseId, fromSequence, limit);
        }
    }

    @GetMapping(path = "/api/cases/{id}/history", produces = MediaType.APPLICATION_JSON_VALUE)
    Page json(@PathVariable String id,
              @RequestParam(defaultValue = "0") @Min(0) long fromSequence,
              @RequestParam(defaultValue = "100") @Min(1) @Max(1000) int limit) {
        return read(id, fromSequence, limit);
    }

    @GetMapping(path = "/api/cases/{id}/history", produces = "text/csv")
    ResponseEntity<String> csv(@PathVariable String id,
                               @RequestParam(defaultValue = "0") @Min(0) long fromSequence,
                               @RequestParam(defaultValue = "100") @Min(1) @Max(1000) int limit) {
        Page page = read(id, fromSequence, limit);
        StringBuilder csv = new StringBuilder(String.join(",", COLUMNS)).append("\r\n");
        for (Entry e : page.events()) {
            List<Object> cells = List.of(e.sequence(), e.globalIndex(), e.eventId(), e.type(), nullable(e.revision()),
                                         nullable(e.occurredOn()), e.recordedAt(), nullable(e.recordedBy()),
                                         nullable(e.correlationId()), nullable(e.causationId()),
                                         e.payload().toString());
            for (int i = 0; i < cells.size(); i++) {
                csv.append(i == 0 ? "" : ",").append(cell(cells.get(i).toString()));
            }
            csv.append("\r\n");
        }
        String fileName = "case-" + id.replaceAll("[^A-Za-z0-9._-]", "_") + "-history.csv";
        ResponseEntity.BodyBuilder response = ResponseEntity.ok().contentType(CSV)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + fileName + "\"");
        if (page.nextSequence() != null) {
            response.header("X-Next-Sequence", page.nextSequence().toString());
        }
        return response.body(csv.toString());
    }

    private static Object nullable(Object value) {
        return value == null ? "" : value;
    }

    /**
     * One CSV cell (RFC 4180): quoted when it holds a comma, quote or line break. A cell that a spreadsheet would
     * take for a formula ({@code = + - @}) is prefixed with an apostrophe.
     */
    static String cell(String value) {
        String safe = !value.isEmpty() && "=+-@".indexOf(value.charAt(0)) >= 0 && !value.matches("-?\\d+")
                ? "'" + value : value;
        if (safe.contains(",") || safe.contains("\"") || safe.contains("\n") || safe.contains("\r")) {
            return "\"" + safe.replace("\"", "\"\"") + "\"";
        }
        return safe;
    }
}
