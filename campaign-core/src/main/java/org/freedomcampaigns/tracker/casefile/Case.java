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
import org.axonframework.modelling.command.AggregateRoot;
import org.axonframework.modelling.command.CreationPolicy;
import org.freedomcampaigns.tracker.facts.CaseCommand.AddNote;
import org.freedomcampaigns.tracker.facts.CaseCommand.CloseCase;
import org.freedomcampaigns.tracker.facts.CaseCommand.CorrectEntry;
import org.freedomcampaigns.tracker.facts.CaseCommand.FactCommand;
import org.freedomcampaigns.tracker.facts.CaseCommand.FilePetition;
import org.freedomcampaigns.tracker.facts.CaseCommand.LogLegalConsultation;
import org.freedomcampaigns.tracker.facts.CaseCommand.LogPrisonVisit;
import org.freedomcampaigns.tracker.facts.CaseCommand.OpenCase;
import org.freedomcampaigns.tracker.facts.CaseCommand.RecordClemencyDenial;
import org.freedomcampaigns.tracker.facts.CaseCommand.RecordClemencyGrant;
import org.freedomcampaigns.tracker.facts.CaseCommand.RecordFamilyContact;
import org.freedomcampaigns.tracker.facts.CaseCommand.RecordLetter;
import org.freedomcampaigns.tracker.facts.CaseCommand.RecordLobbying;
import org.freedomcampaigns.tracker.facts.CaseCommand.RecordRelease;
import org.freedomcampaigns.tracker.facts.CaseEvent;
import org.freedomcampaigns.tracker.facts.CaseEvent.CaseOpened;
import org.freedomcampaigns.tracker.facts.CaseEvent.EntryCorrected;
import org.freedomcampaigns.tracker.facts.CaseEvent.EntryRetracted;
import org.freedomcampaigns.tracker.facts.CaseId;
import org.freedomcampaigns.tracker.facts.CaseStatus;
import org.freedomcampaigns.tracker.facts.Corrections;
import org.freedomcampaigns.tracker.facts.Corrections.Counted;
import org.freedomcampaigns.tracker.facts.Corrections.Effect;
import org.freedomcampaigns.tracker.facts.Corrections.Withdrawn;
import org.freedomcampaigns.tracker.facts.FactKind;
import org.freedomcampaigns.tracker.facts.FactRecorded;
import org.freedomcampaigns.tracker.facts.RuleViolation;
import org.freedomcampaigns.tracker.facts.RuleViolationException;
import org.freedomcampaigns.tracker.facts.StoredNames;

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
 *     <li>nothing is edited: an entry is corrected (by a replacement of the same kind) or retracted, once, as
 *     its {@link FactKind} allows: the opening and corrections themselves are not; facts that moved the status are
 *     corrected, never retracted ({@link Corrections} says what each does).</li>
 * </ul>
 * The status follows {@link CaseStatus#after(CaseEvent)}. Every command answers {@link FactRecorded} with the
 * sequence number of the event it recorded.
 *
 * <p>The fields are also the snapshot's shape: {@code kinds} holds wire names, as snapshots of earlier releases do.
 */
@AggregateRoot(type = StoredNames.CASE)
public class Case {
    @AggregateIdentifier
    private CaseId caseId;
    private CaseStatus status;
    private LocalDate sentenceImposedOn;
    private boolean clemencyGranted;
    private boolean released;
    /** The {@link FactKind#wireName()} of every entry, by sequence number. */
    private List<String> kinds = new ArrayList<>();
    /** Entries corrected or retracted. */
    private Set<Long> corrected = new HashSet<>();
    /** True between an {@link EntryCorrected} and its replacement ({@link Corrections#replacingAfter}). */
    private boolean replacing;

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
        FactKind kind = FactKind.byWireName(kinds.get((int) sequence)).orElseThrow();
        if (!kind.correctable()) {
            throw new RuleViolationException(RuleViolation.ENTRY_NOT_CORRECTABLE,
                                             "entry " + sequence + " (" + kind.wireName() + ") cannot be corrected");
        }
        if (corrected.contains(sequence)) {
            throw new RuleViolationException(RuleViolation.ENTRY_ALREADY_CORRECTED,
                                             "entry " + sequence + " was already corrected or retracted");
        }
        if (command.replacement() == null) {
            if (!kind.retractable()) {
                throw new RuleViolationException(RuleViolation.ENTRY_NOT_RETRACTABLE, "a " + kind.wireName()
                        + " moved the case's status: correct it with a replacement instead of retracting it");
            }
            return record(new EntryRetracted(caseId, sequence, kind.wireName(), command.reason()));
        }
        CaseEvent replacement = factFor(command.replacement(), clock);
        FactKind replacementKind = FactKind.of(replacement);
        if (replacementKind != kind) {
            throw new RuleViolationException(RuleViolation.REPLACEMENT_OF_ANOTHER_KIND,
                                             "entry " + sequence + " is a " + kind.wireName() + ", not a "
                                                     + replacementKind.wireName());
        }
        long replacementSequence = AggregateLifecycle.getVersion() + 2;
        apply(new EntryCorrected(caseId, sequence, kind.wireName(), command.reason(), replacementSequence));
        return record(replacement);
    }

    private FactRecorded recordFact(FactCommand command, Clock clock) {
        checkOpen();
        return record(factFor(command, clock));
    }

    /** The event a fact command records, once its date passed {@link OccurrenceDates}. */
    private CaseEvent factFor(FactCommand command, Clock clock) {
        if (command.occurredOn() != null) {
            checkDate(command.occurredOn(), FactKind.of(command).dateField().orElseThrow(), clock);
        }
        return command.fact();
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
        kinds.add(FactKind.of(event).wireName());
        Effect effect = Corrections.effectOf(event, replacing);
        replacing = Corrections.replacingAfter(event);
        if (effect instanceof Withdrawn withdrawn) {
            corrected.add(withdrawn.sequence());
            return;
        }
        Counted counted = (Counted) effect;
        if (!counted.movesStatus()) {
            return;
        }
        switch (counted.kind()) {
            case OPENED -> {
                CaseOpened opened = (CaseOpened) event;
                this.caseId = opened.caseId();
                this.sentenceImposedOn = opened.sentence().imposedOn();
                this.status = CaseStatus.OPEN;
                return;
            }
            case CLEMENCY_GRANT -> this.clemencyGranted = true;
            case RELEASE -> this.released = true;
            default -> {
                // the status alone records it
            }
        }
        this.status = status.after(event);
    }
}
