package org.freedomcampaigns.tracker.security;

import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * Turns a validated JWT into the same kind of user as a configured one: name, roles and campaigns from claims (see
 * {@link SecurityProperties.Oidc}). Unknown role names are ignored, so a token without a known role may do nothing
 * but is still signed in (403, not 401). A token without the campaigns claim sees no campaign; {@code *} means all.
 */
final class TokenUsers implements Converter<Jwt, AbstractAuthenticationToken> {
    private final SecurityProperties.Oidc oidc;

    TokenUsers(SecurityProperties.Oidc oidc) {
        this.oidc = oidc;
    }

    @Override
    public AbstractAuthenticationToken convert(Jwt jwt) {
        String name = jwt.getClaimAsString(oidc.getNameClaim());
        if (name == null || name.isBlank()) {
            name = jwt.getSubject();
        }
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (String role : strings(jwt.getClaim(oidc.getRolesClaim()))) {
            try {
                roles.add(Role.valueOf(role.strip().toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException ignored) {
                // a role of another application
            }
        }
        Object campaigns = jwt.getClaim(oidc.getCampaignsClaim());
        // unlike a configured user, a token that says nothing of campaigns gets none: all must be asked for ("*")
        CampaignScope scope = roles.contains(Role.ADMIN) ? CampaignScope.ALL
                : campaigns == null ? CampaignScope.NONE : CampaignScope.of(strings(campaigns));
        CampaignUser user = new CampaignUser(name, null, roles, scope);
        return UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities());
    }

    /** A claim as strings: a list, or a comma-separated string; nothing when absent. */
    private static List<String> strings(Object claim) {
        List<String> values = new ArrayList<>();
        if (claim instanceof Collection<?> collection) {
            collection.forEach(value -> values.add(String.valueOf(value)));
        } else if (claim instanceof String text) {
            values.addAll(List.of(text.split(",")));
        }
        return values;
    }
}
