package org.freedomcampaigns.tracker.facts;

/**
 * A value that can never be valid, whatever the state of the case: a blank name, a date in the future, a text that
 * is too long. The REST layer answers it with 400 and names the field.
 */
public class InvalidInputException extends RuntimeException {
    private final String field;

    public InvalidInputException(String field, String message) {
        super(field + " " + message);
        this.field = field;
    }

    public String field() {
        return field;
    }

    public String reason() {
        String message = getMessage();
        return message.substring(field.length() + 1);
    }
}
