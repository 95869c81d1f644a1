package org.freedomcampaigns.tracker.projections.casesummary;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.freedomcampaigns.tracker.facts.CaseEvent;
import org.freedomcampaigns.tracker.facts.CaseEvent.CaseClosed;
import org.freedomcampaigns.tracker.facts.CaseEvent.CaseOpened;
import org.freedomcampaigns.tracker.facts.CaseEvent.ClemencyDenied;
import org.freedomcampaigns.tracker.facts.CaseEvent.ClemencyGranted;
import org.freedomcampaigns.tracker.facts.CaseEvent.PersonReleased;
import org.freedomcampaigns.tracker.facts.CaseEvent.PetitionFiled;
import org.freedomcampaigns.tracker.facts.CaseStatus;
import org.freedomcampaigns.tracker.facts.Corrections;
import org.freedomcampaigns.tracker.facts.Corrections.Counted;
import org.freedomcampaigns.tracker.facts.Corrections.Effect;
import org.freedomcampaigns.tracker.facts.Corrections.Withdrawn;
import org.freedomcampaigns.tracker.facts.FactKind;
import org.freedomcampaigns.tracker.projections.casesummary.CaseSummary.Clemency;
import org.freedomcampaigns.tracker.projections.casesummary.CaseSummary.Closure;
import org.freedomcampaigns.tracker.projections.casesummary.CaseSummary.Denial;
import org.freedomcampaigns.tracker.projections.casesummary.CaseSummary.Petition;
import org.freedomcampaigns.tracker.projections.casesummary.CaseSummary.Release;

/**
 * A case summary and what it takes to keep it: the one pure function that builds summaries ({@link #evolve}), used
 * by the read model and by anything that must show a case as it stood at some point (audit's state-as-of).
 *
 * @param summary     what clients see
 * @param bookkeeping what only the read model needs
 */
public record CaseSummaryState(CaseSummary summary, Bookkeeping bookkeeping) {

    /**
     * @param search            the text the case list searches: name, inmate number, facility, jurisdiction and
     *                          offense, lower case
     * @param replacing         the next event replaces a corrected entry ({@link Corrections#replacingAfter})
     * @param petitionSequences the sequence number of each petition in {@link CaseSummary#petitions()}
     */
    public record Bookkeeping(String search, boolean replacing, List<Long> petitionSequences) {
        public Bookkeeping {
            // summaries stored before any petition was corrected have none
            petitionSequences = petitionSequences == null ? List.of() : petitionSequences;
        }
    }

    /** The counters of a summary, in the catalogue's order. */
    static final List<String> COUNTERS = Arrays.stream(FactKind.values()).flatMap(kind -> kind.counter().stream())
                                               .toList();

    /**
     * The summary after one more event.
     *
     * @param state the summary so far, null before the case was opened
     */
    public static CaseSummaryState evolve(CaseSummaryState state, CaseEvent event, long sequence,
                                          Instant recordedAt) {
        Draft draft;
        if (event instanceof CaseOpened opened) {
            draft = new Draft(opened);
        } else if (state == null) {
            throw new IllegalStateException("event " + sequence + " of an unknown case");
        } else {
            draft = new Draft(state);
        }
        Effect effect = Corrections.effectOf(event, draft.replacing);
        draft.replacing = Corrections.replacingAfter(event);
        if (effect instanceof Withdrawn withdrawn) {
            draft.uncount(withdrawn.kind(), withdrawn.sequence());
        } else if (effect instanceof Counted counted) {
            draft.count(counted.kind(), event, sequence);
            if (counted.movesStatus()) {
                draft.status = draft.status.after(event);
            }
        }
        if (event.occurredOn() != null
                && (draft.lastActivityOn == null || event.occurredOn().isAfter(draft.lastActivityOn))) {
            draft.lastActivityOn = event.occurredOn();
        }
        draft.lastRecordedAt = recordedAt.toString();
        draft.version = sequence;
        return draft.build();
    }

    /** A summary under change: evolve's working copy. */
    private static final class Draft {
        final CaseSummary start;
        CaseStatus status;
        final Map<String, Integer> counts;
        final List<Petition> petitions;
        final List<Long> petitionSequences;
        Clemency clemency;
        Denial lastDenial;
        Release release;
        Closure closure;
        LocalDate lastActivityOn;
        String lastRecordedAt;
        long version;
        final String search;
        boolean replacing;

        Draft(CaseOpened opened) {
            this(new CaseSummary(opened.caseId().value(), opened.campaignId().value(), CaseStatus.OPEN,
                                 opened.person(), opened.sentence(), opened.offense(), opened.openedOn(),
                                 COUNTERS.stream().collect(Collectors.toMap(c -> c, c -> 0, (a, b) -> a,
                                                                            LinkedHashMap::new)),
                                 List.of(), null, null, null, null, null, null, -1),
                 new Bookkeeping(searchText(opened), false, List.of()));
        }

        Draft(CaseSummaryState state) {
            this(state.summary(), state.bookkeeping());
        }

        private Draft(CaseSummary summary, Bookkeeping bookkeeping) {
            this.start = summary;
            this.status = summary.status();
            this.counts = new LinkedHashMap<>(summary.counts());
            this.petitions = new ArrayList<>(summary.petitions());
            this.petitionSequences = new ArrayList<>(bookkeeping.petitionSequences());
            this.clemency = summary.clemency();
            this.lastDenial = summary.lastDenial();
            this.release = summary.release();
            this.closure = summary.closure();
            this.lastActivityOn = summary.lastActivityOn();
            this.lastRecordedAt = summary.lastRecordedAt();
            this.version = summary.version();
            this.search = bookkeeping.search();
            this.replacing = bookkeeping.replacing();
        }

        private static String searchText(CaseOpened opened) {
            return Stream.of(opened.person().name(), Objects.requireNonNullElse(opened.person().inmateNumber(), ""),
                             opened.person().facility(), opened.person().jurisdiction(), opened.offense())
                         .collect(Collectors.joining(" ")).toLowerCase(Locale.ROOT);
        }

        void count(FactKind kind, CaseEvent event, long sequence) {
            kind.counter().ifPresent(counter -> counts.merge(counter, 1, Integer::sum));
            if (event instanceof PetitionFiled e) {
                petitions.add(new Petition(e.petitionId(), e.filedOn(), e.kind(), e.authority()));
                petitionSequences.add(sequence);
            } else if (event instanceof ClemencyGranted e) {
                clemency = new Clemency(e.grantedOn(), e.grantedBy(), e.kind(), e.terms());
            } else if (event instanceof ClemencyDenied e) {
                lastDenial = new Denial(e.deniedOn(), e.deniedBy(), e.reason());
            } else if (event instanceof PersonReleased e) {
                release = new Release(e.releasedOn(), e.reason());
            } else if (event instanceof CaseClosed e) {
                closure = new Closure(e.closedOn(), e.reason());
            }
        }

        /** A corrected or retracted entry no longer counts; a corrected petition leaves the list of petitions. */
        void uncount(FactKind kind, long sequence) {
            kind.counter().filter(counter -> counts.getOrDefault(counter, 0) > 0)
                .ifPresent(counter -> counts.merge(counter, -1, Integer::sum));
            int index = petitionSequences.indexOf(sequence);
            if (kind == FactKind.PETITION && index >= 0) {
                petitionSequences.remove(index);
                petitions.remove(index);
            }
        }

        CaseSummaryState build() {
            return new CaseSummaryState(
                    new CaseSummary(start.id(), start.campaignId(), status, start.person(), start.sentence(),
                                    start.offense(), start.openedOn(), Collections.unmodifiableMap(counts),
                                    List.copyOf(petitions), clemency, lastDenial, release, closure, lastActivityOn,
                                    lastRecordedAt, version),
                    new Bookkeeping(search, replacing, List.copyOf(petitionSequences)));
        }
    }
}
