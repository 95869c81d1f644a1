package org.freedomcampaigns.tracker.projections;

import static org.assertj.core.api.Assertions.assertThat;
import static org.freedomcampaigns.tracker.projections.TestEvents.at;
import static org.freedomcampaigns.tracker.projections.TestEvents.closed;
import static org.freedomcampaigns.tracker.projections.TestEvents.day;
import static org.freedomcampaigns.tracker.projections.TestEvents.denied;
import static org.freedomcampaigns.tracker.projections.TestEvents.familyContacted;
import static org.freedomcampaigns.tracker.projections.TestEvents.granted;
import static org.freedomcampaigns.tracker.projections.TestEvents.launched;
import static org.freedomcampaigns.tracker.projections.TestEvents.legalConsultation;
import static org.freedomcampaigns.tracker.projections.TestEvents.letter;
import static org.freedomcampaigns.tracker.projections.TestEvents.lobbied;
import static org.freedomcampaigns.tracker.projections.TestEvents.note;
import static org.freedomcampaigns.tracker.projections.TestEvents.opened;
import static org.freedomcampaigns.tracker.projections.TestEvents.person;
import static org.freedomcampaigns.tracker.projections.TestEvents.petitionFiled;
import static org.freedomcampaigns.tracker.projections.TestEvents.released;
import static org.freedomcampaigns.tracker.projections.TestEvents.visit;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.freedomcampaigns.tracker.facts.CampaignEvent;
import org.freedomcampaigns.tracker.facts.CampaignId;
import org.freedomcampaigns.tracker.facts.CaseEvent;
import org.freedomcampaigns.tracker.facts.CaseId;
import org.freedomcampaigns.tracker.facts.Official;
import org.freedomcampaigns.tracker.projections.casesummary.CaseSummaryProjection;
import org.freedomcampaigns.tracker.projections.dashboard.CampaignDashboardProjection;
import org.freedomcampaigns.tracker.projections.timeline.TimelineProjection;
import org.junit.jupiter.api.Test;

/** Resetting every read model and replaying the event stream rebuilds exactly the same views. */
class ReadModelRebuildTest extends AllReadModelsTestBase {
    private static final CampaignId FREE = new CampaignId("free-them-all");
    private static final CampaignId HOME = new CampaignId("bring-them-home");
    private static final CaseId C1 = new CaseId("case-0001");
    private static final CaseId C2 = new CaseId("case-0002");
    private static final CaseId C3 = new CaseId("case-0003");
    private static final List<CaseId> CASES = List.of(C1, C2, C3);
    private static final Official GOVERNOR = new Official("Gavin Stone", "Governor", "California");

    /** Two campaigns and three cases, their events interleaved as the global event stream would deliver them. */
    private static List<Recorded> stream() {
        List<Object> payloads = List.of(
                launched(FREE),
                launched(HOME),
                opened(C1, FREE),
                opened(C2, FREE, person("Bob Stone"), "wire fraud"),
                letter(C1, day("2026-02-01")),
                opened(C3, HOME, person("Carla Diaz"), "robbery"),
                lobbied(C1, day("2026-02-10")),
                lobbied(C2, day("2026-02-05")),
                visit(C3, day("2026-02-07")),
                petitionFiled(C1, day("2026-02-15")),
                note(C2),
                lobbied(C3, day("2026-03-01"), GOVERNOR),
                familyContacted(C2, day("2026-01-30")),
                denied(C1, day("2026-03-10")),
                petitionFiled(C1, "C-2026-0050", day("2026-03-20")),
                legalConsultation(C3, day("2026-03-02")),
                petitionFiled(C3, day("2026-03-03")),
                granted(C3, day("2026-04-01")),
                lobbied(C1, day("2026-01-20"), GOVERNOR),
                released(C3, day("2026-04-15")),
                letter(C2, day("2026-04-02")),
                closed(C3, day("2026-05-01")),
                note(C1, "Follow up with\nthe pardon attorney"));
        Map<String, Long> sequences = new HashMap<>();
        List<Recorded> stream = new ArrayList<>();
        for (int i = 0; i < payloads.size(); i++) {
            Object payload = payloads.get(i);
            String aggregate = payload instanceof CaseEvent e ? e.caseId().value()
                                                              : ((CampaignEvent) payload).campaignId().value();
            long sequence = sequences.merge(aggregate, 0L, (last, ignored) -> last + 1);
            stream.add(new Recorded(payload, sequence, at(60L * i)));
        }
        return stream;
    }

    private void applyAll(List<Recorded> stream) {
        drivers.forEach(driver -> driver.applyAll(stream));
    }

    /** Everything the read models show through their public API. */
    private Map<String, Object> views() {
        Map<String, Object> views = new LinkedHashMap<>();
        views.put("case list", summaries.list(null, null, null, 0, 100));
        for (CaseId id : CASES) {
            views.put("summary " + id, summaries.find(id));
            views.put("timeline " + id, timelines.entries(id));
            views.put("progress " + id, List.of(summaries.appliedSequence(id), timelines.appliedSequence(id),
                                                dashboards.appliedSequence(id)));
        }
        views.put("dashboards", dashboards.all());
        views.put("dashboard " + FREE, dashboards.find(FREE));
        views.put("dashboard " + HOME, dashboards.find(HOME));
        views.put("officials", officials.all());
        return views;
    }

    @Test
    void resetting_and_replaying_rebuilds_identical_views() {
        List<Recorded> stream = stream();
        applyAll(stream);
        Map<String, Object> before = views();

        // the views are not trivially empty
        assertThat(summaries.list(null, null, null, 0, 100).total()).isEqualTo(3);
        assertThat(timelines.entries(C1).orElseThrow()).hasSize(8);
        assertThat(dashboards.all()).hasSize(2);
        assertThat(officials.all()).hasSize(2);
        assertThat(dashboards.find(HOME).orElseThrow().casesByStatus().get("CLOSED")).isEqualTo(1);

        drivers.forEach(ProjectionDriver::reset);
        assertThat(summaries.list(null, null, null, 0, 100).total()).isZero();
        assertThat(CASES).allSatisfy(id -> {
            assertThat(summaries.find(id)).isEmpty();
            assertThat(timelines.entries(id)).isEmpty();
            assertThat(summaries.appliedSequence(id)).isEqualTo(-1);
            assertThat(timelines.appliedSequence(id)).isEqualTo(-1);
            assertThat(dashboards.appliedSequence(id)).isEqualTo(-1);
        });
        assertThat(dashboards.all()).isEmpty();
        assertThat(officials.all()).isEmpty();

        applyAll(stream);

        assertThat(views()).isEqualTo(before);
    }

    @Test
    void replaying_with_redeliveries_gives_the_same_views_as_a_clean_replay() {
        List<Recorded> stream = stream();
        applyAll(stream);
        Map<String, Object> clean = views();
        drivers.forEach(ProjectionDriver::reset);

        // every event delivered twice, and the whole stream once more afterwards
        List<Recorded> noisy = new ArrayList<>();
        stream.forEach(event -> {
            noisy.add(event);
            noisy.add(event);
        });
        noisy.addAll(stream);
        applyAll(noisy);

        assertThat(views()).isEqualTo(clean);
    }

    @Test
    void applying_in_batches_within_units_of_work_gives_the_same_views() {
        List<Recorded> stream = stream();
        applyAll(stream);
        Map<String, Object> oneByOne = views();
        drivers.forEach(ProjectionDriver::reset);

        int batchSize = 5;
        for (int from = 0; from < stream.size(); from += batchSize) {
            List<Recorded> batch = stream.subList(from, Math.min(from + batchSize, stream.size()));
            DefaultUnitOfWork.startAndGet(null).execute(() -> drivers.forEach(driver -> driver.applyAll(batch)));
        }

        assertThat(views()).isEqualTo(oneByOne);
    }

    @Test
    void a_batch_of_event_messages_reads_the_documents_of_its_cases_in_one_query_per_collection() {
        List<Recorded> stream = stream();
        applyAll(stream);
        Map<String, Object> oneByOne = views();
        drivers.forEach(ProjectionDriver::reset);
        finds.clear();

        // as a tracking processor runs a batch: one unit of work holding the batch's event messages
        List<EventMessage<?>> messages = stream.stream()
                                               .<EventMessage<?>>map(r -> GenericEventMessage.asEventMessage(r.payload()))
                                               .toList();
        BatchingUnitOfWork<EventMessage<?>> batch = new BatchingUnitOfWork<>(messages);
        batch.start();
        drivers.forEach(driver -> driver.applyAll(stream));
        batch.commit();
        Map<String, Integer> reads = new HashMap<>();
        finds.forEach((collection, count) -> reads.put(collection, count.get()));

        assertThat(views()).isEqualTo(oneByOne);
        // three cases: their summaries, timelines and dashboard links each asked for once, not once per case
        assertThat(reads).containsEntry(CaseSummaryProjection.COLLECTION, 1)
                         .containsEntry(TimelineProjection.COLLECTION, 1)
                         .containsEntry(CampaignDashboardProjection.CASES_COLLECTION, 1)
                         .doesNotContainKey(TimelineProjection.ENTRIES_COLLECTION);
    }

    @Test
    void a_batch_is_written_only_when_its_unit_of_work_commits() {
        List<Recorded> stream = stream();
        List<Recorded> firstBatch = stream.subList(0, 8);
        UnitOfWork<?> failing = DefaultUnitOfWork.startAndGet(null);
        drivers.forEach(driver -> driver.applyAll(firstBatch));
        assertThat(summaries.find(C1)).as("nothing written before commit").isEmpty();
        failing.rollback();
        assertThat(summaries.find(C1)).as("nothing written after a rollback").isEmpty();
        assertThat(dashboards.all()).isEmpty();

        // the processor then retries the same events, and the rest follow
        DefaultUnitOfWork.startAndGet(null).execute(() -> drivers.forEach(driver -> driver.applyAll(firstBatch)));
        DefaultUnitOfWork.startAndGet(null).execute(
                () -> drivers.forEach(driver -> driver.applyAll(stream.subList(8, stream.size()))));
        Map<String, Object> batched = views();
        drivers.forEach(ProjectionDriver::reset);
        applyAll(stream);
        assertThat(batched).isEqualTo(views());
    }
}
