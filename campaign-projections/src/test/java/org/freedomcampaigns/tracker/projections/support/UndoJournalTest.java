package org.freedomcampaigns.tracker.projections.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@link UndoJournal} without a database: a batch of events adds numbers to counters held in memory for the batch;
 * an event that fails must leave every counter exactly as the batch's other events left it.
 */
class UndoJournalTest {
    /** Adds {@code amount} to each of {@code counters}, then fails if told to. */
    record Add(int amount, boolean fails, String... counters) {
    }

    /** Counters as stored, and the batch's versions of them: the holder the journal knows. */
    private final Map<String, Integer> stored = new HashMap<>(Map.of("a", 0, "b", 0, "c", 0));
    private final Map<String, Integer> batch = new HashMap<>();
    private final UndoJournal.Holder holder = batch::remove;
    private final List<Object> applied = new ArrayList<>();
    private UnitOfWork<?> unitOfWork;

    @AfterEach
    void end() {
        if (unitOfWork != null && unitOfWork.isActive()) {
            unitOfWork.rollback();
        }
    }

    private int read(String id) {
        UndoJournal.touched(holder, id);
        return batch.computeIfAbsent(id, stored::get);
    }

    private void handle(Message<?> message) {
        Add add = (Add) message.getPayload();
        applied.add(add);
        for (String counter : add.counters()) {
            int value = read(counter);
            UndoJournal.touched(holder, counter);
            batch.put(counter, value + add.amount());
        }
        if (add.fails()) {
            throw new IllegalStateException("poison");
        }
    }

    /** Handles the events in one batch as a processor with {@link FlushAtBatchEnd} and {@link UndoFailedEvent} does. */
    private void batchOf(UndoJournal.Reapply reapply, Add... events) {
        unitOfWork = DefaultUnitOfWork.startAndGet(GenericEventMessage.asEventMessage("batch"));
        for (Add add : events) {
            EventMessage<Add> message = GenericEventMessage.asEventMessage(add);
            UndoJournal.beginEvent(message);
            try {
                handle(message);
            } catch (IllegalStateException poison) {
                UndoJournal.undoFailedEvent(reapply);
            }
        }
    }

    private Map<String, Integer> counters() {
        Map<String, Integer> now = new HashMap<>(stored);
        now.putAll(batch);
        return now;
    }

    @Test
    void a_failed_event_leaves_the_documents_as_the_events_before_it_left_them() {
        batchOf(this::handle, new Add(1, false, "a"), new Add(10, false, "b"), new Add(100, true, "a"));

        assertThat(counters()).isEqualTo(Map.of("a", 1, "b", 10, "c", 0));
    }

    @Test
    void only_the_earlier_events_that_touched_the_same_documents_are_applied_again() {
        batchOf(this::handle, new Add(1, false, "a"), new Add(10, false, "b"), new Add(100, true, "a"));

        assertThat(applied).hasSize(4);
        assertThat(((Add) applied.get(3)).amount()).as("applied again").isEqualTo(1);
    }

    @Test
    void documents_tied_through_an_earlier_event_are_restored_too() {
        // the second event ties b to a; the failing one touched only a, so both are reloaded and both events redone
        batchOf(this::handle, new Add(1, false, "b"), new Add(10, false, "a", "b"), new Add(100, true, "a"),
                new Add(1000, false, "c"));

        assertThat(counters()).isEqualTo(Map.of("a", 10, "b", 11, "c", 1000));
    }

    @Test
    void the_events_after_a_failed_one_go_on_from_where_it_was_taken_back() {
        batchOf(this::handle, new Add(1, false, "a"), new Add(100, true, "a"), new Add(10, false, "a"));

        assertThat(counters()).isEqualTo(Map.of("a", 11, "b", 0, "c", 0));
    }

    @Test
    void an_event_failing_twice_is_taken_back_once() {
        batchOf(this::handle, new Add(1, false, "a"), new Add(100, true, "a"));
        int appliedBefore = applied.size();

        UndoJournal.undoFailedEvent(this::handle);

        assertThat(applied).hasSize(appliedBefore);
        assertThat(counters()).isEqualTo(Map.of("a", 1, "b", 0, "c", 0));
    }

    @Test
    void without_the_handler_at_hand_a_batch_that_needs_an_undo_is_not_written() {
        batchOf(null, new Add(1, false, "a"), new Add(100, true, "a"));
        List<String> written = new ArrayList<>();
        BatchResources.atBatchWrite(0, () -> written.add("documents"));

        assertThatThrownBy(BatchResources::writeCurrentBatch).hasMessageContaining("not written");
        assertThat(written).isEmpty();
    }

    @Test
    void without_the_handler_an_event_that_shares_nothing_is_still_taken_back() {
        batchOf(null, new Add(1, false, "a"), new Add(100, true, "b"));
        BatchResources.writeCurrentBatch();

        assertThat(counters()).isEqualTo(Map.of("a", 1, "b", 0, "c", 0));
    }

    @Test
    void once_the_batch_is_written_nothing_before_is_undone() {
        batchOf(this::handle, new Add(1, false, "a"));
        BatchResources.writeCurrentBatch();
        stored.putAll(batch);
        batch.clear();
        int appliedBefore = applied.size();

        EventMessage<Add> late = GenericEventMessage.asEventMessage(new Add(100, true, "a"));
        UndoJournal.beginEvent(late);
        try {
            handle(late);
        } catch (IllegalStateException poison) {
            UndoJournal.undoFailedEvent(this::handle);
        }

        assertThat(applied).as("nothing applied again").hasSize(appliedBefore + 1);
        assertThat(counters()).isEqualTo(Map.of("a", 1, "b", 0, "c", 0));
    }

    @Test
    void outside_a_unit_of_work_the_journal_keeps_nothing() {
        UndoJournal.beginEvent(GenericEventMessage.asEventMessage(new Add(1, false, "a")));
        UndoJournal.touched(holder, "a");
        UndoJournal.undoFailedEvent(this::handle);

        assertThat(applied).isEmpty();
    }
}
