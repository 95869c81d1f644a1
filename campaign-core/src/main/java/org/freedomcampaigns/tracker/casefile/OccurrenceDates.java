package org.freedomcampaigns.tracker.casefile;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;

import org.freedomcampaigns.tracker.facts.InvalidInputException;

/**
 * The policy for the date a fact happened: never in the future, and never before the sentence was imposed where that
 * date is known.
 *
 * <p>"The future" is judged against today's date in the earliest time zone on Earth (UTC+14), so that a coordinator
 * anywhere can record what happened on their own today, while tomorrow everywhere is still rejected.
 */
public final class OccurrenceDates {
    private static final ZoneOffset EARLIEST_ZONE = ZoneOffset.ofHours(14);

    private OccurrenceDates() {
    }

    public static LocalDate latestAllowed(Clock clock) {
        return LocalDate.ofInstant(clock.instant(), EARLIEST_ZONE);
    }

    public static void check(LocalDate date, String field, LocalDate sentenceImposedOn, Clock clock) {
        if (date.isAfter(latestAllowed(clock))) {
            throw new InvalidInputException(field, "must not be in the future");
        }
        if (sentenceImposedOn != null && date.isBefore(sentenceImposedOn)) {
            throw new InvalidInputException(field, "must not be before the sentence was imposed (" + sentenceImposedOn + ")");
        }
    }
}
