package org.freedomcampaigns.tracker.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

class ConfiguredUsersTest {
    private static SecurityProperties.User user(String name, String password, List<String> roles,
                                                List<String> campaigns) {
        SecurityProperties.User user = new SecurityProperties.User();
        user.setName(name);
        user.setPassword(password);
        user.setRoles(roles);
        user.setCampaigns(campaigns);
        return user;
    }

    private static ConfiguredUsers of(SecurityProperties.User... users) {
        SecurityProperties properties = new SecurityProperties();
        properties.setUsers(List.of(users));
        return new ConfiguredUsers(properties);
    }

    @Test
    void without_users_an_admin_gets_a_random_password_shown_once_and_kept_only_as_a_hash() {
        PrintStream console = System.out;
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        ConfiguredUsers users;
        try {
            System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
            users = of();
        } finally {
            System.setOut(console);
        }
        Matcher password = Pattern.compile("\n {4}(\\S+)\n").matcher(printed.toString(StandardCharsets.UTF_8));
        assertThat(password.find()).isTrue();
        CampaignUser admin = users.find(ConfiguredUsers.GENERATED_ADMIN).orElseThrow();
        assertThat(admin.roles()).containsExactly(Role.ADMIN);
        assertThat(admin.scope().all()).isTrue();
        assertThat(admin.passwordHash()).startsWith("{bcrypt}").doesNotContain(password.group(1));
        assertThat(users.matches(admin, password.group(1))).isTrue();
        assertThat(users.matches(admin, "admin")).isFalse();
        // another start, another password
        assertThat(of().find(ConfiguredUsers.GENERATED_ADMIN).orElseThrow().passwordHash())
                .isNotEqualTo(admin.passwordHash());
    }

    @Test
    void configured_users_carry_their_roles_and_campaigns() {
        ConfiguredUsers users = of(user("maria", "{noop}secret", List.of("coordinator", "AUDITOR"),
                                        List.of("the-justice-project", "Free Them All")),
                                   user("ada", "{noop}secret", List.of("AUDITOR"), List.of("*")));
        CampaignUser maria = users.find("maria").orElseThrow();
        assertThat(maria.roles()).containsExactlyInAnyOrder(Role.COORDINATOR, Role.AUDITOR);
        assertThat(maria.scope().allows("the-justice-project", null)).isTrue();
        assertThat(maria.scope().allows("c-123", "Free Them All")).isTrue();
        assertThat(maria.scope().allows("c-456", "Another")).isFalse();
        assertThat(users.find("ada").orElseThrow().scope().all()).isTrue();
        assertThat(users.matches(maria, "secret")).isTrue();
        assertThat(users.find("admin")).as("no generated admin when users are configured").isEmpty();
    }

    @Test
    void a_bad_user_entry_stops_the_start_with_a_clear_message() {
        assertThatThrownBy(() -> of(user("maria", "{noop}x", List.of("JUDGE"), List.of())))
                .hasMessageContaining("users[0].roles").hasMessageContaining("JUDGE");
        assertThatThrownBy(() -> of(user("maria", "plain-text", List.of("ADMIN"), List.of())))
                .hasMessageContaining("users[0].password");
        assertThatThrownBy(() -> of(user("maria", "{noop}x", List.of(), List.of())))
                .hasMessageContaining("users[0].roles");
        assertThatThrownBy(() -> of(user(" ", "{noop}x", List.of("ADMIN"), List.of())))
                .hasMessageContaining("users[0].name");
        assertThatThrownBy(() -> of(user("maria", "{noop}x", List.of("ADMIN"), List.of()),
                                    user("maria", "{noop}y", List.of("AUDITOR"), List.of())))
                .hasMessageContaining("users[1].name");
    }
}
