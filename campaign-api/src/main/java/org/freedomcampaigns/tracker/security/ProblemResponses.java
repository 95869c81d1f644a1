package org.freedomcampaigns.tracker.security;

import java.io.IOException;

import org.freedomcampaigns.tracker.http.ProblemAdvice;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/** 401 and 403 as RFC 7807 problems, like every other failure of the API. */
final class ProblemResponses implements AuthenticationEntryPoint, AccessDeniedHandler {
    static final String REALM = "campaign-tracker";

    private final ObjectMapper json;
    private final String challenge;

    /** @param challenge the {@code WWW-Authenticate} value of a 401 */
    ProblemResponses(ObjectMapper json, String challenge) {
        this.json = json;
        this.challenge = challenge;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException {
        response.setHeader("WWW-Authenticate", challenge);
        write(response, ProblemAdvice.problem(HttpStatus.UNAUTHORIZED, "unauthenticated", "Unauthenticated",
                                              "sign in first"));
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e)
            throws IOException {
        write(response, ProblemAdvice.problem(HttpStatus.FORBIDDEN, "forbidden", "Forbidden",
                                              "your role may not do this"));
    }

    private void write(HttpServletResponse response, ProblemDetail problem) throws IOException {
        response.setStatus(problem.getStatus());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), problem);
    }
}
