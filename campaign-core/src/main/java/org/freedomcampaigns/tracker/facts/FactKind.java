package org.freedomcampaigns.tracker.facts;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.freedomcampaigns.tracker.facts.CaseCommand.AddNote;
import org.freedomcampaigns.tracker.facts.CaseCommand.CloseCase;
import org.freedomcampaigns.tracker.facts.CaseCommand.CorrectEntry;
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
import org.freedomcampaigns.tracker.facts.CaseEvent.CaseClosed;
import org.freedomcampaigns.tracker.facts.CaseEvent.CaseOpened;
import org.freedomcampaigns.tracker.facts.CaseEvent.ClemencyDenied;
import org.freedomcampaigns.tracker.facts.CaseEvent.ClemencyGranted;
import org.freedomcampaigns.tracker.facts.CaseEvent.EntryCorrected;
import org.freedomcampaigns.tracker.facts.CaseEvent.EntryRetracted;
import org.freedomcampaigns.tracker.facts.CaseEvent.FamilyContacted;
import org.freedomcampaigns.tracker.facts.CaseEvent.LegalConsultationLogged;
import org.freedomcampaigns.tracker.facts.CaseEvent.LetterReceived;
import org.freedomcampaigns.tracker.facts.CaseEvent.NoteAdded;
import org.freedomcampaigns.tracker.facts.CaseEvent.OfficialLobbied;
import org.freedomcampaigns.tracker.facts.CaseEvent.PersonReleased;
import org.freedomcampaigns.tracker.facts.CaseEvent.PetitionFiled;
import org.freedomcampaigns.tracker.facts.CaseEvent.PrisonVisitLogged;

/**
 * The catalogue of what can be recorded on a case: one entry per kind of event, with everything the rest of the
 * system needs to know about it. Consumers derive from this list (access rules, endpoints, counters, corrections,
 * summaries); where one must treat every kind itself, it switches over this enum, so that the compiler names the
 * place a new kind has not reached.
 *
 * <p>{@link #wireName()} is persisted (as the stored payload type of the event, and in corrections as the kind of the
 * entry corrected): it is written here once and never changes, whatever the Java class is called.
 */
public enum FactKind {
    // wire name, URL segment, the field holding the date it happened; command, event; counters; rules
    OPENED("CaseOpened", null, "openedOn", OpenCase.class, CaseOpened.class, null, null, Rules.OPENING),
    LETTER("LetterReceived", "letters", "receivedOn", RecordLetter.class, LetterReceived.class,
           "letters", "letters", Rules.RETRACTABLE),
    VISIT("PrisonVisitLogged", "visits", "visitedOn", LogPrisonVisit.class, PrisonVisitLogged.class,
          "visits", "visits", Rules.RETRACTABLE),
    FAMILY_CONTACT("FamilyContacted", "family-contacts", "contactedOn", RecordFamilyContact.class, FamilyContacted.class,
                   "familyContacts", null, Rules.RETRACTABLE),
    LEGAL_CONSULTATION("LegalConsultationLogged", "legal-consultations", "consultedOn", LogLegalConsultation.class,
                       LegalConsultationLogged.class, "legalConsultations", null, Rules.RETRACTABLE),
    LOBBYING("OfficialLobbied", "lobbying", "lobbiedOn", RecordLobbying.class, OfficialLobbied.class,
             "lobbying", "lobbyingContacts", Rules.RETRACTABLE),
    PETITION("PetitionFiled", "petitions", "filedOn", FilePetition.class, PetitionFiled.class,
             "petitions", "petitions", Rules.MOVES_STATUS),
    CLEMENCY_GRANT("ClemencyGranted", "clemency", "grantedOn", RecordClemencyGrant.class, ClemencyGranted.class,
                   "clemencyGrants", "grants", Rules.MOVES_STATUS),
    CLEMENCY_DENIAL("ClemencyDenied", "denials", "deniedOn", RecordClemencyDenial.class, ClemencyDenied.class,
                    "clemencyDenials", null, Rules.MOVES_STATUS),
    RELEASE("PersonReleased", "release", "releasedOn", RecordRelease.class, PersonReleased.class,
            "releases", "releases", Rules.MOVES_STATUS),
    NOTE("NoteAdded", "notes", null, AddNote.class, NoteAdded.class, "notes", null, Rules.RETRACTABLE),
    CLOSING("CaseClosed", "close", "closedOn", CloseCase.class, CaseClosed.class, null, null, Rules.MOVES_STATUS),
    CORRECTION("EntryCorrected", "corrections", null, CorrectEntry.class, EntryCorrected.class, null, null,
               Rules.CORRECTING),
    RETRACTION("EntryRetracted", null, null, null, EntryRetracted.class, null, null, Rules.CORRECTING);

    /** How corrections treat a kind, and whether it moves the case's status. */
    private enum Rules {
        /** The opening: moves the status (to open), cannot be corrected. */
        OPENING(false, false, true),
        /** A fact that leaves the status as it is: corrected or retracted. */
        RETRACTABLE(true, true, false),
        /** A fact that moves the status: corrected, never retracted. */
        MOVES_STATUS(true, false, true),
        /** A correction or a retraction: final. */
        CORRECTING(false, false, false);

        final boolean correctable;
        final boolean retractable;
        final boolean movesStatus;

        Rules(boolean correctable, boolean retractable, boolean movesStatus) {
            this.correctable = correctable;
            this.retractable = retractable;
            this.movesStatus = movesStatus;
        }
    }

    private final String wireName;
    private final String segment;
    private final String dateField;
    private final Class<? extends CaseCommand> commandType;
    private final Class<? extends CaseEvent> eventType;
    private final String counter;
    private final String campaignCounter;
    private final Rules rules;

    FactKind(String wireName, String segment, String dateField, Class<? extends CaseCommand> commandType,
             Class<? extends CaseEvent> eventType, String counter, String campaignCounter, Rules rules) {
        this.wireName = wireName;
        this.segment = segment;
        this.dateField = dateField;
        this.commandType = commandType;
        this.eventType = eventType;
        this.counter = counter;
        this.campaignCounter = campaignCounter;
        this.rules = rules;
    }

    private static final Map<Class<?>, FactKind> BY_EVENT = Arrays.stream(values())
            .collect(Collectors.toUnmodifiableMap(k -> k.eventType, Function.identity()));
    private static final Map<Class<?>, FactKind> BY_COMMAND = Arrays.stream(values())
            .filter(k -> k.commandType != null)
            .collect(Collectors.toUnmodifiableMap(k -> k.commandType, Function.identity()));
    private static final Map<String, FactKind> BY_WIRE_NAME = Arrays.stream(values())
            .collect(Collectors.toUnmodifiableMap(k -> k.wireName, Function.identity()));

    /** The kind of a recorded event. */
    public static FactKind of(CaseEvent event) {
        return BY_EVENT.get(event.getClass());
    }

    /** The kind of event a command records (a correction's is {@link #CORRECTION}, whatever it replaces). */
    public static FactKind of(CaseCommand command) {
        return BY_COMMAND.get(command.getClass());
    }

    /** The kind stored under this name, as in {@link EntryCorrected#correctedKind()}. */
    public static Optional<FactKind> byWireName(String wireName) {
        return Optional.ofNullable(BY_WIRE_NAME.get(wireName));
    }

    /** The stable name stored with every event of this kind; never derived from a class name. */
    public String wireName() {
        return wireName;
    }

    /**
     * The last segment of the endpoint that records this kind, {@code POST /api/cases/{id}/<segment>}; empty for the
     * opening (recorded by {@code POST /api/cases}) and retractions (recorded through corrections).
     */
    public Optional<String> segment() {
        return Optional.ofNullable(segment);
    }

    /**
     * The field of the command and the event that holds the date the fact happened; empty for kinds that have no
     * date in the world (a note, a correction): they happen when they are recorded.
     */
    public Optional<String> dateField() {
        return Optional.ofNullable(dateField);
    }

    /** The command that records this kind, if one records nothing else. */
    public Optional<Class<? extends CaseCommand>> commandType() {
        return Optional.ofNullable(commandType);
    }

    public Class<? extends CaseEvent> eventType() {
        return eventType;
    }

    /** The counter of a case summary this kind adds to, if it is counted. */
    public Optional<String> counter() {
        return Optional.ofNullable(counter);
    }

    /** The counter of a campaign's dashboard this kind adds to, if it is counted there. */
    public Optional<String> campaignCounter() {
        return Optional.ofNullable(campaignCounter);
    }

    /** Whether an entry of this kind can be put right with a replacement of the same kind. */
    public boolean correctable() {
        return rules.correctable;
    }

    /** Whether an entry of this kind can be withdrawn without a replacement. */
    public boolean retractable() {
        return rules.retractable;
    }

    /** Whether recording this kind can change the case's status ({@link CaseStatus#after}). */
    public boolean movesStatus() {
        return rules.movesStatus;
    }
}
