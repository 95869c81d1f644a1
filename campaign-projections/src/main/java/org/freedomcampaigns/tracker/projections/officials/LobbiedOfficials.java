package org.freedomcampaigns.tracker.projections.officials;

import java.util.List;
import java.util.function.Predicate;

/** What can be asked of the officials lobbied. */
public interface LobbiedOfficials {
    /**
     * The officials lobbied in the cases that pass the filter (and not only in retracted entries), counting only
     * those cases' contacts, the most recently contacted first.
     */
    List<LobbiedOfficial> all(Predicate<String> caseFilter);
}
