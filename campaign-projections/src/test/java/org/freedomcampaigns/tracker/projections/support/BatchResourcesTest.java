package org.freedomcampaigns.tracker.projections.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.junit.jupiter.api.Test;

/** {@link BatchResources}: what a batch holds is created once, and written in order when the batch is written. */
class BatchResourcesTest {
    private final List<String> written = new ArrayList<>();

    private static UnitOfWork<?> batch() {
        return DefaultUnitOfWork.startAndGet(GenericEventMessage.asEventMessage("batch"));
    }

    @Test
    void a_resource_is_created_once_per_batch_and_its_write_registered_once() {
        UnitOfWork<?> unitOfWork = batch();
        List<String> first = BatchResources.perBatch("key", ArrayList::new, 0, held -> written.add("held " + held));
        first.add("x");
        List<String> second = BatchResources.perBatch("key", ArrayList::new, 0, held -> written.add("again"));

        BatchResources.writeCurrentBatch();

        assertThat(second).isSameAs(first);
        assertThat(written).containsExactly("held [x]");
        unitOfWork.rollback();
    }

    @Test
    void writes_run_lowest_order_first_and_a_failing_write_stops_the_later_ones() {
        UnitOfWork<?> unitOfWork = batch();
        BatchResources.atBatchWrite(2, () -> written.add("token guard"));
        BatchResources.atBatchWrite(0, () -> written.add("documents"));
        BatchResources.atBatchWrite(1, () -> {
            written.add("letters");
            throw new IllegalStateException("store down");
        });

        try {
            BatchResources.writeCurrentBatch();
        } catch (IllegalStateException expected) {
            written.add("failed");
        }

        assertThat(written).containsExactly("documents", "letters", "failed");
        unitOfWork.rollback();
    }

    @Test
    void what_is_left_at_the_commit_is_written_then() {
        UnitOfWork<?> unitOfWork = batch();
        BatchResources.atBatchWrite(0, () -> written.add("documents"));

        unitOfWork.commit();

        assertThat(written).containsExactly("documents");
    }

    @Test
    void outside_a_unit_of_work_there_is_no_batch_to_write() {
        BatchResources.writeCurrentBatch();

        assertThat(written).isEmpty();
    }
}
