package org.freedomcampaigns.tracker.http;

import org.freedomcampaigns.tracker.application.Idempotency;
import org.freedomcampaigns.tracker.application.InvalidFieldsException;
import org.freedomcampaigns.tracker.application.InvalidFieldsException.FieldError;
import org.freedomcampaigns.tracker.application.NotFoundException;
import org.freedomcampaigns.tracker.application.OperationRefusedException;
import org.freedomcampaigns.tracker.application.ReadModelRebuildingException;
import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import org.axonframework.eventsourcing.IncompatibleAggregateException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.freedomcampaigns.tracker.facts.InvalidInputException;
import org.freedomcampaigns.tracker.facts.RuleViolationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageConversionException;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * Maps every failure to an RFC 7807 problem: a request of the wrong shape is 400 and names each bad field; an
 * unknown case or campaign is 404; a broken business rule is 409 with a stable {@code code}; an idempotency key
 * reused for another request is 422. Bodies never carry stack traces, class names or the submitted values; logs
 * never carry personal data.
 */
@RestControllerAdvice
public class ProblemAdvice extends ResponseEntityExceptionHandler {
    private static final Logger log = LoggerFactory.getLogger(ProblemAdvice.class);
    private static final String TYPE_BASE = "https://campaign-tracker.invalid/problems/";

    @ExceptionHandler(InvalidInputException.class)
    ResponseEntity<Object> invalidInput(InvalidInputException e) {
        return invalid(List.of(new FieldError(e.field(), e.reason())));
    }

    @ExceptionHandler(InvalidFieldsException.class)
    ResponseEntity<Object> invalidFields(InvalidFieldsException e) {
        return invalid(e.errors());
    }

    @ExceptionHandler(RuleViolationException.class)
    ResponseEntity<Object> ruleViolated(RuleViolationException e) {
        return conflict("rule-violated", "Business rule violated", e.getMessage(), e.violation());
    }

    @ExceptionHandler(OperationRefusedException.class)
    ResponseEntity<Object> operationRefused(OperationRefusedException e) {
        return conflict("operation-refused", "Operation refused for now", e.getMessage(), e.reason());
    }

    /** A 409 with a stable {@code code} clients may branch on. */
    private static ResponseEntity<Object> conflict(String type, String title, String detail, Enum<?> code) {
        ProblemDetail problem = problem(HttpStatus.CONFLICT, type, title, detail);
        problem.setProperty("code", code.name());
        return ResponseEntity.status(HttpStatus.CONFLICT).body(problem);
    }

    @ExceptionHandler({ConcurrencyException.class, AggregateStreamCreationException.class})
    ResponseEntity<Object> concurrentChange(Exception e) {
        ProblemDetail problem = problem(HttpStatus.CONFLICT, "concurrent-change", "Concurrent change",
                                        "the case was changed by another request at the same time; retry");
        problem.setProperty("code", "CONCURRENT_MODIFICATION");
        return ResponseEntity.status(HttpStatus.CONFLICT).body(problem);
    }

    @ExceptionHandler(Idempotency.KeyReusedException.class)
    ResponseEntity<Object> keyReused(Idempotency.KeyReusedException e) {
        ProblemDetail problem = problem(HttpStatus.UNPROCESSABLE_ENTITY, "idempotency-key-reused",
                                        "Idempotency key reused", e.getMessage());
        problem.setProperty("code", "IDEMPOTENCY_KEY_REUSED");
        return ResponseEntity.status(HttpStatus.UNPROCESSABLE_ENTITY).body(problem);
    }

    @ExceptionHandler(OneAtATime.Busy.class)
    ResponseEntity<Object> busy(OneAtATime.Busy e) {
        return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS).header(HttpHeaders.RETRY_AFTER, "5")
                             .body(problem(HttpStatus.TOO_MANY_REQUESTS, "busy", "Too many requests",
                                           e.getMessage()));
    }

    @ExceptionHandler(NotFoundException.class)
    ResponseEntity<Object> notFound(NotFoundException e) {
        return ResponseEntity.status(HttpStatus.NOT_FOUND)
                             .body(problem(HttpStatus.NOT_FOUND, "not-found", "Not found", e.getMessage()));
    }

    @ExceptionHandler(ReadModelRebuildingException.class)
    ResponseEntity<Object> rebuilding(ReadModelRebuildingException e) {
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, "2")
                             .body(problem(HttpStatus.SERVICE_UNAVAILABLE, "rebuilding", "Read model rebuilding",
                                           e.getMessage()));
    }

    @ExceptionHandler(AggregateNotFoundException.class)
    ResponseEntity<Object> aggregateNotFound(AggregateNotFoundException e) {
        return notFound(new NotFoundException("case", String.valueOf(e.getAggregateIdentifier())));
    }

    /** Thrown when the events under an identifier are not a case's (a campaign's id used as a case id). */
    @ExceptionHandler(IncompatibleAggregateException.class)
    ResponseEntity<Object> notACase(IncompatibleAggregateException e) {
        return ResponseEntity.status(HttpStatus.NOT_FOUND)
                             .body(problem(HttpStatus.NOT_FOUND, "not-found", "Not found", "no such case"));
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<Object> parameterMismatch(MethodArgumentTypeMismatchException e) {
        String message = "has an invalid value";
        Class<?> type = e.getRequiredType();
        if (type != null && type.isEnum()) {
            message = "must be one of " + Arrays.toString(type.getEnumConstants());
        } else if (type != null) {
            message = "must be a valid " + type.getSimpleName().toLowerCase();
        }
        return invalid(List.of(new FieldError(e.getName(), message)));
    }

    /** A body Jackson could not bind for a reason other than its shape (e.g. a property given twice to a record). */
    @ExceptionHandler(HttpMessageConversionException.class)
    ResponseEntity<Object> unconvertible(HttpMessageConversionException e) {
        log.warn("Request body could not be converted: {}", e.getClass().getName());
        return ResponseEntity.badRequest().body(problem(HttpStatus.BAD_REQUEST, "malformed-request",
                                                        "Malformed request", "the body could not be read"));
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> unexpected(Exception e) {
        // the class and message only: messages of our own code carry ids, never personal data
        log.error("Unexpected failure: {}", e.getClass().getName(), e);
        return ResponseEntity.status(HttpStatus.INTERNAL_SERVER_ERROR)
                             .body(problem(HttpStatus.INTERNAL_SERVER_ERROR, "internal-error", "Internal error",
                                           "the request could not be completed; nothing was recorded"));
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException e,
                                                                  HttpHeaders headers, HttpStatusCode status,
                                                                  WebRequest request) {
        List<FieldError> errors = e.getBindingResult().getFieldErrors().stream()
                                   .map(f -> new FieldError(f.getField(), f.getDefaultMessage()))
                                   .sorted((a, b) -> a.field().compareTo(b.field()))
                                   .toList();
        return invalid(errors);
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException e,
                                                                            HttpHeaders headers,
                                                                            HttpStatusCode status,
                                                                            WebRequest request) {
        List<FieldError> errors = e.getParameterValidationResults().stream()
                                   .flatMap(r -> r.getResolvableErrors().stream().map(
                                           error -> new FieldError(r.getMethodParameter().getParameterName(),
                                                                   error.getDefaultMessage())))
                                   .toList();
        return invalid(errors);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e,
                                                                  HttpHeaders headers, HttpStatusCode status,
                                                                  WebRequest request) {
        Throwable cause = e.getCause();
        for (Throwable c = cause; c != null; c = c.getCause()) {
            if (c instanceof BodyLimit.TooLarge tooLarge) {
                return ResponseEntity.status(HttpStatus.PAYLOAD_TOO_LARGE).body(tooLarge.problem());
            }
        }
        if (cause instanceof UnrecognizedPropertyException unknown) {
            return invalid(List.of(new FieldError(path(unknown), "is not a known property")));
        }
        if (cause instanceof InvalidFormatException format && format.getTargetType() != null
                && format.getTargetType().isEnum()) {
            return invalid(List.of(new FieldError(path(format), "must be one of "
                    + Arrays.toString(format.getTargetType().getEnumConstants()))));
        }
        if (cause instanceof MismatchedInputException mismatch && !mismatch.getPath().isEmpty()) {
            Class<?> target = mismatch.getTargetType();
            String expected = target == null ? "a value of another type" : describe(target);
            return invalid(List.of(new FieldError(path(mismatch), "must be " + expected)));
        }
        if (cause instanceof JsonMappingException mapping && mapping.getCause() instanceof InvalidInputException input) {
            return invalidInput(input);
        }
        String detail = cause instanceof JsonProcessingException ? "the body is not well-formed JSON"
                : "the body is missing or unreadable";
        return ResponseEntity.badRequest().body(problem(HttpStatus.BAD_REQUEST, "malformed-request",
                                                        "Malformed request", detail));
    }

    private static String describe(Class<?> target) {
        if (target == java.time.LocalDate.class) {
            return "a date (YYYY-MM-DD)";
        }
        if (target == String.class) {
            return "a string";
        }
        if (target == Boolean.class || target == boolean.class) {
            return "a boolean";
        }
        if (java.util.Collection.class.isAssignableFrom(target)) {
            return "a list";
        }
        if (Number.class.isAssignableFrom(target) || target.isPrimitive()) {
            return "a number";
        }
        return "an object";
    }

    /** The JSON path of the field a binding failed on, as clients name it: {@code person.name}, {@code visitors[1]}. */
    public static String path(JsonMappingException e) {
        return e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
    }

    private ResponseEntity<Object> invalid(List<FieldError> errors) {
        String detail = errors.stream().map(f -> f.field() + " " + f.message()).collect(Collectors.joining("; "));
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "invalid-request", "Invalid request", detail);
        problem.setProperty("errors", errors);
        return ResponseEntity.badRequest().body(problem);
    }

    /** A problem body of the project's own type ({@value #TYPE_BASE} + type). */
    public static ProblemDetail problem(HttpStatus status, String type, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create(TYPE_BASE + type));
        problem.setTitle(title);
        return problem;
    }
}
