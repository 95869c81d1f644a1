package org.freedomcampaigns.tracker.application;

import java.util.List;

/** Several fields of a request that are wrong at once; answered 400 naming each. */
public class InvalidFieldsException extends RuntimeException {
    /** One bad field of a request. */
    public record FieldError(String field, String message) {
    }

    private final transient List<FieldError> errors;

    public InvalidFieldsException(List<FieldError> errors) {
        super(errors.size() + " invalid fields");
        this.errors = List.copyOf(errors);
    }

    public List<FieldError> errors() {
        return errors;
    }
}
