package org.freedomcampaigns.tracker.application;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.freedomcampaigns.tracker.application.InvalidFieldsException.FieldError;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.servlet.mvc.method.annotation.RequestBodyAdviceAdapter;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The {@value #HEADER} a client may send with any {@code POST} so that retrying it is safe: a retry with the same key
 * and the same request gets the original answer and records nothing new; the same key with another request is a
 * 422. A key belongs to the user who sent it (two users' equal keys are different requests).
 *
 * <p>What is remembered is a {@link Key}: an {@link Key#id() id} (a hash of the user and the key, never the key
 * itself) and a {@link Key#fingerprint() fingerprint} of the request (a hash of its method, path, query parameters and body as read,
 * with object members in a fixed order, so that the same fields sent in another order or spacing are the same
 * request). Recording endpoints store both in the metadata of the events they record, in the same write
 * ({@link Commands}); the event store refuses a second write of the same id.
 *
 * <p>As a {@link ControllerAdvice} it sees every request body once it is read, and keeps its canonical form for the
 * fingerprint.
 */
@ControllerAdvice
public class Idempotency extends RequestBodyAdviceAdapter {
    public static final String HEADER = "Idempotency-Key";
    /** Answers given again from what the first request recorded carry this header. */
    public static final String REPLAYED = "Idempotent-Replayed";
    private static final Pattern VALID = Pattern.compile("[\\x21-\\x7E]{1,255}");
    private static final String BODY = Idempotency.class.getName() + ".body";

    private final ObjectMapper json;

    public Idempotency(ObjectMapper json) {
        this.json = json;
    }

    /** A request's idempotency key as remembered: whose key it is, and what was asked with it. */
    public record Key(String id, String fingerprint) {
    }

    /**
     * The current request's key, if it sent one.
     *
     * @throws InvalidFieldsException if it sent more than one, or one that is not 1 to 255 visible ASCII characters
     */
    public Optional<Key> current() {
        HttpServletRequest request = request();
        if (request == null) {
            return Optional.empty();
        }
        List<String> given = Collections.list(request.getHeaders(HEADER));
        if (given.isEmpty()) {
            return Optional.empty();
        }
        if (given.size() > 1 || !VALID.matcher(given.get(0)).matches()) {
            throw new InvalidFieldsException(List.of(new FieldError(
                    HEADER, "must be one key of 1 to 255 visible ASCII characters")));
        }
        String body = (String) request.getAttribute(BODY);
        return Optional.of(new Key(sha256("idempotency-key\n" + EventMetadata.currentActor() + "\n" + given.get(0)),
                                   sha256(request.getMethod() + " " + request.getRequestURI() + "\n"
                                                  + (request.getQueryString() == null ? List.of()
                                                          : Stream.of(request.getQueryString().split("&")).sorted()
                                                                  .toList())
                                                  + "\n" + (body == null ? "" : body))));
    }

    /** Marks the current answer as given again. */
    public void markReplayed() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes servlet) {
            HttpServletResponse response = servlet.getResponse();
            if (response != null) {
                response.setHeader(REPLAYED, "true");
            }
        }
    }

    @Override
    public boolean supports(MethodParameter parameter, java.lang.reflect.Type targetType,
                            Class<? extends HttpMessageConverter<?>> converterType) {
        return true;
    }

    @Override
    public Object afterBodyRead(Object body, HttpInputMessage inputMessage, MethodParameter parameter,
                                java.lang.reflect.Type targetType,
                                Class<? extends HttpMessageConverter<?>> converterType) {
        HttpServletRequest request = request();
        if (request != null && request.getHeader(HEADER) != null) {
            request.setAttribute(BODY, canonical(json.valueToTree(body)).toString());
        }
        return body;
    }

    /** The same JSON with every object's members sorted by name. */
    private JsonNode canonical(JsonNode node) {
        if (node instanceof ObjectNode object) {
            Map<String, JsonNode> sorted = new TreeMap<>();
            object.fields().forEachRemaining(field -> sorted.put(field.getKey(), canonical(field.getValue())));
            ObjectNode result = json.createObjectNode();
            sorted.forEach(result::set);
            return result;
        }
        if (node instanceof ArrayNode array) {
            ArrayNode result = json.createArrayNode();
            array.forEach(element -> result.add(canonical(element)));
            return result;
        }
        return node;
    }

    private static HttpServletRequest request() {
        return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes servlet
                ? servlet.getRequest() : null;
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                                                         .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    /** The key was used before by the same user for another request. Answered 422. */
    public static class KeyReusedException extends RuntimeException {
        public KeyReusedException() {
            super("this Idempotency-Key was used before with another request; use a new key for a new request");
        }
    }
}
