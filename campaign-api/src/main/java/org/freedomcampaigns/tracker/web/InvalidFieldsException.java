package org.freedomcampaigns.tracker.web;

import java.util.List;

/** Several fields of a request that are wrong at once; answered 400 naming each. */
public class InvalidFieldsException extends RuntimeException {
    private final transient List<ProblemAdvice.FieldError> errors;

    public InvalidFieldsException(List<ProblemAdvice.FieldError> errors) {
        super(errors.size() + " invalid fields");
        this.errors = List.copyOf(errors);
    }

    public List<ProblemAdvice.FieldError> errors() {
        return errors;
    }
}
