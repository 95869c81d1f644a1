package org.freedomcampaigns.tracker.projections.support;

import org.freedomcampaigns.tracker.facts.CaseEvent;
import org.freedomcampaigns.tracker.facts.CaseId;

/**
 * A read model that can say how far it has applied a case's events. The API waits on these after a write so that
 * the next read of that case sees it (read-your-writes).
 */
public interface CaseProgress {
    /** The read model's name, as used in its processing group. */
    String name();

    /** The highest sequence number of the case's events applied to this read model, or -1 if none. */
    long appliedSequence(CaseId caseId);

    /** The case an event payload belongs to, or null: the key of read models with a document per case. */
    static String caseIdOf(Object payload) {
        return payload instanceof CaseEvent event ? event.caseId().value() : null;
    }
}
