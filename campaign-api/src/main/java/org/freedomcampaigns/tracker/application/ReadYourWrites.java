package org.freedomcampaigns.tracker.application;

import java.time.Duration;
import java.util.List;
import java.util.function.BooleanSupplier;

import org.freedomcampaigns.tracker.facts.CampaignId;
import org.freedomcampaigns.tracker.facts.CaseId;
import org.freedomcampaigns.tracker.projections.dashboard.CampaignDashboards;
import org.freedomcampaigns.tracker.projections.support.CaseProgress;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Read-your-writes: projections run asynchronously (tracking processors, so a failing projection is retried and
 * never loses an event), and a write is answered only once the read models of its case have applied it. The next GET
 * of that case then shows it. Waiting is bounded: past the timeout the write (already durable) is answered anyway,
 * with {@code X-Read-Models: catching-up}; so is a write whose case a read model has parked (a poison event), at once.
 */
@Component
public class ReadYourWrites {
    private static final Logger log = LoggerFactory.getLogger(ReadYourWrites.class);

    /** How long a write waits before it asks whether a read model has parked the case. */
    private static final Duration PARKED_CHECK_AFTER = Duration.ofMillis(50);

    private final List<CaseProgress> caseReadModels;
    private final CampaignDashboards dashboards;
    private final DeadLetters deadLetters;
    private final Duration timeout;

    public ReadYourWrites(List<CaseProgress> caseReadModels, CampaignDashboards dashboards,
                          DeadLetters deadLetters,
                          @Value("${campaign.read-your-writes.timeout:10s}") Duration timeout) {
        this.caseReadModels = caseReadModels;
        this.dashboards = dashboards;
        this.deadLetters = deadLetters;
        this.timeout = timeout;
    }

    /**
     * Waits until every case read model has applied the case's event with this sequence number, or has parked the
     * case's events (a poison event: it will not apply them before they are retried); false in that case.
     */
    public boolean awaitCase(CaseId caseId, long sequence) {
        long parkedCheckAfter = System.nanoTime() + PARKED_CHECK_AFTER.toNanos();
        boolean[] parked = {false};
        boolean visible = await(() -> {
            boolean applied = true;
            for (CaseProgress model : caseReadModels) {
                if (model.appliedSequence(caseId) < sequence) {
                    applied = false;
                    // the cheap check first; the dead letters only once the wait is longer than usual
                    if (System.nanoTime() > parkedCheckAfter && deadLetters.isParked(model.name(), caseId.value())) {
                        parked[0] = true;
                    }
                }
            }
            return applied || parked[0];
        });
        return visible && !parked[0];
    }

    /** Waits until the campaign's launch is visible. */
    public boolean awaitCampaign(CampaignId campaignId) {
        return await(() -> dashboards.knows(campaignId));
    }

    private boolean await(BooleanSupplier visible) {
        long deadline = System.nanoTime() + timeout.toNanos();
        long pauseMillis = 1;
        while (!visible.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                log.warn("Read models did not catch up within {}", timeout);
                return false;
            }
            try {
                Thread.sleep(pauseMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
            pauseMillis = Math.min(pauseMillis * 2, 20);
        }
        return true;
    }
}
