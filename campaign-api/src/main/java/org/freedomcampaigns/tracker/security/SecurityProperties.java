package org.freedomcampaigns.tracker.security;

import java.util.ArrayList;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code campaign.security.*}: the users of the service, settable from a file, environment variables or the command
 * line, e.g. {@code --campaign.security.users[0].name=maria --campaign.security.users[0].password={bcrypt}$2a$…
 * --campaign.security.users[0].roles=COORDINATOR --campaign.security.users[0].campaigns=the-justice-project}.
 */
@ConfigurationProperties("campaign.security")
public class SecurityProperties {
    private List<User> users = new ArrayList<>();

    public List<User> getUsers() {
        return users;
    }

    public void setUsers(List<User> users) {
        this.users = users;
    }

    /** One configured user. */
    public static class User {
        private String name;
        /** In {@code DelegatingPasswordEncoder} form: {@code {bcrypt}…} ({@code {noop}…} works, with a warning). */
        private String password;
        private List<String> roles = new ArrayList<>();
        /** Campaign ids or names; empty or {@code *}: every campaign. */
        private List<String> campaigns = new ArrayList<>();

        public String getName() {
            return name;
        }

        public void setName(String name) {
            this.name = name;
        }

        public String getPassword() {
            return password;
        }

        public void setPassword(String password) {
            this.password = password;
        }

        public List<String> getRoles() {
            return roles;
        }

        public void setRoles(List<String> roles) {
            this.roles = roles;
        }

        public List<String> getCampaigns() {
            return campaigns;
        }

        public void setCampaigns(List<String> campaigns) {
            this.campaigns = campaigns;
        }
    }
}
