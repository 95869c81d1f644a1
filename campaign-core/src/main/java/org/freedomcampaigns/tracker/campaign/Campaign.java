package org.freedomcampaigns.tracker.campaign;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateRoot;
import org.axonframework.modelling.command.CreationPolicy;
import org.freedomcampaigns.tracker.facts.CampaignCommand.LaunchCampaign;
import org.freedomcampaigns.tracker.facts.CampaignEvent.CampaignLaunched;
import org.freedomcampaigns.tracker.facts.CampaignId;
import org.freedomcampaigns.tracker.facts.RuleViolation;
import org.freedomcampaigns.tracker.facts.RuleViolationException;
import org.freedomcampaigns.tracker.facts.StoredNames;

/**
 * A campaign groups the cases one team works on.
 *
 * <p>Invariants:
 * <ul>
 *     <li>a campaign is launched once, with a non-blank name;</li>
 *     <li>its identifier never changes.</li>
 * </ul>
 */
@AggregateRoot(type = StoredNames.CAMPAIGN)
public class Campaign {
    @AggregateIdentifier
    private CampaignId campaignId;

    protected Campaign() {
        // for event sourcing
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public CampaignId handle(LaunchCampaign command) {
        if (campaignId != null) {
            throw new RuleViolationException(RuleViolation.CAMPAIGN_ALREADY_EXISTS,
                                             "campaign " + campaignId + " was launched already");
        }
        apply(new CampaignLaunched(command.campaignId(), command.name(), command.description()));
        return command.campaignId();
    }

    @EventSourcingHandler
    void on(CampaignLaunched event) {
        this.campaignId = event.campaignId();
    }
}
