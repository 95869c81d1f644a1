package org.freedomcampaigns.tracker;

import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Starts the whole service on a random port with the embedded server (memory backend) and talks to it over HTTP.
 * All API tests share this configuration, hence one Spring context.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"campaign.storage.embedded.backend=memory", "campaign.read-your-writes.timeout=30s",
                      ApiTestBase.USER_0_NAME, ApiTestBase.USER_0_PASSWORD, ApiTestBase.USER_0_ROLES,
                      ApiTestBase.USER_1_NAME, ApiTestBase.USER_1_PASSWORD, ApiTestBase.USER_1_ROLES,
                      ApiTestBase.USER_1_CAMPAIGNS,
                      ApiTestBase.USER_2_NAME, ApiTestBase.USER_2_PASSWORD, ApiTestBase.USER_2_ROLES,
                      ApiTestBase.USER_2_CAMPAIGNS})
public abstract class ApiTestBase {
    // the test users: an admin, and a coordinator and an auditor of one campaign, named by its name
    public static final String USER_0_NAME = "campaign.security.users[0].name=" + Api.ADMIN;
    public static final String USER_0_PASSWORD = "campaign.security.users[0].password={noop}" + Api.PASSWORD;
    public static final String USER_0_ROLES = "campaign.security.users[0].roles=ADMIN";
    public static final String USER_1_NAME = "campaign.security.users[1].name=" + Api.COORDINATOR;
    public static final String USER_1_PASSWORD = "campaign.security.users[1].password={noop}" + Api.PASSWORD;
    public static final String USER_1_ROLES = "campaign.security.users[1].roles=COORDINATOR";
    public static final String USER_1_CAMPAIGNS = "campaign.security.users[1].campaigns=" + Api.THEIR_CAMPAIGN;
    public static final String USER_2_NAME = "campaign.security.users[2].name=" + Api.AUDITOR;
    public static final String USER_2_PASSWORD = "campaign.security.users[2].password={noop}" + Api.PASSWORD;
    public static final String USER_2_ROLES = "campaign.security.users[2].roles=AUDITOR";
    public static final String USER_2_CAMPAIGNS = "campaign.security.users[2].campaigns=" + Api.THEIR_CAMPAIGN;
    /** The test admin, as command-line arguments, for tests that start the service themselves. */
    public static final String[] ADMIN_ARGS = {"--" + USER_0_NAME, "--" + USER_0_PASSWORD, "--" + USER_0_ROLES};

    @LocalServerPort
    protected int port;

    protected Api api;

    @BeforeEach
    void connect() {
        api = new Api(port);
    }

    protected String launchCampaign() {
        return api.post("/api/campaigns", Bodies.campaign("Test campaign")).expect(201).text("id");
    }

    protected String openCase(String campaignId) {
        return api.post("/api/cases", Bodies.openCase(campaignId)).expect(201).text("id");
    }
}
