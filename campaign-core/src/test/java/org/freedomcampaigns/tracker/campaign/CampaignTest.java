package org.freedomcampaigns.tracker.campaign;

import static org.freedomcampaigns.tracker.ExceptionMatchers.violates;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.freedomcampaigns.tracker.facts.CampaignCommand.LaunchCampaign;
import org.freedomcampaigns.tracker.facts.CampaignEvent.CampaignLaunched;
import org.freedomcampaigns.tracker.facts.CampaignId;
import org.freedomcampaigns.tracker.facts.RuleViolation;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The rules of the Campaign aggregate. */
class CampaignTest {
    private static final CampaignId CAMPAIGN = new CampaignId("free-them-all");
    private static final String NAME = "Free them all";
    private static final String DESCRIPTION = "Clemency for people serving life for non-violent drug offenses.";

    private AggregateTestFixture<Campaign> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Campaign.class);
    }

    @Test
    void a_campaign_is_launched_once() {
        fixture.givenNoPriorActivity()
               .when(new LaunchCampaign(CAMPAIGN, NAME, DESCRIPTION))
               .expectSuccessfulHandlerExecution()
               .expectEvents(new CampaignLaunched(CAMPAIGN, NAME, DESCRIPTION))
               .expectResultMessagePayload(CAMPAIGN);
    }

    @Test
    void a_campaign_without_description_is_launched() {
        fixture.givenNoPriorActivity()
               .when(new LaunchCampaign(CAMPAIGN, "  " + NAME + "  ", "   "))
               .expectEvents(new CampaignLaunched(CAMPAIGN, NAME, null));
    }

    @Test
    void a_campaign_cannot_be_launched_twice() {
        fixture.given(new CampaignLaunched(CAMPAIGN, NAME, DESCRIPTION))
               .when(new LaunchCampaign(CAMPAIGN, "Another name", null))
               .expectNoEvents()
               .expectException(violates(RuleViolation.CAMPAIGN_ALREADY_EXISTS))
               .expectExceptionMessage("campaign " + CAMPAIGN + " was launched already");
    }
}
