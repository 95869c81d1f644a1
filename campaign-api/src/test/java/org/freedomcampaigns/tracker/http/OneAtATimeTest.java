package org.freedomcampaigns.tracker.http;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;

class OneAtATimeTest {
    private final OneAtATime oneAtATime = new OneAtATime();

    private static void signIn(String user) {
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                user, null, AuthorityUtils.createAuthorityList("ROLE_AUDITOR")));
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void a_user_runs_one_export_at_a_time_and_others_are_not_held_up() {
        signIn("ada");
        OneAtATime.Permit first = oneAtATime.acquire("export");
        assertThatThrownBy(() -> oneAtATime.acquire("export")).isInstanceOf(OneAtATime.Busy.class);
        assertThatCode(() -> oneAtATime.acquire("rebuild").close()).as("another kind").doesNotThrowAnyException();

        signIn("maria");
        assertThatCode(() -> oneAtATime.acquire("export").close()).as("another user").doesNotThrowAnyException();

        signIn("ada");
        first.close();
        assertThatCode(() -> oneAtATime.acquire("export").close()).as("after the first ended")
                                                                    .doesNotThrowAnyException();
    }
}
