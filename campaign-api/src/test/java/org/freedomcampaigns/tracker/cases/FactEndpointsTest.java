package org.freedomcampaigns.tracker.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

import org.freedomcampaigns.tracker.ApiTestBase;
import org.freedomcampaigns.tracker.facts.FactKind;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/** Every kind of fact in the catalogue is recorded at its own segment, with the body {@link CaseRequests} names. */
class FactEndpointsTest extends ApiTestBase {
    private static final String PREFIX = "/api/cases/{id}/";

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    /** The body type of each {@code POST /api/cases/{id}/<segment>}, by segment. */
    private Map<String, Class<?>> factEndpoints() {
        Map<String, Class<?>> bodies = new HashMap<>();
        for (Map.Entry<RequestMappingInfo, HandlerMethod> mapping : mappings.getHandlerMethods().entrySet()) {
            if (!mapping.getKey().getMethodsCondition().getMethods().contains(RequestMethod.POST)) {
                continue;
            }
            for (String pattern : mapping.getKey().getPatternValues()) {
                if (pattern.startsWith(PREFIX)) {
                    MethodParameter body = Arrays.stream(mapping.getValue().getMethodParameters())
                                                 .filter(p -> p.hasParameterAnnotation(RequestBody.class))
                                                 .findFirst().orElseThrow();
                    bodies.put(pattern.substring(PREFIX.length()), body.getParameterType());
                }
            }
        }
        return bodies;
    }

    @Test
    void every_kind_with_a_segment_has_its_endpoint_and_every_endpoint_its_kind() {
        Map<String, Class<?>> endpoints = factEndpoints();
        Map<String, FactKind> kinds = new HashMap<>();
        Arrays.stream(FactKind.values()).forEach(kind -> kind.segment().ifPresent(s -> kinds.put(s, kind)));

        assertThat(endpoints.keySet()).containsExactlyInAnyOrderElementsOf(kinds.keySet());
        kinds.forEach((segment, kind) -> {
            if (kind != FactKind.CORRECTION) {
                assertThat(endpoints.get(segment)).as(segment).isEqualTo(CaseRequests.requestFor(kind).orElseThrow());
            }
        });
    }

    /** A correction's replacement is read as the corrected kind's body: every kind that can be corrected has one. */
    @Test
    void every_kind_that_can_be_corrected_has_a_body_for_its_replacement() {
        for (FactKind kind : FactKind.values()) {
            assertThat(CaseRequests.requestFor(kind).isPresent()).as("%s", kind).isEqualTo(kind.correctable());
        }
    }
}
