package org.freedomcampaigns.tracker.projections.timeline;

import java.util.Locale;

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

/** One-line, human-readable summaries of recorded facts, for the timeline. */
final class TimelineSummaries {
    private static final int EXCERPT = 120;

    private TimelineSummaries() {
    }

    static String of(CaseEvent event) {
        if (event instanceof CaseOpened e) {
            return "Case opened for " + e.person().name() + " (" + excerpt(e.sentence().description()) + ")";
        }
        if (event instanceof LetterReceived e) {
            return "Letter from " + e.from() + ": " + excerpt(e.summary());
        }
        if (event instanceof PrisonVisitLogged e) {
            return "Prison visit at " + e.facility()
                    + (e.visitors().isEmpty() ? "" : " by " + String.join(", ", e.visitors()));
        }
        if (event instanceof FamilyContacted e) {
            return "Family contact with " + e.contact() + " (" + e.relationship() + ")";
        }
        if (event instanceof LegalConsultationLogged e) {
            return "Legal consultation with " + e.counsel()
                    + (e.organization() == null ? "" : " (" + e.organization() + ")");
        }
        if (event instanceof OfficialLobbied e) {
            return "Lobbied " + e.official().name() + ", " + e.official().office() + " (" + label(e.channel()) + "): "
                    + excerpt(e.ask());
        }
        if (event instanceof PetitionFiled e) {
            return "Petition for " + label(e.kind()) + " filed with " + e.authority();
        }
        if (event instanceof ClemencyGranted e) {
            return "Clemency granted (" + label(e.kind()) + ") by " + e.grantedBy();
        }
        if (event instanceof ClemencyDenied e) {
            return "Clemency denied by " + e.deniedBy() + (e.reason() == null ? "" : ": " + excerpt(e.reason()));
        }
        if (event instanceof PersonReleased e) {
            return "Released (" + label(e.reason()) + ")";
        }
        if (event instanceof NoteAdded e) {
            return "Note: " + excerpt(e.text());
        }
        if (event instanceof CaseClosed e) {
            return "Case closed: " + excerpt(e.reason());
        }
        if (event instanceof EntryCorrected e) {
            return "Entry " + e.correctedSequence() + " corrected by entry " + e.replacementSequence() + ": "
                    + excerpt(e.reason());
        }
        if (event instanceof EntryRetracted e) {
            return "Entry " + e.retractedSequence() + " retracted: " + excerpt(e.reason());
        }
        return event.getClass().getSimpleName();
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
