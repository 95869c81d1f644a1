package org.freedomcampaigns.tracker.projections;

import static org.assertj.core.api.Assertions.assertThat;
import static org.freedomcampaigns.tracker.projections.TestEvents.at;
import static org.freedomcampaigns.tracker.projections.TestEvents.day;
import static org.freedomcampaigns.tracker.projections.TestEvents.denied;
import static org.freedomcampaigns.tracker.projections.TestEvents.granted;
import static org.freedomcampaigns.tracker.projections.TestEvents.launched;
import static org.freedomcampaigns.tracker.projections.TestEvents.letter;
import static org.freedomcampaigns.tracker.projections.TestEvents.lobbied;
import static org.freedomcampaigns.tracker.projections.TestEvents.opened;
import static org.freedomcampaigns.tracker.projections.TestEvents.petitionFiled;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.freedomcampaigns.tracker.facts.CaseStatus;
import org.freedomcampaigns.tracker.projections.casesummary.CaseSummary;
import org.freedomcampaigns.tracker.projections.dashboard.CampaignDashboard;
import org.freedomcampaigns.tracker.projections.officials.LobbiedOfficial;
import org.freedomcampaigns.tracker.projections.timeline.TimelineEntry;
import org.freedomcampaigns.tracker.facts.CampaignId;
import org.freedomcampaigns.tracker.facts.CaseEvent.EntryCorrected;
import org.freedomcampaigns.tracker.facts.CaseEvent.EntryRetracted;
import org.freedomcampaigns.tracker.facts.CaseId;
import org.freedomcampaigns.tracker.facts.Official;
import org.junit.jupiter.api.Test;

/** Corrected and retracted entries: every read model shows the correction, none counts the entry twice. */
class CorrectionsProjectionTest extends AllReadModelsTestBase {
    private static final CampaignId CAMPAIGN = new CampaignId("free-them-all");
    private static final CaseId CASE = new CaseId("case-0001");
    private static final Official WRONG = new Official("Wrong Person", "Governor", "Ohio");
    private static final Official RIGHT = new Official("Right Person", "Governor", "Ohio");

    private void apply(List<Object> caseEvents) {
        List<Recorded> stream = new ArrayList<>();
        stream.add(new Recorded(launched(CAMPAIGN), 0, at(0)));
        for (int i = 0; i < caseEvents.size(); i++) {
            stream.add(new Recorded(caseEvents.get(i), i, at(60L * (i + 1))));
        }
        drivers.forEach(driver -> driver.applyAll(stream));
        // redelivery changes nothing
        drivers.forEach(driver -> driver.applyAll(stream));
    }

    @Test
    void corrections_and_retractions_show_everywhere_and_count_once() {
        apply(List.of(
                opened(CASE, CAMPAIGN),                                                   // 0
                letter(CASE, day("2026-02-01")),                                          // 1
                lobbied(CASE, day("2026-02-10"), WRONG),                                  // 2
                petitionFiled(CASE, "P-1", day("2026-02-15")),                            // 3
                denied(CASE, day("2026-03-01")),                                          // 4
                new EntryRetracted(CASE, 1, "LetterReceived", "recorded on the wrong case"),  // 5
                new EntryCorrected(CASE, 2, "OfficialLobbied", "wrong official", 7),       // 6
                lobbied(CASE, day("2026-02-10"), RIGHT),                                  // 7
                new EntryCorrected(CASE, 3, "PetitionFiled", "wrong date", 9),             // 8
                petitionFiled(CASE, "P-1", day("2026-02-14")),                            // 9
                granted(CASE, day("2026-04-01")),                                         // 10
                new EntryCorrected(CASE, 10, "ClemencyGranted", "wrong date", 12),         // 11
                granted(CASE, day("2026-04-02"))));                                       // 12

        CaseSummary summary = summaries.find(CASE).orElseThrow();
        assertThat(summary.counts().get("letters")).isZero();
        assertThat(summary.counts().get("lobbying")).isEqualTo(1);
        assertThat(summary.counts().get("petitions")).isEqualTo(1);
        assertThat(summary.counts().get("clemencyGrants")).isEqualTo(1);
        assertThat(summary.status()).as("a corrected petition does not reopen a case")
                                    .isEqualTo(CaseStatus.CLEMENCY_GRANTED);
        assertThat(summary.petitions()).singleElement()
                .satisfies(p -> assertThat(p.filedOn()).isEqualTo(day("2026-02-14")));
        assertThat(summary.clemency().grantedOn()).isEqualTo(day("2026-04-02"));

        Map<Long, TimelineEntry> entries = new java.util.HashMap<>();
        timelines.entries(CASE).orElseThrow().forEach(e -> entries.put(e.sequence(), e));
        assertThat(entries.get(1L).status()).isEqualTo("retracted");
        assertThat(entries.get(1L).retractedBy()).isEqualTo(5);
        assertThat(entries.get(2L).status()).isEqualTo("corrected");
        assertThat(entries.get(2L).correctedBy()).isEqualTo(7);
        assertThat(entries.get(7L).corrects()).isEqualTo(2);
        assertThat(entries.get(7L).status()).isEqualTo("recorded");
        assertThat(entries.get(6L).summary()).contains("Entry 2 corrected by entry 7");

        CampaignDashboard dashboard = dashboards.find(CAMPAIGN).orElseThrow();
        assertThat(dashboard.counts().get("letters")).isZero();
        assertThat(dashboard.counts().get("lobbyingContacts")).isEqualTo(1);
        assertThat(dashboard.counts().get("petitions")).isEqualTo(1);
        assertThat(dashboard.counts().get("grants")).isEqualTo(1);
        assertThat(dashboard.casesByStatus().get("CLEMENCY_GRANTED")).isEqualTo(1);

        List<LobbiedOfficial> listed = officials.all();
        assertThat(listed).extracting(LobbiedOfficial::name).containsExactly("Right Person");
        assertThat(listed.get(0).contacts()).isEqualTo(1);
    }
}
