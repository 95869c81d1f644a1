package org.freedomcampaigns.tracker.projections.casesummary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.freedomcampaigns.tracker.projections.TestEvents.AUTHORITY;
import static org.freedomcampaigns.tracker.projections.TestEvents.CAMPAIGN;
import static org.freedomcampaigns.tracker.projections.TestEvents.CASE;
import static org.freedomcampaigns.tracker.projections.TestEvents.CLOSE_REASON;
import static org.freedomcampaigns.tracker.projections.TestEvents.DENIAL_REASON;
import static org.freedomcampaigns.tracker.projections.TestEvents.DENIED_BY;
import static org.freedomcampaigns.tracker.projections.TestEvents.FACT_DATE;
import static org.freedomcampaigns.tracker.projections.TestEvents.GRANTED_BY;
import static org.freedomcampaigns.tracker.projections.TestEvents.OFFENSE;
import static org.freedomcampaigns.tracker.projections.TestEvents.OPENED_ON;
import static org.freedomcampaigns.tracker.projections.TestEvents.PETITION_ID;
import static org.freedomcampaigns.tracker.projections.TestEvents.TERMS;
import static org.freedomcampaigns.tracker.projections.TestEvents.at;
import static org.freedomcampaigns.tracker.projections.TestEvents.closed;
import static org.freedomcampaigns.tracker.projections.TestEvents.day;
import static org.freedomcampaigns.tracker.projections.TestEvents.denied;
import static org.freedomcampaigns.tracker.projections.TestEvents.familyContacted;
import static org.freedomcampaigns.tracker.projections.TestEvents.granted;
import static org.freedomcampaigns.tracker.projections.TestEvents.legalConsultation;
import static org.freedomcampaigns.tracker.projections.TestEvents.letter;
import static org.freedomcampaigns.tracker.projections.TestEvents.lobbied;
import static org.freedomcampaigns.tracker.projections.TestEvents.note;
import static org.freedomcampaigns.tracker.projections.TestEvents.opened;
import static org.freedomcampaigns.tracker.projections.TestEvents.person;
import static org.freedomcampaigns.tracker.projections.TestEvents.petitionFiled;
import static org.freedomcampaigns.tracker.projections.TestEvents.released;
import static org.freedomcampaigns.tracker.projections.TestEvents.visit;

import java.lang.reflect.RecordComponent;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

import org.bson.Document;
import org.freedomcampaigns.tracker.facts.CampaignId;
import org.freedomcampaigns.tracker.facts.CaseEvent;
import org.freedomcampaigns.tracker.facts.CaseId;
import org.freedomcampaigns.tracker.facts.CaseStatus;
import org.freedomcampaigns.tracker.projections.MongoTestBase;
import org.freedomcampaigns.tracker.projections.casesummary.CaseSummaries.CasePage;
import org.freedomcampaigns.tracker.projections.support.RecordDocuments;
import org.junit.jupiter.api.Test;

class CaseSummaryProjectionTest extends MongoTestBase {
    private CaseSummaryProjection projection;
    private long nextSequence;

    @Override
    protected void createProjections() {
        projection = new CaseSummaryProjection(database);
        nextSequence = 0;
    }

    /** Applies the event with the next sequence number, recorded that many seconds after NOW. */
    private void record(CaseEvent event) {
        long sequence = nextSequence++;
        projection.on(event, sequence, at(sequence));
    }

    /** The summary as a client sees it, field by field (dates as ISO strings, enums by name). */
    private Document summary() {
        return RecordDocuments.toDocument(projection.find(CASE).orElseThrow());
    }

    private static Document counts(Document summary) {
        return summary.get("counts", Document.class);
    }

    @Test
    void opening_creates_the_summary() {
        record(opened(CASE));

        Document summary = summary();
        assertThat(summary.getString("id")).isEqualTo(CASE.value());
        assertThat(summary.getString("campaignId")).isEqualTo(CAMPAIGN.value());
        assertThat(summary.getString("status")).isEqualTo("OPEN");
        assertThat(summary.get("person", Document.class))
                .isEqualTo(new Document("name", "Maria Alvarez").append("inmateNumber", "40123-112")
                                   .append("facility", "FCI Aliceville").append("jurisdiction", "US federal"));
        assertThat(summary.get("sentence", Document.class))
                .isEqualTo(new Document("description", "life without parole").append("lifeSentence", true)
                                   .append("imposedOn", "2009-03-12"));
        assertThat(summary.getString("offense")).isEqualTo(OFFENSE);
        assertThat(summary.getString("openedOn")).isEqualTo(OPENED_ON.toString());
        assertThat(counts(summary)).containsOnlyKeys("letters", "visits", "familyContacts", "legalConsultations",
                                                     "lobbying", "petitions", "clemencyGrants", "clemencyDenials",
                                                     "releases", "notes");
        assertThat(counts(summary).values()).allSatisfy(count -> assertThat(count).isEqualTo(0));
        assertThat(summary.getList("petitions", Document.class)).isEmpty();
        assertThat(summary.get("clemency")).isNull();
        assertThat(summary.get("lastDenial")).isNull();
        assertThat(summary.get("release")).isNull();
        assertThat(summary.get("closure")).isNull();
        assertThat(summary.getString("lastActivityOn")).isEqualTo(OPENED_ON.toString());
        assertThat(summary.getString("lastRecordedAt")).isEqualTo(at(0).toString());
        assertThat(((Number) summary.get("version")).longValue()).isZero();
        assertThat(summary).doesNotContainKeys("_id", "search");
        assertThat(projection.appliedSequence(CASE)).isZero();
    }

    @Test
    void each_kind_of_fact_updates_its_count() {
        record(opened(CASE));
        record(letter(CASE, FACT_DATE));
        record(visit(CASE, FACT_DATE));
        record(familyContacted(CASE, FACT_DATE));
        record(legalConsultation(CASE, FACT_DATE));
        record(lobbied(CASE, FACT_DATE));
        record(note(CASE));
        record(petitionFiled(CASE, FACT_DATE));
        record(denied(CASE, FACT_DATE));
        record(petitionFiled(CASE, "C-2026-0043", FACT_DATE));
        record(granted(CASE, FACT_DATE));
        record(released(CASE, FACT_DATE));
        record(letter(CASE, FACT_DATE));

        Document counts = counts(summary());
        assertThat(counts).isEqualTo(new Document("letters", 2).append("visits", 1).append("familyContacts", 1)
                                             .append("legalConsultations", 1).append("lobbying", 1)
                                             .append("petitions", 2).append("clemencyGrants", 1)
                                             .append("clemencyDenials", 1).append("releases", 1)
                                             .append("notes", 1));
        assertThat(projection.appliedSequence(CASE)).isEqualTo(12);
        assertThat(((Number) summary().get("version")).longValue()).isEqualTo(12);
    }

    @Test
    void status_follows_each_fact_as_case_status_rules_say() {
        List<CaseEvent> events = List.of(opened(CASE), letter(CASE, FACT_DATE), petitionFiled(CASE, FACT_DATE),
                                         denied(CASE, FACT_DATE), visit(CASE, FACT_DATE),
                                         petitionFiled(CASE, "C-2", FACT_DATE), granted(CASE, FACT_DATE),
                                         petitionFiled(CASE, "C-3", FACT_DATE), denied(CASE, FACT_DATE),
                                         released(CASE, FACT_DATE), granted(CASE, FACT_DATE),
                                         closed(CASE, FACT_DATE), released(CASE, FACT_DATE), note(CASE));
        List<String> expected = List.of("OPEN", "OPEN", "PETITION_FILED", "CLEMENCY_DENIED", "CLEMENCY_DENIED",
                                        "PETITION_FILED", "CLEMENCY_GRANTED", "CLEMENCY_GRANTED",
                                        "CLEMENCY_GRANTED", "RELEASED", "RELEASED", "CLOSED", "CLOSED", "CLOSED");
        CaseStatus status = CaseStatus.OPEN;
        for (int i = 0; i < events.size(); i++) {
            record(events.get(i));
            status = status.after(events.get(i));
            assertThat(summary().getString("status")).as("after %s", events.get(i).getClass().getSimpleName())
                                                     .isEqualTo(status.name())
                                                     .isEqualTo(expected.get(i));
        }
    }

    @Test
    void last_activity_is_the_latest_occurrence_not_the_latest_recorded() {
        record(opened(CASE));
        record(letter(CASE, day("2026-05-20")));
        record(visit(CASE, day("2026-03-01")));

        assertThat(summary().getString("lastActivityOn")).isEqualTo("2026-05-20");
        assertThat(summary().getString("lastRecordedAt")).isEqualTo(at(2).toString());

        record(familyContacted(CASE, day("2026-05-21")));
        assertThat(summary().getString("lastActivityOn")).isEqualTo("2026-05-21");
    }

    @Test
    void a_note_does_not_move_the_last_activity() {
        record(opened(CASE));
        record(letter(CASE, FACT_DATE));
        record(note(CASE));

        assertThat(summary().getString("lastActivityOn")).isEqualTo(FACT_DATE.toString());
        assertThat(counts(summary()).getInteger("notes")).isEqualTo(1);
    }

    @Test
    void petitions_are_listed_in_the_order_filed_without_the_case_id() {
        record(opened(CASE));
        record(petitionFiled(CASE, PETITION_ID, day("2026-02-01")));
        record(denied(CASE, day("2026-03-01")));
        record(petitionFiled(CASE, "C-2026-0099", day("2026-04-01")));

        List<Document> petitions = summary().getList("petitions", Document.class);
        assertThat(petitions).containsExactly(
                new Document("petitionId", PETITION_ID).append("filedOn", "2026-02-01")
                        .append("kind", "COMMUTATION").append("authority", AUTHORITY),
                new Document("petitionId", "C-2026-0099").append("filedOn", "2026-04-01")
                        .append("kind", "COMMUTATION").append("authority", AUTHORITY));
        assertThat(counts(summary()).getInteger("petitions")).isEqualTo(2);
    }

    @Test
    void a_denial_is_kept_as_the_last_denial() {
        record(opened(CASE));
        record(petitionFiled(CASE, day("2026-02-01")));
        record(denied(CASE, day("2026-03-01")));
        record(petitionFiled(CASE, "C-2", day("2026-04-01")));
        record(new CaseEvent.ClemencyDenied(CASE, day("2026-05-01"), "Governor", null));

        Document summary = summary();
        assertThat(summary.get("lastDenial", Document.class))
                .isEqualTo(new Document("deniedOn", "2026-05-01").append("deniedBy", "Governor")
                                   .append("reason", null));
        assertThat(summary.get("clemency")).isNull();
        assertThat(counts(summary).getInteger("clemencyDenials")).isEqualTo(2);
        assertThat(summary.getString("status")).isEqualTo("CLEMENCY_DENIED");
        // the denial text of the first one is gone, only the last is kept
        assertThat(summary.toJson()).doesNotContain(DENIAL_REASON).doesNotContain(DENIED_BY);
    }

    @Test
    void clemency_release_and_closure_are_recorded_without_the_case_id() {
        record(opened(CASE));
        record(petitionFiled(CASE, day("2026-02-01")));
        record(granted(CASE, day("2026-03-01")));
        record(released(CASE, day("2026-04-01")));
        record(closed(CASE, day("2026-05-01")));

        Document summary = summary();
        assertThat(summary.get("clemency", Document.class))
                .isEqualTo(new Document("grantedOn", "2026-03-01").append("grantedBy", GRANTED_BY)
                                   .append("kind", "COMMUTATION").append("terms", TERMS));
        assertThat(summary.get("release", Document.class))
                .isEqualTo(new Document("releasedOn", "2026-04-01").append("reason", "CLEMENCY"));
        assertThat(summary.get("closure", Document.class))
                .isEqualTo(new Document("closedOn", "2026-05-01").append("reason", CLOSE_REASON));
        assertThat(summary.getString("status")).isEqualTo("CLOSED");
        assertThat(summary.getString("lastActivityOn")).isEqualTo("2026-05-01");
    }

    @Test
    void redelivered_events_are_applied_once() {
        CaseEvent letter = letter(CASE, FACT_DATE);
        CaseEvent petition = petitionFiled(CASE, FACT_DATE);
        projection.on(opened(CASE), 0, at(0));
        projection.on(letter, 1, at(1));
        projection.on(letter, 1, at(1));
        projection.on(petition, 2, at(2));
        Document before = summary();

        // the same event again, and older ones after a newer one
        projection.on(petition, 2, at(2));
        projection.on(letter, 1, at(1));
        projection.on(opened(CASE), 0, at(0));

        Document after = summary();
        assertThat(after).isEqualTo(before);
        assertThat(counts(after).getInteger("letters")).isEqualTo(1);
        assertThat(counts(after).getInteger("petitions")).isEqualTo(1);
        assertThat(after.getList("petitions", Document.class)).hasSize(1);
        assertThat(((Number) after.get("version")).longValue()).isEqualTo(2);
        assertThat(projection.appliedSequence(CASE)).isEqualTo(2);
    }

    @Test
    void an_event_of_a_case_never_opened_is_rejected() {
        assertThatThrownBy(() -> projection.on(letter(CASE, FACT_DATE), 1, at(1)))
                .isInstanceOf(IllegalStateException.class);
        assertThat(projection.find(CASE)).isEmpty();
    }

    @Test
    void reset_empties_the_read_model() {
        record(opened(CASE));
        record(letter(CASE, FACT_DATE));
        projection.on(opened(new CaseId("case-0002")), 0, at(5));

        projection.reset();

        assertThat(projection.find(CASE)).isEmpty();
        assertThat(projection.list(null, null, null, 0, 10).items()).isEmpty();
        assertThat(projection.list(null, null, null, 0, 10).total()).isZero();
        assertThat(projection.appliedSequence(CASE)).isEqualTo(-1);
        assertThat(database.getCollection(CaseSummaryProjection.COLLECTION).countDocuments()).isZero();

        // and the case can be projected again from its first event
        projection.on(opened(CASE), 0, at(0));
        assertThat(summary().getString("status")).isEqualTo("OPEN");
    }

    @Test
    void applied_sequence_is_minus_one_for_unknown_cases() {
        record(opened(CASE));

        assertThat(projection.appliedSequence(new CaseId("no-such-case"))).isEqualTo(-1);
        assertThat(projection.find(new CaseId("no-such-case"))).isEmpty();
    }

    // ---------------------------------------------------------------- list

    private static final CampaignId OTHER_CAMPAIGN = new CampaignId("bring-them-home");

    private void open(String caseId, CampaignId campaignId, String name, String offense) {
        projection.on(opened(new CaseId(caseId), campaignId, person(name), offense), 0, at(0));
    }

    private static List<String> ids(CasePage page) {
        return page.items().stream().map(CaseSummary::id).toList();
    }

    @Test
    void list_filters_by_campaign() {
        open("c1", CAMPAIGN, "Alice", OFFENSE);
        open("c2", OTHER_CAMPAIGN, "Bob", OFFENSE);
        open("c3", CAMPAIGN, "Carol", OFFENSE);

        CasePage page = projection.list(Set.of(CAMPAIGN.value()), null, null, 0, 10);
        assertThat(ids(page)).containsExactly("c1", "c3");
        assertThat(page.total()).isEqualTo(2);
        assertThat(ids(projection.list(Set.of(OTHER_CAMPAIGN.value()), null, null, 0, 10))).containsExactly("c2");
        assertThat(ids(projection.list(Set.of("unknown"), null, null, 0, 10))).isEmpty();
        assertThat(ids(projection.list(Set.of(CAMPAIGN.value(), OTHER_CAMPAIGN.value()), null, null, 0, 10)))
                .containsExactly("c1", "c2", "c3");
        assertThat(ids(projection.list(Set.of(), null, null, 0, 10))).as("no campaign, no case").isEmpty();
    }

    @Test
    void list_filters_by_status() {
        open("c1", CAMPAIGN, "Alice", OFFENSE);
        open("c2", CAMPAIGN, "Bob", OFFENSE);
        open("c3", OTHER_CAMPAIGN, "Carol", OFFENSE);
        projection.on(petitionFiled(new CaseId("c2"), FACT_DATE), 1, at(1));
        projection.on(petitionFiled(new CaseId("c3"), FACT_DATE), 1, at(1));

        assertThat(ids(projection.list(null, CaseStatus.OPEN, null, 0, 10))).containsExactly("c1");
        assertThat(ids(projection.list(null, CaseStatus.PETITION_FILED, null, 0, 10))).containsExactly("c2", "c3");
        assertThat(ids(projection.list(Set.of(CAMPAIGN.value()), CaseStatus.PETITION_FILED, null, 0, 10)))
                .containsExactly("c2");
        assertThat(projection.list(null, CaseStatus.RELEASED, null, 0, 10).total()).isZero();
    }

    @Test
    void list_filters_by_text_without_regard_to_case() {
        open("c1", CAMPAIGN, "Maria Alvarez", "drug conspiracy");
        open("c2", CAMPAIGN, "John Smith", "Wire Fraud");
        projection.on(opened(new CaseId("c3"), CAMPAIGN), 0, at(0)); // inmate number 40123-112, FCI Aliceville

        assertThat(ids(projection.list(null, null, "ALVAREZ", 0, 10))).containsExactly("c1", "c3");
        assertThat(ids(projection.list(null, null, "  wire fraud ", 0, 10))).containsExactly("c2");
        assertThat(ids(projection.list(null, null, "40123-112", 0, 10))).containsExactly("c3");
        assertThat(ids(projection.list(null, null, "Aliceville", 0, 10))).containsExactly("c2", "c1", "c3");
        assertThat(ids(projection.list(null, null, "nobody", 0, 10))).isEmpty();
        open("c4", OTHER_CAMPAIGN, "José Muñoz", "Évasion");
        assertThat(ids(projection.list(null, null, "MUÑOZ", 0, 10))).containsExactly("c4");
        assertThat(ids(projection.list(null, null, "évasion", 0, 10))).containsExactly("c4");
        assertThat(ids(projection.list(Set.of(CAMPAIGN.value()), null, "   ", 0, 10))).as("blank text is no filter")
                                                                 .containsExactly("c2", "c1", "c3");
    }

    @Test
    void list_treats_regex_metacharacters_in_the_text_literally() {
        open("c1", CAMPAIGN, "Alice", "count a.b(c) of the indictment");
        open("c2", CAMPAIGN, "Bob", "count axb(c) of the indictment");
        open("c3", CAMPAIGN, "Carol", "count ab of the indictment");

        assertThat(ids(projection.list(null, null, "a.b(", 0, 10))).containsExactly("c1");
        assertThat(ids(projection.list(null, null, "A.B(C)", 0, 10))).containsExactly("c1");
        assertThat(ids(projection.list(null, null, ".*", 0, 10))).isEmpty();
        assertThat(ids(projection.list(null, null, "[ab]", 0, 10))).isEmpty();
        assertThat(ids(projection.list(null, null, "\\E.*", 0, 10))).isEmpty();
    }

    @Test
    void list_pages_in_order_of_the_persons_name() {
        open("c5", CAMPAIGN, "Eve", OFFENSE);
        open("c1", CAMPAIGN, "Alice", OFFENSE);
        open("c4", CAMPAIGN, "Dan", OFFENSE);
        open("c2", CAMPAIGN, "Bob", OFFENSE);
        open("c3", CAMPAIGN, "Carol", OFFENSE);

        CasePage first = projection.list(null, null, null, 0, 2);
        CasePage second = projection.list(null, null, null, 1, 2);
        CasePage third = projection.list(null, null, null, 2, 2);
        CasePage beyond = projection.list(null, null, null, 3, 2);

        assertThat(ids(first)).containsExactly("c1", "c2");
        assertThat(ids(second)).containsExactly("c3", "c4");
        assertThat(ids(third)).containsExactly("c5");
        assertThat(ids(beyond)).isEmpty();
        assertThat(List.of(first, second, third, beyond)).allSatisfy(page -> {
            assertThat(page.total()).isEqualTo(5);
            assertThat(page.size()).isEqualTo(2);
        });
        assertThat(second.page()).isEqualTo(1);
    }

    @Test
    void list_orders_cases_of_the_same_name_by_id() {
        open("c2", CAMPAIGN, "Alice", OFFENSE);
        open("c1", CAMPAIGN, "Alice", OFFENSE);
        open("c0", CAMPAIGN, "Bob", OFFENSE);

        assertThat(ids(projection.list(null, null, null, 0, 10))).containsExactly("c1", "c2", "c0");
    }

    @Test
    void list_total_counts_the_filtered_cases_not_the_page() {
        for (int i = 0; i < 7; i++) {
            open("c" + i, i % 2 == 0 ? CAMPAIGN : OTHER_CAMPAIGN, "Person " + i, OFFENSE);
        }

        CasePage page = projection.list(Set.of(CAMPAIGN.value()), null, "person", 1, 3);
        assertThat(page.total()).isEqualTo(4);
        assertThat(ids(page)).containsExactly("c6");
    }

    @Test
    void the_bookkeeping_never_appears_in_results() {
        open("c1", CAMPAIGN, "Alice", OFFENSE);
        open("c2", CAMPAIGN, "Bob", OFFENSE);

        assertThat(Arrays.stream(CaseSummary.class.getRecordComponents()).map(RecordComponent::getName))
                .doesNotContain("search", "replacing", "petitionSequences", "_id");
        assertThat(projection.list(null, null, "BOB", 0, 10).items()).singleElement()
                .satisfies(item -> assertThat(RecordDocuments.toDocument(item))
                        .doesNotContainKeys("search", "replacing", "petitionSequences", "_id"));
    }

    @Test
    void list_items_are_the_same_as_the_case_views() {
        open("c1", CAMPAIGN, "Alice", OFFENSE);
        projection.on(letter(new CaseId("c1"), FACT_DATE), 1, Instant.parse("2026-06-02T08:00:00Z"));

        assertThat(projection.list(null, null, null, 0, 10).items())
                .containsExactly(projection.find(new CaseId("c1")).orElseThrow());
    }
}
