package org.freedomcampaigns.tracker.projections.timeline;

import java.util.Locale;

import org.freedomcampaigns.tracker.facts.CaseEvent;
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
import org.freedomcampaigns.tracker.facts.FactKind;

/** One-line, human-readable summaries of recorded facts, for the timeline: one for every {@link FactKind}. */
final class TimelineSummaries {
    private static final int EXCERPT = 120;

    private TimelineSummaries() {
    }

    static String of(CaseEvent event) {
        return switch (FactKind.of(event)) {
            case OPENED -> {
                CaseOpened e = (CaseOpened) event;
                yield "Case opened for " + e.person().name() + " (" + excerpt(e.sentence().description()) + ")";
            }
            case LETTER -> {
                LetterReceived e = (LetterReceived) event;
                yield "Letter from " + e.from() + ": " + excerpt(e.summary());
            }
            case VISIT -> {
                PrisonVisitLogged e = (PrisonVisitLogged) event;
                yield "Prison visit at " + e.facility()
                        + (e.visitors().isEmpty() ? "" : " by " + String.join(", ", e.visitors()));
            }
            case FAMILY_CONTACT -> {
                FamilyContacted e = (FamilyContacted) event;
                yield "Family contact with " + e.contact() + " (" + e.relationship() + ")";
            }
            case LEGAL_CONSULTATION -> {
                LegalConsultationLogged e = (LegalConsultationLogged) event;
                yield "Legal consultation with " + e.counsel()
                        + (e.organization() == null ? "" : " (" + e.organization() + ")");
            }
            case LOBBYING -> {
                OfficialLobbied e = (OfficialLobbied) event;
                yield "Lobbied " + e.official().name() + ", " + e.official().office() + " (" + label(e.channel())
                        + "): " + excerpt(e.ask());
            }
            case PETITION -> {
                PetitionFiled e = (PetitionFiled) event;
                yield "Petition for " + label(e.kind()) + " filed with " + e.authority();
            }
            case CLEMENCY_GRANT -> {
                ClemencyGranted e = (ClemencyGranted) event;
                yield "Clemency granted (" + label(e.kind()) + ") by " + e.grantedBy();
            }
            case CLEMENCY_DENIAL -> {
                ClemencyDenied e = (ClemencyDenied) event;
                yield "Clemency denied by " + e.deniedBy() + (e.reason() == null ? "" : ": " + excerpt(e.reason()));
            }
            case RELEASE -> "Released (" + label(((PersonReleased) event).reason()) + ")";
            case NOTE -> "Note: " + excerpt(((NoteAdded) event).text());
            case CLOSING -> "Case closed: " + excerpt(((CaseClosed) event).reason());
            case CORRECTION -> {
                EntryCorrected e = (EntryCorrected) event;
                yield "Entry " + e.correctedSequence() + " corrected by entry " + e.replacementSequence() + ": "
                        + excerpt(e.reason());
            }
            case RETRACTION -> {
                EntryRetracted e = (EntryRetracted) event;
                yield "Entry " + e.retractedSequence() + " retracted: " + excerpt(e.reason());
            }
        };
    }

    private static String label(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }

    private static String excerpt(String text) {
        String line = text.strip().replaceAll("\\s+", " ");
        if (line.length() <= EXCERPT) {
            return line;
        }
        int end = EXCERPT - 1;
        if (Character.isHighSurrogate(line.charAt(end - 1))) {
            end--; // never split a character made of two chars
        }
        return line.substring(0, end) + "…";
    }
}
