package org.freedomcampaigns.tracker.security;

import static org.freedomcampaigns.tracker.security.Role.ADMIN;
import static org.freedomcampaigns.tracker.security.Role.AUDITOR;
import static org.freedomcampaigns.tracker.security.Role.COORDINATOR;
import static org.springframework.http.HttpMethod.GET;
import static org.springframework.http.HttpMethod.POST;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.freedomcampaigns.tracker.facts.FactKind;
import org.springframework.http.HttpMethod;

/**
 * Who may call which endpoint: the one table the security filter is built from. Every endpoint of the API must have
 * a rule here ({@link AccessRulesCheck} stops the service at start-up otherwise). Which campaigns a user sees is
 * decided per request by {@link CampaignAccess}: a case or campaign outside the user's answers 404.
 */
public final class AccessRules {
    /** One endpoint and the roles that may call it. */
    public record Rule(HttpMethod method, String pattern, Set<Role> roles) {
        public String[] roleNames() {
            return roles.stream().map(Role::name).toArray(String[]::new);
        }
    }

    private static final Set<Role> READERS = EnumSet.of(COORDINATOR, AUDITOR, ADMIN);
    private static final Set<Role> RECORDERS = EnumSet.of(COORDINATOR, ADMIN);
    private static final Set<Role> AUDITORS = EnumSet.of(AUDITOR, ADMIN);
    private static final Set<Role> ADMINS = EnumSet.of(ADMIN);

    /** The kinds of fact recorded with {@code POST /api/cases/{id}/<segment>}, corrections included. */
    private static final List<String> FACTS = Arrays.stream(FactKind.values()).flatMap(kind -> kind.segment().stream())
                                                    .toList();

    public static final List<Rule> RULES = rules();

    private AccessRules() {
    }

    private static List<Rule> rules() {
        List<Rule> rules = new ArrayList<>();
        rules.add(new Rule(POST, "/api/campaigns", ADMINS));
        rules.add(new Rule(GET, "/api/campaigns", READERS));
        rules.add(new Rule(GET, "/api/campaigns/{id}", READERS));
        rules.add(new Rule(POST, "/api/cases", RECORDERS));
        rules.add(new Rule(GET, "/api/cases", READERS));
        rules.add(new Rule(GET, "/api/cases/{id}", READERS));
        rules.add(new Rule(GET, "/api/cases/{id}/timeline", READERS));
        FACTS.forEach(kind -> rules.add(new Rule(POST, "/api/cases/{id}/" + kind, RECORDERS)));
        rules.add(new Rule(GET, "/api/cases/{id}/history", AUDITORS));
        rules.add(new Rule(GET, "/api/cases/{id}/state", AUDITORS));
        rules.add(new Rule(GET, "/api/cases/{id}/integrity", AUDITORS));
        rules.add(new Rule(GET, "/api/officials", READERS));
        rules.add(new Rule(GET, "/api/admin/projections", ADMINS));
        rules.add(new Rule(GET, "/api/admin/projections/{name}", ADMINS));
        rules.add(new Rule(POST, "/api/admin/projections/{name}/rebuild", ADMINS));
        rules.add(new Rule(GET, "/api/admin/dead-letters", ADMINS));
        rules.add(new Rule(POST, "/api/admin/dead-letters/retry", ADMINS));
        return List.copyOf(rules);
    }

    /** The rule for an endpoint as mapped by a controller, if there is one. */
    public static Optional<Rule> find(HttpMethod method, String pattern) {
        return RULES.stream().filter(r -> r.method().equals(method) && r.pattern().equals(pattern)).findFirst();
    }
}
