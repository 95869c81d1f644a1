package org.freedomcampaigns.tracker.security;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.HttpMethod;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Stops the service at start-up if a controller maps an endpoint that has no rule in {@link AccessRules}: a new
 * endpoint is never open by accident. Only the application's own controllers are checked (not Spring's error page).
 */
@Component
public class AccessRulesCheck implements SmartInitializingSingleton {
    private static final String OWN_PACKAGE = "org.freedomcampaigns.";

    private final RequestMappingHandlerMapping mappings;

    AccessRulesCheck(@Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping mappings) {
        this.mappings = mappings;
    }

    @Override
    public void afterSingletonsInstantiated() {
        List<String> missing = unruledEndpoints(mappings);
        if (!missing.isEmpty()) {
            throw new IllegalStateException("endpoints without an access rule in AccessRules: " + missing);
        }
    }

    /** Every endpoint of the application's controllers, as "METHOD pattern". */
    public static List<String> endpoints(RequestMappingHandlerMapping mappings) {
        List<String> endpoints = new ArrayList<>();
        mappings.getHandlerMethods().forEach((RequestMappingInfo info, HandlerMethod handler) -> {
            if (!handler.getBeanType().getName().startsWith(OWN_PACKAGE)) {
                return;
            }
            Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
            for (String pattern : info.getPatternValues()) {
                if (methods.isEmpty()) {
                    endpoints.add("ANY " + pattern);
                }
                methods.forEach(method -> endpoints.add(method.name() + " " + pattern));
            }
        });
        return endpoints.stream().distinct().sorted().toList();
    }

    static List<String> unruledEndpoints(RequestMappingHandlerMapping mappings) {
        return endpoints(mappings).stream().filter(endpoint -> {
            String[] parts = endpoint.split(" ", 2);
            return parts[0].equals("ANY") || AccessRules.find(HttpMethod.valueOf(parts[0]), parts[1]).isEmpty();
        }).toList();
    }
}
