package org.freedomcampaigns.tracker.projections.support;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.function.Supplier;

import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;

/**
 * What the read models hold during one batch of an event processor (its root unit of work), and the writes that put
 * it into MongoDB once the batch's last event has been handled ({@link FlushAtBatchEnd}), in a fixed order.
 */
public final class BatchResources {
    private static final String WRITES = BatchResources.class.getName() + ":writes";

    private BatchResources() {
    }

    /**
     * What the current batch holds under {@code key}, created on first use and written by {@code write} when the
     * batch is written ({@link #atBatchWrite}). Not a compute-if-absent: registering the write touches the same
     * resources.
     */
    public static <T> T perBatch(String key, Supplier<T> create, int order, Consumer<T> write) {
        UnitOfWork<?> root = CurrentUnitOfWork.get().root();
        T held = root.getResource(key);
        if (held == null) {
            T created = create.get();
            root.resources().put(key, created);
            atBatchWrite(order, () -> write.accept(created));
            held = created;
        }
        return held;
    }

    /**
     * Has {@code write} run when the current batch is written, in {@code order} among the batch's writes (lowest
     * first); it runs again if the batch is written again, so it must write only what it holds since. A write that
     * throws stops the writes after it.
     */
    public static void atBatchWrite(int order, Runnable write) {
        UnitOfWork<?> root = CurrentUnitOfWork.get().root();
        TreeMap<Integer, List<Runnable>> writes = root.getOrComputeResource(WRITES, key -> {
            root.onPrepareCommit(u -> writeAll(root));
            return new TreeMap<>();
        });
        writes.computeIfAbsent(order, o -> new ArrayList<>()).add(write);
    }

    /**
     * Writes everything the current batch holds, in order. Called when the batch's last event has been handled;
     * what is left at the commit (units of work outside an event processor) is written then.
     */
    public static void writeCurrentBatch() {
        if (CurrentUnitOfWork.isStarted()) {
            writeAll(CurrentUnitOfWork.get().root());
        }
    }

    private static void writeAll(UnitOfWork<?> root) {
        TreeMap<Integer, List<Runnable>> writes = root.getResource(WRITES);
        if (writes != null) {
            writes.values().forEach(list -> list.forEach(Runnable::run));
        }
    }
}
