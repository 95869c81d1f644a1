package org.freedomcampaigns.tracker.projections.officials;

import static org.assertj.core.api.Assertions.assertThat;
import static org.freedomcampaigns.tracker.projections.TestEvents.OFFICIAL;
import static org.freedomcampaigns.tracker.projections.TestEvents.day;
import static org.freedomcampaigns.tracker.projections.TestEvents.lobbied;

import java.util.List;

import org.freedomcampaigns.tracker.facts.CaseEvent.OfficialLobbied;
import org.freedomcampaigns.tracker.facts.CaseId;
import org.freedomcampaigns.tracker.facts.Official;
import org.freedomcampaigns.tracker.projections.MongoTestBase;
import org.junit.jupiter.api.Test;

class OfficialsProjectionTest extends MongoTestBase {
    private static final CaseId C1 = new CaseId("case-0001");
    private static final CaseId C2 = new CaseId("case-0002");
    private static final CaseId C3 = new CaseId("case-0003");
    private static final Official GOVERNOR = new Official("Gavin Stone", "Governor", "California");
    private static final Official BOARD = new Official("Ada Park", "Parole Board", "California");

    private OfficialsProjection projection;

    @Override
    protected void createProjections() {
        projection = new OfficialsProjection(database);
    }

    private LobbiedOfficial only() {
        List<LobbiedOfficial> all = projection.all();
        assertThat(all).hasSize(1);
        return all.get(0);
    }

    @Test
    void lobbying_records_the_official() {
        projection.on(lobbied(C1, day("2026-05-20")), 3);

        assertThat(only()).isEqualTo(new LobbiedOfficial("Jane Roe", "Office of the Pardon Attorney", "US federal", 1,
                                                         "2026-05-20", List.of(C1.value())));
    }

    @Test
    void the_same_official_named_with_different_case_or_spacing_is_one_official() {
        projection.on(lobbied(C1, day("2026-05-01")), 1);
        projection.on(lobbied(C1, day("2026-05-02"),
                              new Official("  JANE   roe ", "office of the  PARDON attorney", "us   Federal")), 2);
        projection.on(lobbied(C2, day("2026-05-03"),
                              new Official("jane roe", "Office Of The Pardon Attorney", "US  federal")), 1);

        LobbiedOfficial official = only();
        assertThat(official.contacts()).isEqualTo(3);
        assertThat(official.name()).as("named as first recorded").isEqualTo("Jane Roe");
        assertThat(official.office()).isEqualTo("Office of the Pardon Attorney");
        assertThat(official.jurisdiction()).isEqualTo("US federal");
        assertThat(OfficialsProjection.key(new Official(" Jane  Roe ", "OFFICE OF THE PARDON ATTORNEY", "us federal")))
                .isEqualTo(OfficialsProjection.key(OFFICIAL));
    }

    @Test
    void the_same_name_in_another_office_or_jurisdiction_is_another_official() {
        projection.on(lobbied(C1, day("2026-05-01")), 1);
        projection.on(lobbied(C1, day("2026-05-02"), new Official("Jane Roe", "Governor", "US federal")), 2);
        projection.on(lobbied(C1, day("2026-05-03"),
                              new Official("Jane Roe", "Office of the Pardon Attorney", "Texas")), 3);

        assertThat(projection.all()).hasSize(3)
                                    .allSatisfy(official -> assertThat(official.contacts()).isEqualTo(1));
    }

    @Test
    void contacts_are_summed_over_cases() {
        projection.on(lobbied(C1, day("2026-05-01")), 1);
        projection.on(lobbied(C1, day("2026-05-02")), 4);
        projection.on(lobbied(C2, day("2026-05-03")), 2);
        projection.on(lobbied(C3, day("2026-05-04")), 7);
        projection.on(lobbied(C3, day("2026-05-05")), 8);
        projection.on(lobbied(C3, day("2026-05-06")), 9);

        assertThat(only().contacts()).isEqualTo(6);
    }

    @Test
    void the_last_contact_is_the_latest_lobbied_date_even_if_recorded_out_of_order() {
        projection.on(lobbied(C1, day("2026-05-20")), 1);
        projection.on(lobbied(C1, day("2026-03-01")), 2);
        projection.on(lobbied(C2, day("2026-04-01")), 1);
        assertThat(only().lastContactOn()).isEqualTo("2026-05-20");

        projection.on(lobbied(C2, day("2026-05-21")), 2);
        projection.on(lobbied(C1, day("2026-01-01")), 3);
        assertThat(only().lastContactOn()).isEqualTo("2026-05-21");
    }

    @Test
    void redelivery_is_skipped() {
        OfficialLobbied first = lobbied(C1, day("2026-05-01"));
        OfficialLobbied second = lobbied(C1, day("2026-05-20"));
        projection.on(first, 1);
        projection.on(first, 1);
        projection.on(second, 3);
        projection.on(lobbied(C2, day("2026-04-01")), 5);
        List<LobbiedOfficial> before = projection.all();

        projection.on(second, 3);
        projection.on(first, 1);
        projection.on(lobbied(C2, day("2026-04-01")), 5);

        assertThat(projection.all()).isEqualTo(before);
        assertThat(only().contacts()).isEqualTo(3);
        assertThat(only().cases()).containsExactly(C1.value(), C2.value());
    }

    @Test
    void redelivery_of_an_older_event_is_skipped_after_a_newer_one_for_another_official() {
        OfficialLobbied governor = lobbied(C1, day("2026-05-01"), GOVERNOR);
        projection.on(governor, 1);
        projection.on(lobbied(C1, day("2026-05-02"), BOARD), 2);

        projection.on(governor, 1);

        assertThat(projection.all()).allSatisfy(official -> assertThat(official.contacts()).isEqualTo(1));
    }

    @Test
    void the_cases_lobbied_for_are_listed_once_each() {
        projection.on(lobbied(C2, day("2026-05-01")), 1);
        projection.on(lobbied(C1, day("2026-05-02")), 1);
        projection.on(lobbied(C2, day("2026-05-03")), 2);
        projection.on(lobbied(C3, day("2026-05-04")), 1);
        projection.on(lobbied(C1, day("2026-05-05")), 2);
        projection.on(lobbied(C3, day("2026-05-04"), GOVERNOR), 2);

        List<LobbiedOfficial> all = projection.all();
        LobbiedOfficial roe = all.stream().filter(o -> o.name().equals("Jane Roe")).findFirst().orElseThrow();
        LobbiedOfficial stone = all.stream().filter(o -> o.name().equals("Gavin Stone")).findFirst().orElseThrow();
        assertThat(roe.cases()).containsExactly(C2.value(), C1.value(), C3.value());
        assertThat(stone.cases()).containsExactly(C3.value());
    }

    @Test
    void officials_are_ordered_most_recent_contact_first() {
        projection.on(lobbied(C1, day("2026-03-01"), GOVERNOR), 1);
        projection.on(lobbied(C1, day("2026-05-20")), 2);
        projection.on(lobbied(C2, day("2026-04-10"), BOARD), 1);
        projection.on(lobbied(C2, day("2026-02-01"), GOVERNOR), 2);
        Official sameDay = new Official("Aaron Bell", "Attorney General", "California");
        projection.on(lobbied(C3, day("2026-04-10"), sameDay), 1);

        assertThat(projection.all()).extracting(LobbiedOfficial::name)
                                    .containsExactly("Jane Roe", "Aaron Bell", "Ada Park", "Gavin Stone");

        projection.on(lobbied(C3, day("2026-06-01"), GOVERNOR), 2);
        assertThat(projection.all()).extracting(LobbiedOfficial::name)
                                    .containsExactly("Gavin Stone", "Jane Roe", "Aaron Bell", "Ada Park");
    }

    @Test
    void reset_empties_the_read_model() {
        projection.on(lobbied(C1, day("2026-05-01")), 1);
        projection.on(lobbied(C2, day("2026-05-01"), GOVERNOR), 1);

        projection.reset();

        assertThat(projection.all()).isEmpty();
        assertThat(database.getCollection(OfficialsProjection.COLLECTION).countDocuments()).isZero();
        projection.on(lobbied(C1, day("2026-05-01")), 1);
        assertThat(only().contacts()).isEqualTo(1);
    }
}
