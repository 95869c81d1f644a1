package org.freedomcampaigns.tracker.projections;

import static org.assertj.core.api.Assertions.assertThat;
import static org.freedomcampaigns.tracker.projections.TestEvents.at;
import static org.freedomcampaigns.tracker.projections.TestEvents.day;
import static org.freedomcampaigns.tracker.projections.TestEvents.launched;
import static org.freedomcampaigns.tracker.projections.TestEvents.letter;
import static org.freedomcampaigns.tracker.projections.TestEvents.opened;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.DefaultInterceptorChain;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.freedomcampaigns.tracker.facts.CampaignId;
import org.freedomcampaigns.tracker.facts.CaseId;
import org.freedomcampaigns.tracker.projections.casesummary.CaseSummary;
import org.freedomcampaigns.tracker.projections.support.FlushAtBatchEnd;
import org.junit.jupiter.api.Test;

/**
 * A tracking processor without a transaction manager stores its token in the first handler of the commit, which it
 * registers before any event is handled. The batch's documents must be written before that: at the end of handling.
 */
class FlushAtBatchEndTest extends AllReadModelsTestBase {
    private static final CampaignId CAMPAIGN = new CampaignId("free-them-all");
    private static final CaseId CASE = new CaseId("case-0001");

    @Test
    void a_batch_is_written_when_its_last_event_is_handled_before_the_token_is_stored() throws Exception {
        List<Recorded> stream = List.of(new Recorded(launched(CAMPAIGN), 0, at(0)),
                                        new Recorded(opened(CASE, CAMPAIGN), 0, at(60)),
                                        new Recorded(letter(CASE, day("2026-02-01")), 1, at(120)));
        List<EventMessage<?>> messages = new ArrayList<>();
        stream.forEach(r -> messages.add(GenericEventMessage.asEventMessage(r.payload())));
        List<Optional<CaseSummary>> seenWhenTheTokenIsStored = new ArrayList<>();

        BatchingUnitOfWork<EventMessage<?>> batch = new BatchingUnitOfWork<>(messages);
        batch.executeWithResult(() -> {
            if (batch.isFirstMessage()) {
                // what the processor does first: its token is stored at the start of the commit
                batch.onPrepareCommit(u -> seenWhenTheTokenIsStored.add(summaries.find(CASE)));
            }
            return new DefaultInterceptorChain<>(batch, List.of(new FlushAtBatchEnd()), (message) -> {
                int index = messages.indexOf(CurrentUnitOfWork.get().getMessage());
                drivers.forEach(driver -> driver.apply(stream.get(index)));
                return null;
            }).proceed();
        });

        assertThat(seenWhenTheTokenIsStored).hasSize(1);
        assertThat(seenWhenTheTokenIsStored.get(0)).as("written before the token").isPresent()
                .get().satisfies(summary -> assertThat(summary.version()).isEqualTo(1));
        assertThat(timelines.entries(CASE).orElseThrow()).hasSize(2);
    }
}
