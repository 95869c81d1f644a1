package org.freedomcampaigns.tracker;

import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Starts the whole service on a random port with the embedded server (memory backend) and talks to it over HTTP.
 * All API tests share this configuration, hence one Spring context.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"campaign.storage.embedded.backend=memory", "campaign.read-your-writes.timeout=30s"})
public abstract class ApiTestBase {
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
