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
    private final Oidc oidc = new Oidc();

    public Oidc getOidc() {
        return oidc;
    }

    public List<User> getUsers() {
        return users;
    }

    public void setUsers(List<User> users) {
        this.users = users;
    }

    /**
     * Production identity: with an issuer set, requests carry JWT bearer tokens from that OpenID Connect provider
     * instead of Basic credentials, and the configured users are not used.
     */
    public static class Oidc {
        /** The provider's issuer URI (its discovery document and keys are fetched from there). */
        private String issuerUri;
        /** The claim holding the user's name, as recorded in events ({@code sub} when absent). */
        private String nameClaim = "preferred_username";
        /** The claim holding the roles (a list, or a comma-separated string). */
        private String rolesClaim = "roles";
        /** The claim holding the campaigns (ids or names; absent, empty or {@code *}: all). */
        private String campaignsClaim = "campaigns";

        public String getIssuerUri() {
            return issuerUri;
        }

        public void setIssuerUri(String issuerUri) {
            this.issuerUri = issuerUri;
        }

        public String getNameClaim() {
            return nameClaim;
        }

        public void setNameClaim(String nameClaim) {
            this.nameClaim = nameClaim;
        }

        public String getRolesClaim() {
            return rolesClaim;
        }

        public void setRolesClaim(String rolesClaim) {
            this.rolesClaim = rolesClaim;
        }

        public String getCampaignsClaim() {
            return campaignsClaim;
        }

        public void setCampaignsClaim(String campaignsClaim) {
            this.campaignsClaim = campaignsClaim;
        }
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
