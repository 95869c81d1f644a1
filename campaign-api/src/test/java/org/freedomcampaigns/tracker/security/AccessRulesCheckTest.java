package org.freedomcampaigns.tracker.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

class AccessRulesCheckTest {
    /** A controller as a developer might add one. */
    static class NewController {
        public String handle() {
            return "";
        }
    }

    private static RequestMappingHandlerMapping mapping(String path, RequestMethod... methods) throws Exception {
        RequestMappingHandlerMapping mappings = new RequestMappingHandlerMapping();
        mappings.registerMapping(RequestMappingInfo.paths(path).methods(methods).build(), new NewController(),
                                 NewController.class.getMethod("handle"));
        return mappings;
    }

    @Test
    void an_endpoint_without_a_rule_stops_the_start() throws Exception {
        RequestMappingHandlerMapping mappings = mapping("/api/cases/{id}/tweets", RequestMethod.POST);

        assertThat(AccessRulesCheck.unruledEndpoints(mappings)).containsExactly("POST /api/cases/{id}/tweets");
        assertThatThrownBy(() -> new AccessRulesCheck(mappings).afterSingletonsInstantiated())
                .hasMessageContaining("POST /api/cases/{id}/tweets");
    }

    @Test
    void an_endpoint_for_any_method_needs_rules_per_method() throws Exception {
        assertThat(AccessRulesCheck.unruledEndpoints(mapping("/api/cases"))).containsExactly("ANY /api/cases");
    }

    @Test
    void an_endpoint_with_a_rule_passes() throws Exception {
        assertThat(AccessRulesCheck.unruledEndpoints(mapping("/api/cases/{id}/letters", RequestMethod.POST)))
                .isEmpty();
    }
}
