package org.freedomcampaigns.tracker.facts;

import java.util.List;

/**
 * Argument checks used by the compact constructors of messages and value objects. A failed check throws
 * {@link InvalidInputException} naming the field, so that a bad value can never be turned into a message.
 *
 * <p>Text is stripped, bounded, and must be valid Unicode without control characters; free text (limits of
 * {@link Limits#LINE} and more) may contain line breaks and tabs.
 */
public final class Checks {
    private Checks() {
    }

    public static String required(String value, String field, int maxLength) {
        if (value == null || value.isBlank()) {
            throw new InvalidInputException(field, "must not be blank");
        }
        return bounded(value.strip(), field, maxLength);
    }

    public static String optional(String value, String field, int maxLength) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return bounded(value.strip(), field, maxLength);
    }

    public static <T> T present(T value, String field) {
        if (value == null) {
            throw new InvalidInputException(field, "must not be null");
        }
        return value;
    }

    public static List<String> names(List<String> values, String field, int maxCount, int maxLength) {
        if (values == null) {
            return List.of();
        }
        if (values.size() > maxCount) {
            throw new InvalidInputException(field, "must name at most " + maxCount + " entries");
        }
        return values.stream().map(v -> required(v, field, maxLength)).toList();
    }

    private static String bounded(String value, String field, int maxLength) {
        if (value.length() > maxLength) {
            throw new InvalidInputException(field, "must be at most " + maxLength + " characters");
        }
        boolean multiLine = maxLength >= Limits.LINE;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isISOControl(c) && !(multiLine && (c == '\n' || c == '\r' || c == '\t'))) {
                throw new InvalidInputException(field, "must not contain control characters");
            }
            if (Character.isHighSurrogate(c) && i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                throw new InvalidInputException(field, "must be valid Unicode text");
            }
        }
        return value;
    }
}
