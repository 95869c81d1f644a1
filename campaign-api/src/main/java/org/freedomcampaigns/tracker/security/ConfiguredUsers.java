package org.freedomcampaigns.tracker.security;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * The users from {@code campaign.security.users}, checked at start-up: a name, a password hash in
 * {@code DelegatingPasswordEncoder} form ({@code {bcrypt}…}; {@code {noop}…} is accepted with a warning), at least
 * one known role. With no users configured, an {@code admin} is created with a random password that is printed once
 * to the console; only its hash is kept.
 */
public final class ConfiguredUsers {
    private static final Logger log = LoggerFactory.getLogger(ConfiguredUsers.class);
    public static final String GENERATED_ADMIN = "admin";

    private final Map<String, CampaignUser> users = new LinkedHashMap<>();
    private final PasswordEncoder encoder = PasswordEncoderFactories.createDelegatingPasswordEncoder();

    public ConfiguredUsers(SecurityProperties properties) {
        List<SecurityProperties.User> configured = properties.getUsers();
        for (int i = 0; i < configured.size(); i++) {
            CampaignUser user = parse("campaign.security.users[" + i + "]", configured.get(i));
            if (users.putIfAbsent(user.name(), user) != null) {
                throw new IllegalStateException("campaign.security.users[" + i + "].name: the name is used twice");
            }
        }
        if (users.isEmpty()) {
            String password = randomPassword();
            users.put(GENERATED_ADMIN, new CampaignUser(GENERATED_ADMIN, "{bcrypt}" + new BCryptPasswordEncoder()
                    .encode(password), Set.of(Role.ADMIN), CampaignScope.ALL));
            // the console only, once: never the log file
            System.out.printf("%nNo users are configured (campaign.security.users), so this start created the user "
                                      + "'%s' (role ADMIN, every campaign) with the password%n%n    %s%n%n"
                                      + "It is shown only this once and not stored; configure users to choose your "
                                      + "own (see the README).%n%n", GENERATED_ADMIN, password);
        }
    }

    private static CampaignUser parse(String key, SecurityProperties.User user) {
        String name = user.getName() == null ? "" : user.getName().strip();
        if (name.isEmpty()) {
            throw new IllegalStateException(key + ".name is missing");
        }
        String password = user.getPassword();
        if (password == null || !password.startsWith("{") || password.indexOf('}') < 2) {
            throw new IllegalStateException(key + ".password must name its encoding, e.g. {bcrypt}$2a$10$…");
        }
        if (password.startsWith("{noop}")) {
            log.warn("{}.password is stored in clear ({noop}): use a {bcrypt} hash outside development", key);
        }
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (String role : user.getRoles()) {
            String value = role.strip().toUpperCase(Locale.ROOT);
            if (value.isEmpty()) {
                continue;
            }
            try {
                roles.add(Role.valueOf(value));
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException(key + ".roles: unknown role '" + role.strip()
                                                        + "' (known: COORDINATOR, AUDITOR, ADMIN)");
            }
        }
        if (roles.isEmpty()) {
            throw new IllegalStateException(key + ".roles is missing (COORDINATOR, AUDITOR or ADMIN)");
        }
        CampaignScope scope = roles.contains(Role.ADMIN) ? CampaignScope.ALL : CampaignScope.of(user.getCampaigns());
        return new CampaignUser(name, password, roles, scope);
    }

    private static String randomPassword() {
        byte[] bytes = new byte[18];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    public Optional<CampaignUser> find(String name) {
        return Optional.ofNullable(users.get(name));
    }

    /** Whether the password matches the user's hash (a deliberately slow check). */
    boolean matches(CampaignUser user, String password) {
        return encoder.matches(password, user.passwordHash());
    }

    /** A hash to check unknown users' passwords against, so that they take as long as known users'. */
    String decoyHash() {
        return users.values().iterator().next().passwordHash();
    }

    PasswordEncoder encoder() {
        return encoder;
    }
}
