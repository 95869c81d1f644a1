package org.freedomcampaigns.tracker.projections.timeline;

import java.time.LocalDate;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One entry of a case's timeline as clients see it: the recorded fact ({@code sequence}, the date it happened, the
 * time it was recorded, its kind's wire name, a one-line summary and its details), and where it stands once
 * corrections are applied: {@code recorded}, {@code corrected} (by {@code correctedBy}, its replacement) or
 * {@code retracted} (by {@code retractedBy}); a replacement says which entry it {@code corrects}.
 */
public record TimelineEntry(long sequence, LocalDate occurredOn, String recordedAt, String kind, String summary,
                            Map<String, Object> details, String status,
                            @JsonInclude(JsonInclude.Include.NON_NULL) Long correctedBy,
                            @JsonInclude(JsonInclude.Include.NON_NULL) Long retractedBy,
                            @JsonInclude(JsonInclude.Include.NON_NULL) Long corrects) {

    /** An entry as stored: what was recorded, which never changes. */
    record Recorded(long sequence, LocalDate occurredOn, String recordedAt, String kind, String summary,
                    Map<String, Object> details) {
    }
}
