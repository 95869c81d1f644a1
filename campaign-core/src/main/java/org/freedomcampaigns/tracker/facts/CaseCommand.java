package org.freedomcampaigns.tracker.facts;

import java.time.LocalDate;
import java.util.List;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Commands handled by the Case aggregate: open a case, then record one fact at a time. Each command carries the date
 * the fact happened; the time it was recorded is the event's timestamp. Shapes are checked here; rules that depend
 * on the case's state are checked by the aggregate.
 */
public sealed interface CaseCommand {
    CaseId caseId();

    /**
     * A command that records one fact of the case: it knows the event it records. The aggregate checks the rules
     * before it records it.
     */
    sealed interface FactCommand extends CaseCommand {
        /** The date the fact happened, or null for a fact that has none (a note). */
        LocalDate occurredOn();

        /** The event recording this fact. */
        CaseEvent fact();
    }

    record OpenCase(@TargetAggregateIdentifier CaseId caseId, CampaignId campaignId, Person person,
                    Sentence sentence, String offense, LocalDate openedOn) implements CaseCommand {
        public OpenCase {
            Checks.present(caseId, "caseId");
            Checks.present(campaignId, "campaignId");
            Checks.present(person, "person");
            Checks.present(sentence, "sentence");
            offense = Checks.required(offense, "offense", Limits.LINE);
            Checks.present(openedOn, "openedOn");
        }
    }

    record RecordLetter(@TargetAggregateIdentifier CaseId caseId, LocalDate receivedOn, String from, String summary)
            implements FactCommand {
        public RecordLetter {
            Checks.present(caseId, "caseId");
            Checks.present(receivedOn, "receivedOn");
            from = Checks.required(from, "from", Limits.NAME);
            summary = Checks.required(summary, "summary", Limits.TEXT);
        }

        @Override
        public LocalDate occurredOn() {
            return receivedOn;
        }

        @Override
        public CaseEvent fact() {
            return new CaseEvent.LetterReceived(caseId, receivedOn, from, summary);
        }
    }

    record LogPrisonVisit(@TargetAggregateIdentifier CaseId caseId, LocalDate visitedOn, String facility,
                          List<String> visitors, String notes) implements FactCommand {
        public LogPrisonVisit {
            Checks.present(caseId, "caseId");
            Checks.present(visitedOn, "visitedOn");
            facility = Checks.required(facility, "facility", Limits.NAME);
            visitors = Checks.names(visitors, "visitors", Limits.VISITORS, Limits.NAME);
            notes = Checks.optional(notes, "notes", Limits.TEXT);
        }

        @Override
        public LocalDate occurredOn() {
            return visitedOn;
        }

        @Override
        public CaseEvent fact() {
            return new CaseEvent.PrisonVisitLogged(caseId, visitedOn, facility, visitors, notes);
        }
    }

    record RecordFamilyContact(@TargetAggregateIdentifier CaseId caseId, LocalDate contactedOn, String contact,
                               String relationship, String notes) implements FactCommand {
        public RecordFamilyContact {
            Checks.present(caseId, "caseId");
            Checks.present(contactedOn, "contactedOn");
            contact = Checks.required(contact, "contact", Limits.NAME);
            relationship = Checks.required(relationship, "relationship", Limits.LABEL);
            notes = Checks.optional(notes, "notes", Limits.TEXT);
        }

        @Override
        public LocalDate occurredOn() {
            return contactedOn;
        }

        @Override
        public CaseEvent fact() {
            return new CaseEvent.FamilyContacted(caseId, contactedOn, contact, relationship, notes);
        }
    }

    record LogLegalConsultation(@TargetAggregateIdentifier CaseId caseId, LocalDate consultedOn, String counsel,
                                String organization, String notes) implements FactCommand {
        public LogLegalConsultation {
            Checks.present(caseId, "caseId");
            Checks.present(consultedOn, "consultedOn");
            counsel = Checks.required(counsel, "counsel", Limits.NAME);
            organization = Checks.optional(organization, "organization", Limits.NAME);
            notes = Checks.optional(notes, "notes", Limits.TEXT);
        }

        @Override
        public LocalDate occurredOn() {
            return consultedOn;
        }

        @Override
        public CaseEvent fact() {
            return new CaseEvent.LegalConsultationLogged(caseId, consultedOn, counsel, organization, notes);
        }
    }

    record RecordLobbying(@TargetAggregateIdentifier CaseId caseId, LocalDate lobbiedOn, Official official,
                          LobbyChannel channel, String ask, String response) implements FactCommand {
        public RecordLobbying {
            Checks.present(caseId, "caseId");
            Checks.present(lobbiedOn, "lobbiedOn");
            Checks.present(official, "official");
            Checks.present(channel, "channel");
            ask = Checks.required(ask, "ask", Limits.LINE);
            response = Checks.optional(response, "response", Limits.TEXT);
        }

        @Override
        public LocalDate occurredOn() {
            return lobbiedOn;
        }

        @Override
        public CaseEvent fact() {
            return new CaseEvent.OfficialLobbied(caseId, lobbiedOn, official, channel, ask, response);
        }
    }

    record FilePetition(@TargetAggregateIdentifier CaseId caseId, String petitionId, LocalDate filedOn,
                        PetitionKind kind, String authority) implements FactCommand {
        public FilePetition {
            Checks.present(caseId, "caseId");
            petitionId = Checks.required(petitionId, "petitionId", Limits.LABEL);
            Checks.present(filedOn, "filedOn");
            Checks.present(kind, "kind");
            authority = Checks.required(authority, "authority", Limits.NAME);
        }

        @Override
        public LocalDate occurredOn() {
            return filedOn;
        }

        @Override
        public CaseEvent fact() {
            return new CaseEvent.PetitionFiled(caseId, petitionId, filedOn, kind, authority);
        }
    }

    record RecordClemencyGrant(@TargetAggregateIdentifier CaseId caseId, LocalDate grantedOn, String grantedBy,
                               ClemencyKind kind, String terms) implements FactCommand {
        public RecordClemencyGrant {
            Checks.present(caseId, "caseId");
            Checks.present(grantedOn, "grantedOn");
            grantedBy = Checks.required(grantedBy, "grantedBy", Limits.NAME);
            Checks.present(kind, "kind");
            terms = Checks.optional(terms, "terms", Limits.TEXT);
        }

        @Override
        public LocalDate occurredOn() {
            return grantedOn;
        }

        @Override
        public CaseEvent fact() {
            return new CaseEvent.ClemencyGranted(caseId, grantedOn, grantedBy, kind, terms);
        }
    }

    record RecordClemencyDenial(@TargetAggregateIdentifier CaseId caseId, LocalDate deniedOn, String deniedBy,
                                String reason) implements FactCommand {
        public RecordClemencyDenial {
            Checks.present(caseId, "caseId");
            Checks.present(deniedOn, "deniedOn");
            deniedBy = Checks.required(deniedBy, "deniedBy", Limits.NAME);
            reason = Checks.optional(reason, "reason", Limits.TEXT);
        }

        @Override
        public LocalDate occurredOn() {
            return deniedOn;
        }

        @Override
        public CaseEvent fact() {
            return new CaseEvent.ClemencyDenied(caseId, deniedOn, deniedBy, reason);
        }
    }

    record RecordRelease(@TargetAggregateIdentifier CaseId caseId, LocalDate releasedOn, ReleaseReason reason)
            implements FactCommand {
        public RecordRelease {
            Checks.present(caseId, "caseId");
            Checks.present(releasedOn, "releasedOn");
            Checks.present(reason, "reason");
        }

        @Override
        public LocalDate occurredOn() {
            return releasedOn;
        }

        @Override
        public CaseEvent fact() {
            return new CaseEvent.PersonReleased(caseId, releasedOn, reason);
        }
    }

    record AddNote(@TargetAggregateIdentifier CaseId caseId, String text) implements FactCommand {
        public AddNote {
            Checks.present(caseId, "caseId");
            text = Checks.required(text, "text", Limits.TEXT);
        }

        @Override
        public LocalDate occurredOn() {
            return null;
        }

        @Override
        public CaseEvent fact() {
            return new CaseEvent.NoteAdded(caseId, text);
        }
    }

    record CloseCase(@TargetAggregateIdentifier CaseId caseId, LocalDate closedOn, String reason)
            implements FactCommand {
        public CloseCase {
            Checks.present(caseId, "caseId");
            Checks.present(closedOn, "closedOn");
            reason = Checks.required(reason, "reason", Limits.LINE);
        }

        @Override
        public LocalDate occurredOn() {
            return closedOn;
        }

        @Override
        public CaseEvent fact() {
            return new CaseEvent.CaseClosed(caseId, closedOn, reason);
        }
    }

    /**
     * Corrects an entry of the case with a replacement fact of the same kind, or retracts it when there is no
     * replacement. Nothing is edited: the original stays in the history, marked as corrected or retracted.
     */
    record CorrectEntry(@TargetAggregateIdentifier CaseId caseId, long sequence, String reason,
                        FactCommand replacement) implements CaseCommand {
        public CorrectEntry {
            Checks.present(caseId, "caseId");
            if (sequence < 0) {
                throw new InvalidInputException("sequence", "must not be negative");
            }
            reason = Checks.required(reason, "reason", Limits.LINE);
            if (replacement != null && !replacement.caseId().equals(caseId)) {
                throw new InvalidInputException("replacement", "must be a fact of the same case");
            }
        }
    }
}
