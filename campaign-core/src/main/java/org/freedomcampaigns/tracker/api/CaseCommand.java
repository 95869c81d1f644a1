package org.freedomcampaigns.tracker.api;

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
            implements CaseCommand {
        public RecordLetter {
            Checks.present(caseId, "caseId");
            Checks.present(receivedOn, "receivedOn");
            from = Checks.required(from, "from", Limits.NAME);
            summary = Checks.required(summary, "summary", Limits.TEXT);
        }
    }

    record LogPrisonVisit(@TargetAggregateIdentifier CaseId caseId, LocalDate visitedOn, String facility,
                          List<String> visitors, String notes) implements CaseCommand {
        public LogPrisonVisit {
            Checks.present(caseId, "caseId");
            Checks.present(visitedOn, "visitedOn");
            facility = Checks.required(facility, "facility", Limits.NAME);
            visitors = Checks.names(visitors, "visitors", Limits.VISITORS, Limits.NAME);
            notes = Checks.optional(notes, "notes", Limits.TEXT);
        }
    }

    record RecordFamilyContact(@TargetAggregateIdentifier CaseId caseId, LocalDate contactedOn, String contact,
                               String relationship, String notes) implements CaseCommand {
        public RecordFamilyContact {
            Checks.present(caseId, "caseId");
            Checks.present(contactedOn, "contactedOn");
            contact = Checks.required(contact, "contact", Limits.NAME);
            relationship = Checks.required(relationship, "relationship", Limits.LABEL);
            notes = Checks.optional(notes, "notes", Limits.TEXT);
        }
    }

    record LogLegalConsultation(@TargetAggregateIdentifier CaseId caseId, LocalDate consultedOn, String counsel,
                                String organization, String notes) implements CaseCommand {
        public LogLegalConsultation {
            Checks.present(caseId, "caseId");
            Checks.present(consultedOn, "consultedOn");
            counsel = Checks.required(counsel, "counsel", Limits.NAME);
            organization = Checks.optional(organization, "organization", Limits.NAME);
            notes = Checks.optional(notes, "notes", Limits.TEXT);
        }
    }

    record RecordLobbying(@TargetAggregateIdentifier CaseId caseId, LocalDate lobbiedOn, Official official,
                          LobbyChannel channel, String ask, String response) implements CaseCommand {
        public RecordLobbying {
            Checks.present(caseId, "caseId");
            Checks.present(lobbiedOn, "lobbiedOn");
            Checks.present(official, "official");
            Checks.present(channel, "channel");
            ask = Checks.required(ask, "ask", Limits.LINE);
            response = Checks.optional(response, "response", Limits.TEXT);
        }
    }

    record FilePetition(@TargetAggregateIdentifier CaseId caseId, String petitionId, LocalDate filedOn,
                        PetitionKind kind, String authority) implements CaseCommand {
        public FilePetition {
            Checks.present(caseId, "caseId");
            petitionId = Checks.required(petitionId, "petitionId", Limits.LABEL);
            Checks.present(filedOn, "filedOn");
            Checks.present(kind, "kind");
            authority = Checks.required(authority, "authority", Limits.NAME);
        }
    }

    record RecordClemencyGrant(@TargetAggregateIdentifier CaseId caseId, LocalDate grantedOn, String grantedBy,
                               ClemencyKind kind, String terms) implements CaseCommand {
        public RecordClemencyGrant {
            Checks.present(caseId, "caseId");
            Checks.present(grantedOn, "grantedOn");
            grantedBy = Checks.required(grantedBy, "grantedBy", Limits.NAME);
            Checks.present(kind, "kind");
            terms = Checks.optional(terms, "terms", Limits.TEXT);
        }
    }

    record RecordClemencyDenial(@TargetAggregateIdentifier CaseId caseId, LocalDate deniedOn, String deniedBy,
                                String reason) implements CaseCommand {
        public RecordClemencyDenial {
            Checks.present(caseId, "caseId");
            Checks.present(deniedOn, "deniedOn");
            deniedBy = Checks.required(deniedBy, "deniedBy", Limits.NAME);
            reason = Checks.optional(reason, "reason", Limits.TEXT);
        }
    }

    record RecordRelease(@TargetAggregateIdentifier CaseId caseId, LocalDate releasedOn, ReleaseReason reason)
            implements CaseCommand {
        public RecordRelease {
            Checks.present(caseId, "caseId");
            Checks.present(releasedOn, "releasedOn");
            Checks.present(reason, "reason");
        }
    }

    record AddNote(@TargetAggregateIdentifier CaseId caseId, String text) implements CaseCommand {
        public AddNote {
            Checks.present(caseId, "caseId");
            text = Checks.required(text, "text", Limits.TEXT);
        }
    }

    record CloseCase(@TargetAggregateIdentifier CaseId caseId, LocalDate closedOn, String reason)
            implements CaseCommand {
        public CloseCase {
            Checks.present(caseId, "caseId");
            Checks.present(closedOn, "closedOn");
            reason = Checks.required(reason, "reason", Limits.LINE);
        }
    }

    /**
     * Corrects an entry of the case with a replacement fact of the same kind, or retracts it when there is no
     * replacement. Nothing is edited: the original stays in the history, marked as corrected or retracted.
     */
    record CorrectEntry(@TargetAggregateIdentifier CaseId caseId, long sequence, String reason,
                        CaseCommand replacement) implements CaseCommand {
        public CorrectEntry {
            Checks.present(caseId, "caseId");
            if (sequence < 0) {
                throw new InvalidInputException("sequence", "must not be negative");
            }
            reason = Checks.required(reason, "reason", Limits.LINE);
            if (replacement != null && !replacement.caseId().equals(caseId)) {
                throw new InvalidInputException("replacement", "must be a fact of the same case");
            }
            if (replacement instanceof OpenCase || replacement instanceof CorrectEntry) {
                throw new InvalidInputException("replacement", "must be a recorded fact");
            }
        }
    }
}
