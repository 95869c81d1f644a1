package org.freedomcampaigns.tracker.projections.support;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.axonframework.messaging.Message;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;

/**
 * Lets one event of a batch fail without leaving anything of itself behind while the batch goes on (its event is
 * dead-lettered): each event's reads and writes are journaled by document ({@link #beginEvent}, {@link #touched}),
 * and {@link #undoFailedEvent} puts the documents it touched back as the batch's other events left them: forgotten
 * by their holder (read again as stored), and the batch's earlier events that touched them applied again.
 *
 * <p>Handlers must therefore be deterministic functions of the documents they read and the event, which idempotent
 * read models are. The happy path pays for the journal only (a few ids per event); the undo is paid when an event
 * fails. Once the batch is written nothing before can be undone, nor needs to be: the journal is dropped then.
 */
public final class UndoJournal {
    private static final String KEY = UndoJournal.class.getName();
    /** Before every other write of the batch: a broken batch writes nothing. */
    private static final int GUARD = Integer.MIN_VALUE;
    /** After every other write of the batch. */
    private static final int DONE = Integer.MAX_VALUE;

    /** Who holds a batch's version of documents, and can drop one so that it is read again as stored. */
    public interface Holder {
        void forget(String id);
    }

    /** Applies one event to the read model again, as its handler did; see {@link #undoFailedEvent}. */
    @FunctionalInterface
    public interface Reapply {
        void handle(Message<?> event) throws Exception;
    }

    private record Touched(Holder holder, String id) {
    }

    /** One event of the batch and the documents its handling read or wrote. */
    private static final class Handled {
        final Message<?> message;
        final Set<Touched> touched = new LinkedHashSet<>();
        boolean failed;

        Handled(Message<?> message) {
            this.message = message;
        }
    }

    private final List<Handled> events = new ArrayList<>();
    private Handled current;
    /** Set when an undo could not be completed: the batch must not be written. */
    private String broken;

    private UndoJournal() {
    }

    /** The current batch's journal, or null outside a unit of work. */
    private static UndoJournal current() {
        if (!CurrentUnitOfWork.isStarted()) {
            return null;
        }
        return BatchResources.perBatch(KEY, () -> {
            UndoJournal journal = new UndoJournal();
            BatchResources.atBatchWrite(GUARD, journal::refuseIfBroken);
            return journal;
        }, DONE, UndoJournal::clear);
    }

    /**
     * Starts journaling the handling of an event of the current batch; every read model write of a processor must
     * be wrapped in these (see {@link FlushAtBatchEnd}).
     */
    public static void beginEvent(Message<?> event) {
        UndoJournal journal = current();
        if (journal == null) {
            return;
        }
        journal.current = new Handled(event);
        journal.events.add(journal.current);
    }

    /** Records that the current event read or wrote a document the holder keeps for the batch. */
    public static void touched(Holder holder, String id) {
        UndoJournal journal = current();
        if (journal != null && journal.current != null) {
            journal.current.touched.add(new Touched(holder, id));
        }
    }

    /**
     * Takes back what the current event did to this batch's documents, after its handler failed: the documents it
     * touched are forgotten, and the batch's earlier events that touched any of them — and, in turn, anything those
     * touched — are applied again in order through {@code reapply}. With no {@code reapply} (the handler is not at
     * hand), an undo that would need one marks the batch as not to be written instead: it then fails as a whole and
     * is delivered again.
     */
    public static void undoFailedEvent(Reapply reapply) {
        UndoJournal journal = current();
        if (journal == null || journal.current == null || journal.current.failed) {
            return;
        }
        journal.undo(reapply);
    }

    private void undo(Reapply reapply) {
        Handled failed = current;
        failed.failed = true;
        // the documents to reload, closed over the earlier events that touched them
        Set<Touched> reload = new LinkedHashSet<>(failed.touched);
        List<Handled> again = new ArrayList<>();
        boolean grew = true;
        while (grew) {
            grew = false;
            for (Handled earlier : events) {
                if (earlier == failed || earlier.failed || again.contains(earlier)) {
                    continue;
                }
                if (earlier.touched.stream().anyMatch(reload::contains)) {
                    again.add(earlier);
                    grew |= reload.addAll(earlier.touched);
                }
            }
        }
        reload.forEach(touched -> touched.holder().forget(touched.id()));
        if (again.isEmpty()) {
            return;
        }
        if (reapply == null) {
            broken = "an event failed after earlier events of its batch changed the same documents";
            return;
        }
        again.sort(Comparator.comparingInt(events::indexOf));
        try {
            for (Handled earlier : again) {
                current = earlier;
                earlier.touched.clear();
                reapply.handle(earlier.message);
            }
        } catch (Exception e) {
            broken = "applying the batch's earlier events again failed: " + e.getClass().getName();
        } finally {
            current = failed;
        }
    }

    private void refuseIfBroken() {
        if (broken != null) {
            throw new IllegalStateException("the batch's read model documents are not written: " + broken);
        }
    }

    private void clear() {
        events.clear();
        current = null;
    }
}
