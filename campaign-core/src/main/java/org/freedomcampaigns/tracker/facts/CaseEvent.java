package org.freedomcampaigns.tracker.facts;

import java.time.LocalDate;
import java.util.List;

import org.axonframework.serialization.Revision;

/**
 * Facts recorded on a case. Each carries the date it happened ({@link #occurredOn()}, null for a note, which happens
 * when it is written); the time it was recorded is the event message's timestamp. Payloads hold what the team
 * recorded and nothing secret. Each kind is listed in {@link FactKind}, which names it in the store.
 */
public sealed interface CaseEvent {
    CaseId caseId();

    /** The date the fact happened in the world, or null where the fact is the recording itself. */
    LocalDate occurredOn();

    @Revision("1")
    record CaseOpened(CaseId caseId, CampaignId campaignId, Person person, Sentence sentence, String offense,
                      LocalDate openedOn) implements CaseEvent {
        @Override
        public LocalDate occurredOn() {
            return openedOn;
        }
    }

    @Revision("1")
    record LetterReceived(CaseId caseId, LocalDate receivedOn, String from, String summary) implements CaseEvent {
        @Override
        public LocalDate occurredOn() {
            return receivedOn;
        }
    }

    @Revision("1")
    record PrisonVisitLogged(CaseId caseId, LocalDate visitedOn, String facility, List<String> visitors,
                             String notes) implements CaseEvent {
        @Override
        public LocalDate occurredOn() {
            return visitedOn;
        }
    }

    @Revision("1")
    record FamilyContacted(CaseId caseId, LocalDate contactedOn, String contact, String relationship, String notes)
            implements CaseEvent {
        @Override
        public LocalDate occurredOn() {
            return contactedOn;
        }
    }

    @Revision("1")
    record LegalConsultationLogged(CaseId caseId, LocalDate consultedOn, String counsel, String organization,
                                   String notes) implements CaseEvent {
        @Override
        public LocalDate occurredOn() {
            return consultedOn;
        }
    }

    @Revision("1")
    record OfficialLobbied(CaseId caseId, LocalDate lobbiedOn, Official official, LobbyChannel channel, String ask,
                           String response) implements CaseEvent {
        @Override
        public LocalDate occurredOn() {
            return lobbiedOn;
        }
    }

    @Revision("1")
    record PetitionFiled(CaseId caseId, String petitionId, LocalDate filedOn, PetitionKind kind, String authority)
            implements CaseEvent {
        @Override
        public LocalDate occurredOn() {
            return filedOn;
        }
    }

    @Revision("1")
    record ClemencyGranted(CaseId caseId, LocalDate grantedOn, String grantedBy, ClemencyKind kind, String terms)
            implements CaseEvent {
        @Override
        public LocalDate occurredOn() {
            return grantedOn;
        }
    }

    @Revision("1")
    record ClemencyDenied(CaseId caseId, LocalDate deniedOn, String deniedBy, String reason) implements CaseEvent {
        @Override
        public LocalDate occurredOn() {
            return deniedOn;
        }
    }

    @Revision("1")
    record PersonReleased(CaseId caseId, LocalDate releasedOn, ReleaseReason reason) implements CaseEvent {
        @Override
        public LocalDate occurredOn() {
            return releasedOn;
        }
    }

    @Revision("1")
    record NoteAdded(CaseId caseId, String text) implements CaseEvent {
        @Override
        public LocalDate occurredOn() {
            return null;
        }
    }

    @Revision("1")
    record CaseClosed(CaseId caseId, LocalDate closedOn, String reason) implements CaseEvent {
        @Override
        public LocalDate occurredOn() {
            return closedOn;
        }
    }

    /**
     * An entry was found wrong and is replaced: the event that follows this one (at {@code replacementSequence}) is
     * the corrected fact, of the same kind, and takes the place of the entry at {@code correctedSequence}.
     */
    /** {@code correctedKind} is the {@link FactKind#wireName()} of the entry corrected. */
    @Revision("1")
    record EntryCorrected(CaseId caseId, long correctedSequence, String correctedKind, String reason,
                          long replacementSequence) implements CaseEvent {
        @Override
        public LocalDate occurredOn() {
            return null;
        }
    }

    /** An entry was recorded by mistake and no longer counts; it stays in the history. */
    @Revision("1")
    record EntryRetracted(CaseId caseId, long retractedSequence, String retractedKind, String reason)
            implements CaseEvent {
        @Override
        public LocalDate occurredOn() {
            return null;
        }
    }
}
