package org.freedomcampaigns.tracker.casefile;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.Clock;
import java.time.LocalDate;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.axonframework.modelling.command.CreationPolicy;
import org.freedomcampaigns.tracker.api.CaseCommand.AddNote;
import org.freedomcampaigns.tracker.api.CaseCommand.CloseCase;
import org.freedomcampaigns.tracker.api.CaseCommand.FilePetition;
import org.freedomcampaigns.tracker.api.CaseCommand.LogLegalConsultation;
import org.freedomcampaigns.tracker.api.CaseCommand.LogPrisonVisit;
import org.freedomcampaigns.tracker.api.CaseCommand.OpenCase;
import org.freedomcampaigns.tracker.api.CaseCommand.RecordClemencyDenial;
import org.freedomcampaigns.tracker.api.CaseCommand.RecordClemencyGrant;
import org.freedomcampaigns.tracker.api.CaseCommand.RecordFamilyContact;
import org.freedomcampaigns.tracker.api.CaseCommand.RecordLetter;
import org.freedomcampaigns.tracker.api.CaseCommand.RecordLobbying;
import org.freedomcampaigns.tracker.api.CaseCommand.RecordRelease;
import org.freedomcampaigns.tracker.api.CaseEvent;
import org.freedomcampaigns.tracker.api.CaseEvent.CaseClosed;
import org.freedomcampaigns.tracker.api.CaseEvent.CaseOpened;
import org.freedomcampaigns.tracker.api.CaseEvent.ClemencyDenied;
import org.freedomcampaigns.tracker.api.CaseEvent.ClemencyGranted;
import org.freedomcampaigns.tracker.api.CaseEvent.FamilyContacted;
import org.freedomcampaigns.tracker.api.CaseEvent.LegalConsultationLogged;
import org.freedomcampaigns.tracker.api.CaseEvent.LetterReceived;
import org.freedomcampaigns.tracker.api.CaseEvent.NoteAdded;
import org.freedomcampaigns.tracker.api.CaseEvent.OfficialLobbied;
import org.freedomcampaigns.tracker.api.CaseEvent.PersonReleased;
import org.freedomcampaigns.tracker.api.CaseEvent.PetitionFiled;
import org.freedomcampaigns.tracker.api.CaseEvent.PrisonVisitLogged;
import org.freedomcampaigns.tracker.api.CaseId;
import org.freedomcampaigns.tracker.api.CaseStatus;
import org.freedomcampaigns.tracker.api.FactRecorded;
import org.freedomcampaigns.tracker.api.RuleViolation;
import org.freedomcampaigns.tracker.api.RuleViolationException;

/**
 * The case file of one incarcerated person: every fact the team records about them.
 *
 * <p>Invariants:
 * <ul>
 *     <li>a case is opened once, in a campaign that exists;</li>
 *     <li>nothing is recorded on a closed case;</li>
 *     <li>clemency is granted at most once, and never after the person was released;</li>
 *     <li>a person is released at most once;</li>
 *     <li>no fact happened in the future, nor before the sentence was imposed where that date is known
 *     ({@link OccurrenceDates}).</li>
 * </ul>
 * The status follows {@link CaseStatus#after(CaseEvent)}. Every command answers {@link FactRecorded} with the
 * sequence number of the event it recorded.
 */
public class Case {
    @AggregateIdentifier
    private CaseId caseId;
    private CaseStatus status;
    private LocalDate sentenceImposedOn;
    private boolean clemencyGranted;
    private boolean released;

    protected Case() {
        // for event sourcing
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public FactRecorded handle(OpenCase command, CampaignDirectory campaigns, Clock clock) {
        if (caseId != null) {
            throw new RuleViolationException(RuleViolation.CASE_ALREADY_EXISTS, "case " + caseId + " exists already");
        }
        if (command.sentence().imposedOn() != null) {
            OccurrenceDates.check(command.sentence().imposedOn(), "sentence.imposedOn", null, clock);
        }
        OccurrenceDates.check(command.openedOn(), "openedOn", command.sentence().imposedOn(), clock);
        if (!campaigns.exists(command.campaignId())) {
            throw new RuleViolationException(RuleViolation.UNKNOWN_CAMPAIGN,
                                             "campaign " + command.campaignId() + " does not exist");
        }
        return record(new CaseOpened(command.caseId(), command.campaignId(), command.person(), command.sentence(),
                                     command.offense(), command.openedOn()));
    }

    @CommandHandler
    public FactRecorded handle(RecordLetter command, Clock clock) {
        checkRecordable(command.receivedOn(), "receivedOn", clock);
        return record(new LetterReceived(caseId, command.receivedOn(), command.from(), command.summary()));
    }

    @CommandHandler
    public FactRecorded handle(LogPrisonVisit command, Clock clock) {
        checkRecordable(command.visitedOn(), "visitedOn", clock);
        return record(new PrisonVisitLogged(caseId, command.visitedOn(), command.facility(), command.visitors(),
                                            command.notes()));
    }

    @CommandHandler
    public FactRecorded handle(RecordFamilyContact command, Clock clock) {
        checkRecordable(command.contactedOn(), "contactedOn", clock);
        return record(new FamilyContacted(caseId, command.contactedOn(), command.contact(), command.relationship(),
                                          command.notes()));
    }

    @CommandHandler
    public FactRecorded handle(LogLegalConsultation command, Clock clock) {
        checkRecordable(command.consultedOn(), "consultedOn", clock);
        return record(new LegalConsultationLogged(caseId, command.consultedOn(), command.counsel(),
                                                  command.organization(), command.notes()));
    }

    @CommandHandler
    public FactRecorded handle(RecordLobbying command, Clock clock) {
        checkRecordable(command.lobbiedOn(), "lobbiedOn", clock);
        return record(new OfficialLobbied(caseId, command.lobbiedOn(), command.official(), command.channel(),
                                          command.ask(), command.response()));
    }

    @CommandHandler
    public FactRecorded handle(FilePetition command, Clock clock) {
        checkRecordable(command.filedOn(), "filedOn", clock);
        return record(new PetitionFiled(caseId, command.petitionId(), command.filedOn(), command.kind(),
                                        command.authority()));
    }

    @CommandHandler
    public FactRecorded handle(RecordClemencyGrant command, Clock clock) {
        checkRecordable(command.grantedOn(), "grantedOn", clock);
        if (clemencyGranted) {
            throw new RuleViolationException(RuleViolation.CLEMENCY_ALREADY_GRANTED,
                                             "clemency was already granted on this case");
        }
        if (released) {
            throw new RuleViolationException(RuleViolation.CLEMENCY_AFTER_RELEASE,
                                             "clemency cannot be granted after the person was released");
        }
        return record(new ClemencyGranted(caseId, command.grantedOn(), command.grantedBy(), command.kind(),
                                          command.terms()));
    }

    @CommandHandler
    public FactRecorded handle(RecordClemencyDenial command, Clock clock) {
        checkRecordable(command.deniedOn(), "deniedOn", clock);
        return record(new ClemencyDenied(caseId, command.deniedOn(), command.deniedBy(), command.reason()));
    }

    @CommandHandler
    public FactRecorded handle(RecordRelease command, Clock clock) {
        checkRecordable(command.releasedOn(), "releasedOn", clock);
        if (released) {
            throw new RuleViolationException(RuleViolation.PERSON_ALREADY_RELEASED,
                                             "the person was already released");
        }
        return record(new PersonReleased(caseId, command.releasedOn(), command.reason()));
    }

    @CommandHandler
    public FactRecorded handle(AddNote command) {
        checkOpen();
        return record(new NoteAdded(caseId, command.text()));
    }

    @CommandHandler
    public FactRecorded handle(CloseCase command, Clock clock) {
        checkRecordable(command.closedOn(), "closedOn", clock);
        return record(new CaseClosed(caseId, command.closedOn(), command.reason()));
    }

    private void checkRecordable(LocalDate occurredOn, String field, Clock clock) {
        checkOpen();
        OccurrenceDates.check(occurredOn, field, sentenceImposedOn, clock);
    }

    private void checkOpen() {
        if (status == CaseStatus.CLOSED) {
            throw new RuleViolationException(RuleViolation.CASE_CLOSED, "the case is closed; nothing more is recorded");
        }
    }

    private FactRecorded record(CaseEvent event) {
        apply(event);
        return new FactRecorded(event.caseId(), AggregateLifecycle.getVersion());
    }

    @EventSourcingHandler
    void on(CaseOpened event) {
        this.caseId = event.caseId();
        this.sentenceImposedOn = event.sentence().imposedOn();
        this.status = CaseStatus.OPEN;
    }

    @EventSourcingHandler
    void on(ClemencyGranted event) {
        this.clemencyGranted = true;
        this.status = status.after(event);
    }

    @EventSourcingHandler
    void on(PersonReleased event) {
        this.released = true;
        this.status = status.after(event);
    }

    @EventSourcingHandler
    void on(PetitionFiled event) {
        this.status = status.after(event);
    }

    @EventSourcingHandler
    void on(ClemencyDenied event) {
        this.status = status.after(event);
    }

    @EventSourcingHandler
    void on(CaseClosed event) {
        this.status = status.after(event);
    }
}
