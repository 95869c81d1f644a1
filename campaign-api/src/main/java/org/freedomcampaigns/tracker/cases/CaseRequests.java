package org.freedomcampaigns.tracker.cases;

import static org.freedomcampaigns.tracker.facts.Limits.LABEL;
import static org.freedomcampaigns.tracker.facts.Limits.LINE;
import static org.freedomcampaigns.tracker.facts.Limits.NAME;
import static org.freedomcampaigns.tracker.facts.Limits.TEXT;
import static org.freedomcampaigns.tracker.facts.Limits.VISITORS;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

import org.freedomcampaigns.tracker.facts.CampaignId;
import org.freedomcampaigns.tracker.facts.CaseCommand;
import org.freedomcampaigns.tracker.facts.CaseCommand.FactCommand;
import org.freedomcampaigns.tracker.facts.CaseId;
import org.freedomcampaigns.tracker.facts.ClemencyKind;
import org.freedomcampaigns.tracker.facts.FactKind;
import org.freedomcampaigns.tracker.facts.LobbyChannel;
import org.freedomcampaigns.tracker.facts.Official;
import org.freedomcampaigns.tracker.facts.Person;
import org.freedomcampaigns.tracker.facts.PetitionKind;
import org.freedomcampaigns.tracker.facts.ReleaseReason;
import org.freedomcampaigns.tracker.facts.Sentence;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * Request bodies of the case endpoints. Each names the event's content; the shape is checked here so that every bad
 * field is reported at once, and again by the command's own constructor.
 */
final class CaseRequests {
    private CaseRequests() {
    }

    /** The body of a fact: it becomes the command that records the fact on a case. */
    interface FactRequest {
        /**
         * @param newId a fresh identifier, for facts that need one of their own (a petition)
         */
        FactCommand toCommand(CaseId caseId, Supplier<String> newId);
    }

    /**
     * The body each kind of fact is recorded with, at {@code POST /api/cases/{id}/<segment>} and as a replacement in
     * corrections; empty for the kinds that are not recorded with a body of their own.
     */
    static Optional<Class<? extends FactRequest>> requestFor(FactKind kind) {
        return Optional.ofNullable(switch (kind) {
            case LETTER -> LetterRequest.class;
            case VISIT -> VisitRequest.class;
            case FAMILY_CONTACT -> FamilyContactRequest.class;
            case LEGAL_CONSULTATION -> LegalConsultationRequest.class;
            case LOBBYING -> LobbyingRequest.class;
            case PETITION -> PetitionRequest.class;
            case CLEMENCY_GRANT -> ClemencyRequest.class;
            case CLEMENCY_DENIAL -> DenialRequest.class;
            case RELEASE -> ReleaseRequest.class;
            case NOTE -> NoteRequest.class;
            case CLOSING -> CloseRequest.class;
            case OPENED, CORRECTION, RETRACTION -> null;
        });
    }

    record PersonBody(@NotBlank @Size(max = NAME) String name,
                      @Size(max = LABEL) String inmateNumber,
                      @NotBlank @Size(max = NAME) String facility,
                      @NotBlank @Size(max = LABEL) String jurisdiction) {
        Person toPerson() {
            return new Person(name, inmateNumber, facility, jurisdiction);
        }
    }

    record SentenceBody(@NotBlank @Size(max = LINE) String description,
                        @NotNull Boolean lifeSentence,
                        LocalDate imposedOn) {
        Sentence toSentence() {
            return new Sentence(description, lifeSentence, imposedOn);
        }
    }

    record OpenCaseRequest(@NotBlank @Size(max = LABEL) String campaignId,
                           @NotNull @Valid PersonBody person,
                           @NotNull @Valid SentenceBody sentence,
                           @NotBlank @Size(max = LINE) String offense,
                           @NotNull LocalDate openedOn) {
        CaseCommand.OpenCase toCommand(CaseId caseId) {
            return new CaseCommand.OpenCase(caseId, new CampaignId(campaignId), person.toPerson(),
                                            sentence.toSentence(), offense, openedOn);
        }
    }

    record LetterRequest(@NotNull LocalDate receivedOn,
                         @NotBlank @Size(max = NAME) String from,
                         @NotBlank @Size(max = TEXT) String summary) implements FactRequest {
        @Override
        public FactCommand toCommand(CaseId caseId, Supplier<String> newId) {
            return new CaseCommand.RecordLetter(caseId, receivedOn, from, summary);
        }
    }

    record VisitRequest(@NotNull LocalDate visitedOn,
                        @NotBlank @Size(max = NAME) String facility,
                        @Size(max = VISITORS) List<@NotBlank @Size(max = NAME) String> visitors,
                        @Size(max = TEXT) String notes) implements FactRequest {
        @Override
        public FactCommand toCommand(CaseId caseId, Supplier<String> newId) {
            return new CaseCommand.LogPrisonVisit(caseId, visitedOn, facility, visitors, notes);
        }
    }

    record FamilyContactRequest(@NotNull LocalDate contactedOn,
                                @NotBlank @Size(max = NAME) String contact,
                                @NotBlank @Size(max = LABEL) String relationship,
                                @Size(max = TEXT) String notes) implements FactRequest {
        @Override
        public FactCommand toCommand(CaseId caseId, Supplier<String> newId) {
            return new CaseCommand.RecordFamilyContact(caseId, contactedOn, contact, relationship, notes);
        }
    }

    record LegalConsultationRequest(@NotNull LocalDate consultedOn,
                                    @NotBlank @Size(max = NAME) String counsel,
                                    @Size(max = NAME) String organization,
                                    @Size(max = TEXT) String notes) implements FactRequest {
        @Override
        public FactCommand toCommand(CaseId caseId, Supplier<String> newId) {
            return new CaseCommand.LogLegalConsultation(caseId, consultedOn, counsel, organization, notes);
        }
    }

    record OfficialBody(@NotBlank @Size(max = NAME) String name,
                        @NotBlank @Size(max = NAME) String office,
                        @NotBlank @Size(max = LABEL) String jurisdiction) {
        Official toOfficial() {
            return new Official(name, office, jurisdiction);
        }
    }

    record LobbyingRequest(@NotNull LocalDate lobbiedOn,
                           @NotNull @Valid OfficialBody official,
                           @NotNull LobbyChannel channel,
                           @NotBlank @Size(max = LINE) String ask,
                           @Size(max = TEXT) String response) implements FactRequest {
        @Override
        public FactCommand toCommand(CaseId caseId, Supplier<String> newId) {
            return new CaseCommand.RecordLobbying(caseId, lobbiedOn, official.toOfficial(), channel, ask, response);
        }
    }

    record PetitionRequest(@NotNull LocalDate filedOn,
                           @NotNull PetitionKind kind,
                           @NotBlank @Size(max = NAME) String authority) implements FactRequest {
        @Override
        public FactCommand toCommand(CaseId caseId, Supplier<String> newId) {
            return new CaseCommand.FilePetition(caseId, newId.get(), filedOn, kind, authority);
        }
    }

    record ClemencyRequest(@NotNull LocalDate grantedOn,
                           @NotBlank @Size(max = NAME) String grantedBy,
                           @NotNull ClemencyKind kind,
                           @Size(max = TEXT) String terms) implements FactRequest {
        @Override
        public FactCommand toCommand(CaseId caseId, Supplier<String> newId) {
            return new CaseCommand.RecordClemencyGrant(caseId, grantedOn, grantedBy, kind, terms);
        }
    }

    record DenialRequest(@NotNull LocalDate deniedOn,
                         @NotBlank @Size(max = NAME) String deniedBy,
                         @Size(max = TEXT) String reason) implements FactRequest {
        @Override
        public FactCommand toCommand(CaseId caseId, Supplier<String> newId) {
            return new CaseCommand.RecordClemencyDenial(caseId, deniedOn, deniedBy, reason);
        }
    }

    record ReleaseRequest(@NotNull LocalDate releasedOn, @NotNull ReleaseReason reason) implements FactRequest {
        @Override
        public FactCommand toCommand(CaseId caseId, Supplier<String> newId) {
            return new CaseCommand.RecordRelease(caseId, releasedOn, reason);
        }
    }

    record NoteRequest(@NotBlank @Size(max = TEXT) String text) implements FactRequest {
        @Override
        public FactCommand toCommand(CaseId caseId, Supplier<String> newId) {
            return new CaseCommand.AddNote(caseId, text);
        }
    }

    record CloseRequest(@NotNull LocalDate closedOn, @NotBlank @Size(max = LINE) String reason) implements FactRequest {
        @Override
        public FactCommand toCommand(CaseId caseId, Supplier<String> newId) {
            return new CaseCommand.CloseCase(caseId, closedOn, reason);
        }
    }
}
