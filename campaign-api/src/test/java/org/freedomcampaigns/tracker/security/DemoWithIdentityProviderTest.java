package org.freedomcampaigns.tracker.security;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.freedomcampaigns.tracker.CampaignTrackerApplication;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;

class DemoWithIdentityProviderTest {
    @Test
    void the_demo_switch_cannot_be_used_with_a_production_identity_provider() {
        assertThatThrownBy(() -> new SpringApplicationBuilder(CampaignTrackerApplication.class).run(
                "--server.port=0", "--campaign.storage.embedded.backend=memory", "--campaign.demo.enabled=true",
                "--campaign.security.oidc.issuer-uri=https://id.example.test/realms/campaigns").close())
                .hasStackTraceContaining("campaign.demo.enabled cannot be used together with a production identity");
    }
}
