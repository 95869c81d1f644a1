package org.freedomcampaigns.tracker.casefile;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import org.freedomcampaigns.tracker.facts.CampaignId;
import org.freedomcampaigns.tracker.facts.CaseCommand.AddNote;
import org.freedomcampaigns.tracker.facts.CaseCommand.CloseCase;
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
import org.freedomcampaigns.tracker.facts.CaseEvent.FamilyContacted;
import org.freedomcampaigns.tracker.facts.CaseEvent.LegalConsultationLogged;
import org.freedomcampaigns.tracker.facts.CaseEvent.LetterReceived;
import org.freedomcampaigns.tracker.facts.CaseEvent.NoteAdded;
import org.freedomcampaigns.tracker.facts.CaseEvent.OfficialLobbied;
import org.freedomcampaigns.tracker.facts.CaseEvent.PersonReleased;
import org.freedomcampaigns.tracker.facts.CaseEvent.PetitionFiled;
import org.freedomcampaigns.tracker.facts.CaseEvent.PrisonVisitLogged;
import org.freedomcampaigns.tracker.facts.CaseId;
import org.freedomcampaigns.tracker.facts.ClemencyKind;
import org.freedomcampaigns.tracker.facts.LobbyChannel;
import org.freedomcampaigns.tracker.facts.Official;
import org.freedomcampaigns.tracker.facts.Person;
import org.freedomcampaigns.tracker.facts.PetitionKind;
import org.freedomcampaigns.tracker.facts.ReleaseReason;
import org.freedomcampaigns.tracker.facts.Sentence;

/**
 * Standard commands and events for tests of the Case aggregate and everything derived from its events.
 *
 * <p>Each command builder has an event factory of the same shape that yields exactly the event the aggregate records
 * for that command, e.g. {@code recordLetter(id, d)} records {@code letter(id, d)}. All text is already stripped, so
 * that the commands' normalisation does not change it.
 *
 * <p>Time is fixed: {@link #CLOCK} reads {@link #NOW}, 2026-06-01T12:00Z. The occurrence-date policy judges "the
 * future" in UTC+14, where that instant is already {@link #LATEST_ALLOWED} (2026-06-02).
 */
public final class CaseEvents {
    public static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");
    public static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    /** The date of {@link #NOW} in UTC. */
    public static final LocalDate TODAY = LocalDate.of(2026, 6, 1);
    /** The date of {@link #NOW} in UTC+14, the last date a fact may carry. */
    public static final LocalDate LATEST_ALLOWED = LocalDate.of(2026, 6, 2);

    public static final CampaignId CAMPAIGN = new CampaignId("free-them-all");
    public static final CaseId CASE = new CaseId("case-0001");

    public static final LocalDate SENTENCED_ON = LocalDate.of(2009, 3, 12);
    public static final LocalDate OPENED_ON = LocalDate.of(2026, 1, 15);
    /** A date between the opening of the case and today, used for facts unless a test needs another. */
    public static final LocalDate FACT_DATE = LocalDate.of(2026, 5, 20);

    public static final Person PERSON = new Person("Maria Alvarez", "40123-112", "FCI Aliceville", "US federal");
    public static final Sentence SENTENCE = new Sentence("life without parole", true, SENTENCED_ON);
    public static final String OFFENSE = "conspiracy to distribute a controlled substance";
    public static final Official OFFICIAL = new Official("Jane Roe", "Office of the Pardon Attorney", "US federal");

    public static final String LETTER_FROM = "Maria Alvarez";
    public static final String LETTER_SUMMARY = "Thanks the team; asks for news about the petition.";
    public static final String FACILITY = "FCI Aliceville";
    public static final List<String> VISITORS = List.of("Ana Ruiz", "Tom Baker");
    public static final String VISIT_NOTES = "In good spirits; needs reading glasses.";
    public static final String FAMILY_CONTACT = "Lucia Alvarez";
    public static final String RELATIONSHIP = "daughter";
    public static final String FAMILY_NOTES = "Will write a support letter.";
    public static final String COUNSEL = "Sam Hill";
    public static final String LAW_FIRM = "Clemency Project";
    public static final String COUNSEL_NOTES = "Reviewed the sentencing record.";
    public static final LobbyChannel CHANNEL = LobbyChannel.MEETING;
    public static final String ASK = "Support the commutation petition";
    public static final String OFFICIAL_RESPONSE = "Will review the file.";
    public static final String PETITION_ID = "C-2026-0042";
    public static final PetitionKind PETITION_KIND = PetitionKind.COMMUTATION;
    public static final String AUTHORITY = "President of the United States";
    public static final String GRANTED_BY = "President of the United States";
    public static final ClemencyKind CLEMENCY_KIND = ClemencyKind.COMMUTATION;
    public static final String TERMS = "sentence commuted to time served";
    public static final String DENIED_BY = "Office of the Pardon Attorney";
    public static final String DENIAL_REASON = "insufficient time served";
    public static final ReleaseReason RELEASE_REASON = ReleaseReason.CLEMENCY;
    public static final String NOTE = "Call the family back next week.";
    public static final String CLOSE_REASON = "released and resettled";

    private CaseEvents() {
    }

    // ---------------------------------------------------------------- commands

    public static OpenCase openCase(CaseId caseId) {
        return openCase(caseId, CAMPAIGN);
    }

    public static OpenCase openCase(CaseId caseId, CampaignId campaignId) {
        return new OpenCase(caseId, campaignId, PERSON, SENTENCE, OFFENSE, OPENED_ON);
    }

    public static OpenCase openCase(CaseId caseId, Sentence sentence, LocalDate openedOn) {
        return new OpenCase(caseId, CAMPAIGN, PERSON, sentence, OFFENSE, openedOn);
    }

    public static RecordLetter recordLetter(CaseId caseId, LocalDate receivedOn) {
        return new RecordLetter(caseId, receivedOn, LETTER_FROM, LETTER_SUMMARY);
    }

    public static LogPrisonVisit logVisit(CaseId caseId, LocalDate visitedOn) {
        return new LogPrisonVisit(caseId, visitedOn, FACILITY, VISITORS, VISIT_NOTES);
    }

    public static RecordFamilyContact recordFamilyContact(CaseId caseId, LocalDate contactedOn) {
        return new RecordFamilyContact(caseId, contactedOn, FAMILY_CONTACT, RELATIONSHIP, FAMILY_NOTES);
    }

    public static LogLegalConsultation logLegalConsultation(CaseId caseId, LocalDate consultedOn) {
        return new LogLegalConsultation(caseId, consultedOn, COUNSEL, LAW_FIRM, COUNSEL_NOTES);
    }

    public static RecordLobbying recordLobbying(CaseId caseId, LocalDate lobbiedOn) {
        return new RecordLobbying(caseId, lobbiedOn, OFFICIAL, CHANNEL, ASK, OFFICIAL_RESPONSE);
    }

    public static FilePetition filePetition(CaseId caseId, LocalDate filedOn) {
        return new FilePetition(caseId, PETITION_ID, filedOn, PETITION_KIND, AUTHORITY);
    }

    public static RecordClemencyGrant grantClemency(CaseId caseId, LocalDate grantedOn) {
        return new RecordClemencyGrant(caseId, grantedOn, GRANTED_BY, CLEMENCY_KIND, TERMS);
    }

    public static RecordClemencyDenial denyClemency(CaseId caseId, LocalDate deniedOn) {
        return new RecordClemencyDenial(caseId, deniedOn, DENIED_BY, DENIAL_REASON);
    }

    public static RecordRelease recordRelease(CaseId caseId, LocalDate releasedOn) {
        return new RecordRelease(caseId, releasedOn, RELEASE_REASON);
    }

    public static AddNote addNote(CaseId caseId) {
        return new AddNote(caseId, NOTE);
    }

    public static CloseCase closeCase(CaseId caseId, LocalDate closedOn) {
        return new CloseCase(caseId, closedOn, CLOSE_REASON);
    }

    // ---------------------------------------------------------------- events

    public static CaseOpened opened(CaseId caseId) {
        return opened(caseId, CAMPAIGN);
    }

    public static CaseOpened opened(CaseId caseId, CampaignId campaignId) {
        return new CaseOpened(caseId, campaignId, PERSON, SENTENCE, OFFENSE, OPENED_ON);
    }

    public static CaseOpened opened(CaseId caseId, Sentence sentence, LocalDate openedOn) {
        return new CaseOpened(caseId, CAMPAIGN, PERSON, sentence, OFFENSE, openedOn);
    }

    public static LetterReceived letter(CaseId caseId, LocalDate receivedOn) {
        return new LetterReceived(caseId, receivedOn, LETTER_FROM, LETTER_SUMMARY);
    }

    public static PrisonVisitLogged visit(CaseId caseId, LocalDate visitedOn) {
        return new PrisonVisitLogged(caseId, visitedOn, FACILITY, VISITORS, VISIT_NOTES);
    }

    public static FamilyContacted familyContacted(CaseId caseId, LocalDate contactedOn) {
        return new FamilyContacted(caseId, contactedOn, FAMILY_CONTACT, RELATIONSHIP, FAMILY_NOTES);
    }

    public static LegalConsultationLogged legalConsultation(CaseId caseId, LocalDate consultedOn) {
        return new LegalConsultationLogged(caseId, consultedOn, COUNSEL, LAW_FIRM, COUNSEL_NOTES);
    }

    public static OfficialLobbied lobbied(CaseId caseId, LocalDate lobbiedOn) {
        return new OfficialLobbied(caseId, lobbiedOn, OFFICIAL, CHANNEL, ASK, OFFICIAL_RESPONSE);
    }

    public static PetitionFiled petitionFiled(CaseId caseId, LocalDate filedOn) {
        return new PetitionFiled(caseId, PETITION_ID, filedOn, PETITION_KIND, AUTHORITY);
    }

    public static ClemencyGranted granted(CaseId caseId, LocalDate grantedOn) {
        return new ClemencyGranted(caseId, grantedOn, GRANTED_BY, CLEMENCY_KIND, TERMS);
    }

    public static ClemencyDenied denied(CaseId caseId, LocalDate deniedOn) {
        return new ClemencyDenied(caseId, deniedOn, DENIED_BY, DENIAL_REASON);
    }

    public static PersonReleased released(CaseId caseId, LocalDate releasedOn) {
        return new PersonReleased(caseId, releasedOn, RELEASE_REASON);
    }

    public static NoteAdded note(CaseId caseId) {
        return new NoteAdded(caseId, NOTE);
    }

    public static CaseClosed closed(CaseId caseId, LocalDate closedOn) {
        return new CaseClosed(caseId, closedOn, CLOSE_REASON);
    }
}
