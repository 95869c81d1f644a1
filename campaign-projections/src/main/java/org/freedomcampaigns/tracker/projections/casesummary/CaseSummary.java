package org.freedomcampaigns.tracker.projections.casesummary;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.freedomcampaigns.tracker.facts.CaseStatus;
import org.freedomcampaigns.tracker.facts.ClemencyKind;
import org.freedomcampaigns.tracker.facts.PetitionKind;
import org.freedomcampaigns.tracker.facts.Person;
import org.freedomcampaigns.tracker.facts.ReleaseReason;
import org.freedomcampaigns.tracker.facts.Sentence;

/**
 * A case as its summary shows it: where it stands, the person and the sentence, how many facts of each kind stand
 * recorded ({@code counts}, by the catalogue's counter names), the petitions, the clemency granted, the last
 * denial, the release and the closure, the date of the last activity, when it was last recorded and {@code version},
 * the sequence number of the last event applied. Exactly what a client sees: nothing else is in it.
 */
public record CaseSummary(String id, String campaignId, CaseStatus status, Person person, Sentence sentence,
                          String offense, LocalDate openedOn, Map<String, Integer> counts, List<Petition> petitions,
                          Clemency clemency, Denial lastDenial, Release release, Closure closure,
                          LocalDate lastActivityOn, String lastRecordedAt, long version) {

    public record Petition(String petitionId, LocalDate filedOn, PetitionKind kind, String authority) {
    }

    public record Clemency(LocalDate grantedOn, String grantedBy, ClemencyKind kind, String terms) {
    }

    public record Denial(LocalDate deniedOn, String deniedBy, String reason) {
    }

    public record Release(LocalDate releasedOn, ReleaseReason reason) {
    }

    public record Closure(LocalDate closedOn, String reason) {
    }
}
