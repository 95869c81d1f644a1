package org.freedomcampaigns.tracker.casefile;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.axonframework.modelling.command.CreationPolicy;
import org.freedomcampaigns.tracker.api.CaseCommand.AddNote;
import org.freedomcampaigns.tracker.api.CaseCommand;
import org.freedomcampaigns.tracker.api.CaseCommand.CloseCase;
import org.freedomcampaigns.tracker.api.CaseCommand.CorrectEntry;
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
import org.freedomcampaigns.tracker.api.CaseEvent.EntryCorrected;
import org.freedomcampaigns.tracker.api.CaseEvent.EntryRetracted;
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
 *     ({@link OccurrenceDates});</li>
 *     <li>nothing is edited: an entry is corrected (by a replacement of the same kind) or retracted, once; the
 *     opening and corrections themselves are not; facts that moved the status are corrected, never retracted.</li>
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
    /** The kind of every entry, by sequence number. */
    private List<String> kinds = new ArrayList<>();
    /** Entries corrected or retracted. */
    private Set<Long> corrected = new HashSet<>();
    /** True between an {@link EntryCorrected} and its replacement. */
    private boolean replacing;

    private static final Set<String> RETRACTABLE = Set.of(
            LetterReceived.class.getSimpleName(), PrisonVisitLogged.class.getSimpleName(),
            FamilyContacted.class.getSimpleName(), LegalConsultationLogged.class.getSimpleName(),
            OfficialLobbied.class.getSimpleName(), NoteAdded.class.getSimpleName());

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
        return recordFact(command, clock);
    }

    @CommandHandler
    public FactRecorded handle(LogPrisonVisit command, Clock clock) {
        return recordFact(command, clock);
    }

    @CommandHandler
    public FactRecorded handle(RecordFamilyContact command, Clock clock) {
        return recordFact(command, clock);
    }

    @CommandHandler
    public FactRecorded handle(LogLegalConsultation command, Clock clock) {
        return recordFact(command, clock);
    }

    @CommandHandler
    public FactRecorded handle(RecordLobbying command, Clock clock) {
        return recordFact(command, clock);
    }

    @CommandHandler
    public FactRecorded handle(FilePetition command, Clock clock) {
        return recordFact(command, clock);
    }

    @CommandHandler
    public FactRecorded handle(RecordClemencyGrant command, Clock clock) {
        checkOpen();
        CaseEvent granted = factFor(command, clock);
        if (clemencyGranted) {
            throw new RuleViolationException(RuleViolation.CLEMENCY_ALREADY_GRANTED,
                                             "clemency was already granted on this case");
        }
        if (released) {
            throw new RuleViolationException(RuleViolation.CLEMENCY_AFTER_RELEASE,
                                             "clemency cannot be granted after the person was released");
        }
        return record(granted);
    }

    @CommandHandler
    public FactRecorded handle(RecordClemencyDenial command, Clock clock) {
        return recordFact(command, clock);
    }

    @CommandHandler
    public FactRecorded handle(RecordRelease command, Clock clock) {
        checkOpen();
        CaseEvent releasedEvent = factFor(command, clock);
        if (released) {
            throw new RuleViolationException(RuleViolation.PERSON_ALREADY_RELEASED,
                                             "the person was already released");
        }
        return record(releasedEvent);
    }

    @CommandHandler
    public FactRecorded handle(AddNote command, Clock clock) {
        return recordFact(command, clock);
    }

    @CommandHandler
    public FactRecorded handle(CloseCase command, Clock clock) {
        return recordFact(command, clock);
    }

    /**
     * Corrects an entry with a replacement of the same kind ({@link EntryCorrected}, then the replacement), or
     * retracts it ({@link EntryRetracted}). The replacement takes the entry's place: its date is checked like any
     * fact's, but it moves neither the status nor the once-only rules (correcting the date of a grant is not a
     * second grant). Answers the sequence number of the last event recorded.
     */
    @CommandHandler
    public FactRecorded handle(CorrectEntry command, Clock clock) {
        checkOpen();
        long sequence = command.sequence();
        if (sequence >= kinds.size()) {
            throw new RuleViolationException(RuleViolation.UNKNOWN_ENTRY, "the case has no entry " + sequence);
        }
        String kind = kinds.get((int) sequence);
        if (sequence == 0 || kind.equals(EntryCorrected.class.getSimpleName())
                || kind.equals(EntryRetracted.class.getSimpleName())) {
            throw new RuleViolationException(RuleViolation.ENTRY_NOT_CORRECTABLE,
                                             "entry " + sequence + " (" + kind + ") cannot be corrected");
        }
        if (corrected.contains(sequence)) {
            throw new RuleViolationException(RuleViolation.ENTRY_ALREADY_CORRECTED,
                                             "entry " + sequence + " was already corrected or retracted");
        }
        if (command.replacement() == null) {
            if (!RETRACTABLE.contains(kind)) {
                throw new RuleViolationException(RuleViolation.ENTRY_NOT_RETRACTABLE, "a " + kind
                        + " moved the case's status: correct it with a replacement instead of retracting it");
            }
            return record(new EntryRetracted(caseId, sequence, kind, command.reason()));
        }
        CaseEvent replacement = factFor(command.replacement(), clock);
        if (!CaseEvent.kindOf(replacement).equals(kind)) {
            throw new RuleViolationException(RuleViolation.REPLACEMENT_OF_ANOTHER_KIND,
                                             "entry " + sequence + " is a " + kind + ", not a "
                                                     + CaseEvent.kindOf(replacement));
        }
        long replacementSequence = AggregateLifecycle.getVersion() + 2;
        apply(new EntryCorrected(caseId, sequence, kind, command.reason(), replacementSequence));
        return record(replacement);
    }

    private FactRecorded recordFact(CaseCommand command, Clock clock) {
        checkOpen();
        return record(factFor(command, clock));
    }

    /** The event a fact command records, once its date passed {@link OccurrenceDates}. */
    private CaseEvent factFor(CaseCommand command, Clock clock) {
        if (command instanceof RecordLetter c) {
            checkDate(c.receivedOn(), "receivedOn", clock);
            return new LetterReceived(caseId, c.receivedOn(), c.from(), c.summary());
        }
        if (command instanceof LogPrisonVisit c) {
            checkDate(c.visitedOn(), "visitedOn", clock);
            return new PrisonVisitLogged(caseId, c.visitedOn(), c.facility(), c.visitors(), c.notes());
        }
        if (command instanceof RecordFamilyContact c) {
            checkDate(c.contactedOn(), "contactedOn", clock);
            return new FamilyContacted(caseId, c.contactedOn(), c.contact(), c.relationship(), c.notes());
        }
        if (command instanceof LogLegalConsultation c) {
            checkDate(c.consultedOn(), "consultedOn", clock);
            return new LegalConsultationLogged(caseId, c.consultedOn(), c.counsel(), c.organization(), c.notes());
        }
        if (command instanceof RecordLobbying c) {
            checkDate(c.lobbiedOn(), "lobbiedOn", clock);
            return new OfficialLobbied(caseId, c.lobbiedOn(), c.official(), c.channel(), c.ask(), c.response());
        }
        if (command instanceof FilePetition c) {
            checkDate(c.filedOn(), "filedOn", clock);
            return new PetitionFiled(caseId, c.petitionId(), c.filedOn(), c.kind(), c.authority());
        }
        if (command instanceof RecordClemencyGrant c) {
            checkDate(c.grantedOn(), "grantedOn", clock);
            return new ClemencyGranted(caseId, c.grantedOn(), c.grantedBy(), c.kind(), c.terms());
        }
        if (command instanceof RecordClemencyDenial c) {
            checkDate(c.deniedOn(), "deniedOn", clock);
            return new ClemencyDenied(caseId, c.deniedOn(), c.deniedBy(), c.reason());
        }
        if (command instanceof RecordRelease c) {
            checkDate(c.releasedOn(), "releasedOn", clock);
            return new PersonReleased(caseId, c.releasedOn(), c.reason());
        }
        if (command instanceof AddNote c) {
            return new NoteAdded(caseId, c.text());
        }
        if (command instanceof CloseCase c) {
            checkDate(c.closedOn(), "closedOn", clock);
            return new CaseClosed(caseId, c.closedOn(), c.reason());
        }
        throw new IllegalArgumentException("not a fact: " + command.getClass().getSimpleName());
    }

    private void checkDate(LocalDate occurredOn, String field, Clock clock) {
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
    void on(CaseEvent event) {
        kinds.add(CaseEvent.kindOf(event));
        if (event instanceof CaseOpened opened) {
            this.caseId = opened.caseId();
            this.sentenceImposedOn = opened.sentence().imposedOn();
            this.status = CaseStatus.OPEN;
            return;
        }
        if (event instanceof EntryCorrected correction) {
            corrected.add(correction.correctedSequence());
            replacing = true;
            return;
        }
        if (event instanceof EntryRetracted retraction) {
            corrected.add(retraction.retractedSequence());
            return;
        }
        if (replacing) {
            // the replacement of a corrected entry takes its place: no new status, no new once-only fact
            replacing = false;
            return;
        }
        if (event instanceof ClemencyGranted) {
            this.clemencyGranted = true;
        } else if (event instanceof PersonReleased) {
            this.released = true;
        }
        this.status = status.after(event);
    }
}
