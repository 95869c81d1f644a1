package org.freedomcampaigns.tracker.facts;

import java.time.LocalDate;

/** The sentence being served. {@code imposedOn} is optional; where known, no fact on the case may predate it. */
public record Sentence(String description, boolean lifeSentence, LocalDate imposedOn) {
    public Sentence {
        description = Checks.required(description, "sentence.description", Limits.LINE);
    }
}
