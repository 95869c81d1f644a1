package org.freedomcampaigns.tracker.casefile;

import static org.freedomcampaigns.tracker.api.Limits.LABEL;
import static org.freedomcampaigns.tracker.api.Limits.LINE;
import static org.freedomcampaigns.tracker.api.Limits.NAME;
import static org.freedomcampaigns.tracker.api.Limits.TEXT;
import static org.freedomcampaigns.tracker.api.Limits.VISITORS;

import java.time.LocalDate;
import java.util.List;

import org.freedomcampaigns.tracker.api.CampaignId;
import org.freedomcampaigns.tracker.api.CaseCommand;
import org.freedomcampaigns.tracker.api.CaseId;
import org.freedomcampaigns.tracker.api.ClemencyKind;
import org.freedomcampaigns.tracker.api.LobbyChannel;
import org.freedomcampaigns.tracker.api.Official;
import org.freedomcampaigns.tracker.api.Person;
import org.freedomcampaigns.tracker.api.PetitionKind;
import org.freedomcampaigns.tracker.api.ReleaseReason;
import org.freedomcampaigns.tracker.api.Sentence;

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
                         @NotBlank @Size(max = TEXT) String summary) {
    }

    record VisitRequest(@NotNull LocalDate visitedOn,
                        @NotBlank @Size(max = NAME) String facility,
                        @Size(max = VISITORS) List<@NotBlank @Size(max = NAME) String> visitors,
                        @Size(max = TEXT) String notes) {
    }

    record FamilyContactRequest(@NotNull LocalDate contactedOn,
                                @NotBlank @Size(max = NAME) String contact,
                                @NotBlank @Size(max = LABEL) String relationship,
                                @Size(max = TEXT) String notes) {
    }

    record LegalConsultationRequest(@NotNull LocalDate consultedOn,
                                    @NotBlank @Size(max = NAME) String counsel,
                                    @Size(max = NAME) String organization,
                                    @Size(max = TEXT) String notes) {
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
                           @Size(max = TEXT) String response) {
    }

    record PetitionRequest(@NotNull LocalDate filedOn,
                           @NotNull PetitionKind kind,
                           @NotBlank @Size(max = NAME) String authority) {
    }

    record ClemencyRequest(@NotNull LocalDate grantedOn,
                           @NotBlank @Size(max = NAME) String grantedBy,
                           @NotNull ClemencyKind kind,
                           @Size(max = TEXT) String terms) {
    }

    record DenialRequest(@NotNull LocalDate deniedOn,
                         @NotBlank @Size(max = NAME) String deniedBy,
                         @Size(max = TEXT) String reason) {
    }

    record ReleaseRequest(@NotNull LocalDate releasedOn, @NotNull ReleaseReason reason) {
    }

    record NoteRequest(@NotBlank @Size(max = TEXT) String text) {
    }

    record CloseRequest(@NotNull LocalDate closedOn, @NotBlank @Size(max = LINE) String reason) {
    }
}
