package org.freedomcampaigns.tracker.eventstore;

import static org.freedomcampaigns.tracker.eventstore.CommitDocuments.AGGREGATE_ID;
import static org.freedomcampaigns.tracker.eventstore.CommitDocuments.APPENDED_AT;
import static org.freedomcampaigns.tracker.eventstore.CommitDocuments.FIRST_SEQ;
import static org.freedomcampaigns.tracker.eventstore.CommitDocuments.ID;
import static org.freedomcampaigns.tracker.eventstore.CommitDocuments.KEY;
import static org.freedomcampaigns.tracker.eventstore.CommitDocuments.LAST_SEQ;
import static org.freedomcampaigns.tracker.eventstore.CommitDocuments.REQUEST;
import static org.freedomcampaigns.tracker.eventstore.CommitDocuments.TYPE;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.stream.LongStream;
import java.util.stream.Stream;


import org.axonframework.common.DateTimeUtils;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.eventhandling.DomainEventData;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.eventhandling.TrackedDomainEventData;
import org.axonframework.eventhandling.TrackedEventData;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.BatchingEventStorageEngine;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.bson.Document;
import org.freedomcampaigns.tracker.eventstore.CommitDocuments.Commit;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReplaceOptions;

/**
 * An Axon event storage engine on MongoDB whose cost does not grow with the size of the store.
 *
 * <ul>
 *     <li><b>Global sequence.</b> Every event gets a global index reserved at append time from a counter document
 *     ({@code $inc}), not from a clock. Tracking uses {@link GapAwareTrackingToken}s over that index: an index that
 *     was reserved but is not (yet) stored is a gap, delivered later if it is filled and given up once events stored
 *     after it are older than the gap timeout. A token is a number and a short list of gaps.</li>
 *     <li><b>Atomic appends.</b> The events of one aggregate appended together are one document
 *     ({@link CommitDocuments}).</li>
 *     <li><b>Durable, group-committed appends.</b> {@link GroupCommitter} stores all appends waiting at a moment with
 *     one reservation, one {@code insertMany} and one durability call (a store commit on the embedded server).</li>
 *     <li><b>Requests recorded once.</b> With {@link Builder#uniqueRequests(String)}, an append whose events carry a
 *     request identifier in their metadata is stored only if no commit holds that identifier yet (a unique index);
 *     a second one fails with {@link RequestAlreadyRecordedException}, and {@link #recordedRequest(String)} finds
 *     what the first one stored. The identifier is written in the same document as the events, so a crash cannot
 *     separate them.</li>
 *     <li><b>Index-served reads only.</b> Aggregates are read by exact commit keys ({@code $in} on a unique
 *     single-field index), tracking by exact global indexes ({@code $in} on {@code _id}), snapshots by {@code _id}.
 *     Neither the embedded server nor a real MongoDB scans.</li>
 * </ul>
 */
public class MongoEventStore extends BatchingEventStorageEngine implements AutoCloseable {
    public static final String COMMITS = "event_commits";
    public static final String COUNTERS = "event_counters";
    public static final String SNAPSHOTS = "event_snapshots";
    /** How far before a requested sequence number to look for the commit that holds it. */
    private static final int LOOK_BACK = 16;
    /** Values per {@code $in} query. */
    private static final int IN_CHUNK = 100;
    /** Commit keys asked for in the first lookup of an aggregate's chain. */
    private static final int FIRST_WINDOW = 32;
    /** How many sequence numbers past the end of a chain are checked for events cut off by a deletion. */
    private static final int VERIFY_LOOK_AHEAD = 1_000;

    private final MongoCollection<Document> commits;
    private final MongoCollection<Document> counters;
    private final MongoCollection<Document> snapshots;
    private final GroupCommitter committer;
    private final Duration gapTimeout;
    private final int maxGapOffset;
    private final String requestMetaDataKey;

    protected MongoEventStore(Builder builder) {
        super(builder);
        this.commits = builder.database.getCollection(COMMITS);
        this.counters = builder.database.getCollection(COUNTERS);
        this.snapshots = builder.database.getCollection(SNAPSHOTS);
        this.gapTimeout = builder.gapTimeout;
        this.maxGapOffset = builder.maxGapOffset;
        this.requestMetaDataKey = builder.requestMetaDataKey;
        commits.createIndex(Indexes.ascending(KEY), new IndexOptions().unique(true));
        commits.createIndex(Indexes.ascending(REQUEST), new IndexOptions().unique(true).sparse(true));
        this.committer = new GroupCommitter(commits, counters, builder.durability, builder.maxCommitsPerGroup);
    }

    public static Builder builder() {
        return new Builder();
    }

    // ------------------------------------------------------------------------------------------------ appending

    @Override
    protected void appendEvents(List<? extends EventMessage<?>> events, Serializer serializer) {
        if (events.isEmpty()) {
            return;
        }
        List<Commit> toStore = CommitDocuments.of(events, serializer, this::hashBefore, requestMetaDataKey);
        String request = toStore.get(0).request();
        try {
            committer.append(toStore);
        } catch (GroupCommitter.Conflict conflict) {
            // a concurrent append of the same request (a retry racing its original) breaks the request's index
            if (request != null && isRecorded(request)) {
                throw new RequestAlreadyRecordedException(request);
            }
            handlePersistenceException((Exception) conflict.getCause(), conflict.commit().firstEvent());
        }
    }

    private boolean isRecorded(String request) {
        return commits.find(Filters.eq(REQUEST, request)).projection(new Document(ID, 1)).first() != null;
    }

    /**
     * What the request recorded, as stored, or nothing if no append carried it (it was never made, failed, or was
     * cut off before it was durable).
     */
    public Optional<RecordedRequest> recordedRequest(String request) {
        Document commit = commits.find(Filters.eq(REQUEST, request)).first();
        if (commit == null) {
            return Optional.empty();
        }
        List<StoredEvent> events = new ArrayList<>();
        long index = firstIndex(commit);
        for (Document event : CommitDocuments.events(commit)) {
            events.add(stored(commit, event, index++));
        }
        return Optional.of(new RecordedRequest(request, commit.getString(TYPE), commit.getString(AGGREGATE_ID),
                                               events));
    }

    private static StoredEvent stored(Document commit, Document event, long globalIndex) {
        String aggregateId = commit.getString(AGGREGATE_ID);
        return new StoredEvent(aggregateId, aggregateId == null ? 0 : ((Number) event.get("seq")).longValue(),
                               globalIndex, event.getString("eventId"), event.getString("timestamp"),
                               event.getString("payloadType"), event.getString("revision"),
                               event.getString("payload"), event.getString("metaData"),
                               event.getString(EventHashes.FIELD));
    }

    /**
     * The stored hash of the aggregate's event just before {@code sequence}, "" before the first. An append that
     * would start inside a stored commit (after an event that is not its commit's last) is a concurrent change.
     */
    private String hashBefore(String aggregateIdentifier, long sequence) {
        if (sequence == 0) {
            return "";
        }
        Document commit = commitHolding(aggregateIdentifier, sequence - 1, FIRST_WINDOW);
        if (commit != null && ((Number) commit.get(LAST_SEQ)).longValue() >= sequence) {
            throw new ConcurrencyException("an event of aggregate " + aggregateIdentifier + " at sequence "
                                                   + sequence + " was already stored");
        }
        if (commit != null) {
            for (Document event : CommitDocuments.events(commit)) {
                if (((Number) event.get("seq")).longValue() == sequence - 1) {
                    return Objects.toString(event.getString(EventHashes.FIELD), "");
                }
            }
        }
        return "";
    }

    /**
     * Checks the aggregate's hash chain from its first event: each event's hash must match its content and the
     * previous event's hash, and the sequence numbers must follow each other. A missing event is found even when
     * later ones exist (the walk stops at the gap; the keys after it are looked up). Reads the store only.
     */
    public IntegrityReport verify(String aggregateIdentifier) {
        long[] expected = {0};
        String[] previous = {""};
        IntegrityReport[] broken = {null};
        walk(aggregateIdentifier, 0, (commit, event, globalIndex) -> {
            long sequence = ((Number) event.get("seq")).longValue();
            if (sequence != expected[0]) {
                broken[0] = IntegrityReport.broken(aggregateIdentifier, expected[0], expected[0],
                                                   "event " + expected[0] + " is missing");
                return false;
            }
            String stored = event.getString(EventHashes.FIELD);
            if (stored == null || !stored.equals(CommitDocuments.hashOf(aggregateIdentifier, event, previous[0]))) {
                broken[0] = IntegrityReport.broken(aggregateIdentifier, expected[0], sequence, stored == null
                        ? "event has no hash" : "event does not match its hash: it or an earlier one was changed");
                return false;
            }
            previous[0] = stored;
            expected[0]++;
            return true;
        });
        if (broken[0] != null) {
            return broken[0];
        }
        long next = expected[0];
        if (!fetchCommits(aggregateIdentifier, next + 1, next + 1 + VERIFY_LOOK_AHEAD).isEmpty()) {
            return IntegrityReport.broken(aggregateIdentifier, next, next,
                                          "event " + next + " is missing; later events exist");
        }
        return IntegrityReport.verified(aggregateIdentifier, next);
    }

    static boolean isDuplicateKey(Throwable exception) {
        if (exception instanceof MongoBulkWriteException bulk) {
            return bulk.getWriteErrors().stream()
                       .anyMatch(e -> ErrorCategory.fromErrorCode(e.getCode()) == ErrorCategory.DUPLICATE_KEY);
        }
        return exception instanceof MongoWriteException write
                && write.getError().getCategory() == ErrorCategory.DUPLICATE_KEY;
    }

    /**
     * Keeps the newest snapshot of each aggregate: the replace only matches a stored snapshot that is older, and the
     * upsert of a newer one that lost a race to an even newer one fails on the unique {@code _id} and is dropped.
     * (The condition on {@code seq} makes the embedded server scan the snapshots; snapshots are rare.)
     */
    @Override
    protected void storeSnapshot(DomainEventMessage<?> snapshot, Serializer serializer) {
        SerializedObject<String> payload = snapshot.serializePayload(serializer, String.class);
        SerializedObject<String> metaData = snapshot.serializeMetaData(serializer, String.class);
        Document document = new Document(ID, snapshot.getAggregateIdentifier())
                .append("type", snapshot.getType())
                .append("seq", snapshot.getSequenceNumber())
                .append("eventId", snapshot.getIdentifier())
                .append("timestamp", DateTimeUtils.formatInstant(snapshot.getTimestamp()))
                .append("payloadType", payload.getType().getName())
                .append("revision", payload.getType().getRevision())
                .append("payload", payload.getData())
                .append("metaData", metaData.getData());
        try {
            snapshots.replaceOne(Filters.and(Filters.eq(ID, snapshot.getAggregateIdentifier()),
                                             Filters.lt("seq", snapshot.getSequenceNumber())),
                                 document, new ReplaceOptions().upsert(true));
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
        }
    }

    // -------------------------------------------------------------------------------------- reading aggregates

    @Override
    protected Stream<? extends DomainEventData<?>> readSnapshotData(String aggregateIdentifier) {
        Document snapshot = snapshots.find(Filters.eq(ID, aggregateIdentifier)).first();
        if (snapshot == null) {
            return Stream.empty();
        }
        return Stream.of(new GenericDomainEventEntry<>(snapshot.getString("type"), aggregateIdentifier,
                                                       ((Number) snapshot.get("seq")).longValue(),
                                                       snapshot.getString("eventId"),
                                                       snapshot.getString("timestamp"),
                                                       snapshot.getString("payloadType"),
                                                       snapshot.getString("revision"),
                                                       snapshot.getString("payload"),
                                                       snapshot.getString("metaData")));
    }

    @Override
    protected boolean fetchForAggregateUntilEmpty() {
        return true;
    }

    /**
     * Walks the aggregate's chain of commits from the one holding {@code firstSequenceNumber}: each commit ends at
     * {@code lastSeq}, the next one is keyed {@code lastSeq + 1}. Keys are fetched a window at a time with one
     * {@code $in}, guessing one event per commit; commits of several events just leave keys unmatched.
     */
    @Override
    protected List<? extends DomainEventData<?>> fetchDomainEvents(String aggregateIdentifier,
                                                                   long firstSequenceNumber, int batchSize) {
        List<DomainEventData<?>> result = new ArrayList<>();
        walk(aggregateIdentifier, firstSequenceNumber, (commit, event, globalIndex) -> {
            result.add(CommitDocuments.entry(commit, event));
            return true;
        });
        return result;
    }

    /** Receives the events of a walk; answers whether to go on. */
    @FunctionalInterface
    private interface EventVisitor {
        boolean visit(Document commit, Document event, long globalIndex);
    }

    /** Visits the aggregate's events from a sequence number on, in order, until the visitor answers false. */
    private void walk(String aggregateIdentifier, long fromSequence, EventVisitor visitor) {
        Document commit = commitHolding(aggregateIdentifier, fromSequence, FIRST_WINDOW);
        // most aggregates since their last snapshot are short: start with a small window, grow it on long chains
        int window = FIRST_WINDOW;
        Map<Long, Document> fetched = new HashMap<>();
        while (commit != null) {
            long index = firstIndex(commit);
            for (Document event : CommitDocuments.events(commit)) {
                if (((Number) event.get("seq")).longValue() >= fromSequence
                        && !visitor.visit(commit, event, index)) {
                    return;
                }
                index++;
            }
            long next = ((Number) commit.get(LAST_SEQ)).longValue() + 1;
            commit = fetched.remove(next);
            if (commit == null) {
                fetched = fetchCommits(aggregateIdentifier, next, next + window);
                commit = fetched.remove(next);
                window = Math.min(window * 2, Math.max(batchSize(), FIRST_WINDOW));
            }
        }
    }

    /**
     * The commit of the aggregate that holds the given sequence number, or null if there is none. Commits do not
     * overlap, so if any commit starts in the look-back window and none holds the number, none does; only a window
     * with no commit at all (a commit of more than {@value #LOOK_BACK} events, or a number far past the end) makes
     * it look further back.
     */
    private Document commitHolding(String aggregateIdentifier, long sequence, int batchSize) {
        long to = sequence + 1;
        long from = Math.max(0, sequence - LOOK_BACK);
        while (true) {
            Map<Long, Document> found = fetchCommits(aggregateIdentifier, from, to);
            if (!found.isEmpty()) {
                return found.values().stream()
                            .filter(c -> ((Number) c.get(FIRST_SEQ)).longValue() <= sequence
                                    && ((Number) c.get(LAST_SEQ)).longValue() >= sequence)
                            .findFirst().orElse(null);
            }
            if (from == 0) {
                return null;
            }
            to = from;
            from = Math.max(0, from - Math.max(LOOK_BACK, batchSize));
        }
    }

    /** Commits of the aggregate whose first sequence number is in [from, to), by first sequence number. */
    private Map<Long, Document> fetchCommits(String aggregateIdentifier, long from, long to) {
        List<String> keys = LongStream.range(from, to).mapToObj(s -> CommitDocuments.key(aggregateIdentifier, s))
                                      .toList();
        Map<Long, Document> found = new HashMap<>();
        findIn(KEY, keys).forEach(c -> found.put(((Number) c.get(FIRST_SEQ)).longValue(), c));
        return found;
    }

    /**
     * The aggregate's events as stored, from a sequence number on, at most {@code limit} of them: for auditors,
     * who must see what was recorded rather than what today's code makes of it.
     */
    public List<StoredEvent> storedEvents(String aggregateIdentifier, long fromSequence, int limit) {
        List<StoredEvent> result = new ArrayList<>();
        if (limit <= 0) {
            return result;
        }
        walk(aggregateIdentifier, fromSequence, (commit, event, globalIndex) -> {
            result.add(stored(commit, event, globalIndex));
            return result.size() < limit;
        });
        return result;
    }

    @Override
    public Optional<Long> lastSequenceNumberFor(String aggregateIdentifier) {
        long from = readSnapshotData(aggregateIdentifier).findFirst().map(s -> s.getSequenceNumber() + 1).orElse(0L);
        List<? extends DomainEventData<?>> events = fetchDomainEvents(aggregateIdentifier, from, batchSize());
        if (!events.isEmpty()) {
            return Optional.of(events.get(events.size() - 1).getSequenceNumber());
        }
        return from == 0 ? Optional.empty() : Optional.of(from - 1);
    }

    // ----------------------------------------------------------------------------------------------- tracking

    /**
     * Fetches the events after the token: the indexes the token still waits for (its gaps) and a window of
     * {@code batchSize} indexes after its position, by exact {@code _id} (a commit's {@code _id} is the index of its
     * last event, so a token that stopped inside a commit finds the rest of it). The highest reserved index is read
     * first, and nothing past it is asked for: a commit stored in the window while this runs is then waited for as
     * a gap rather than overtaken. A window of reserved indexes that hold nothing yet (a large append in flight or
     * failed) is looked past, up to that highest reserved index.
     */
    @Override
    protected List<? extends TrackedEventData<?>> fetchTrackedEvents(TrackingToken lastToken, int batchSize) {
        GapAwareTrackingToken token = (GapAwareTrackingToken) lastToken;
        long reservedUpTo = reservedUpTo();
        long position = token == null ? -1 : token.getIndex();
        SortedSet<Long> waitingFor = token == null ? new TreeSet<>() : token.getGaps();
        List<Long> ids = new ArrayList<>(waitingFor);
        long windowEnd = Math.min(position + Math.max(batchSize, 1), reservedUpTo);
        LongStream.rangeClosed(position + 1, windowEnd).forEach(ids::add);
        List<Document> found = findByIds(ids);
        while (found.stream().noneMatch(c -> lastIndex(c) > position) && windowEnd < reservedUpTo) {
            long from = windowEnd + 1;
            windowEnd = Math.min(reservedUpTo, windowEnd + Math.max(batchSize, 1000));
            found = new ArrayList<>(found);
            found.addAll(findByIds(LongStream.rangeClosed(from, windowEnd).boxed().toList()));
        }
        found.sort(Comparator.comparingLong(MongoEventStore::lastIndex));
        if (token != null) {
            token = cleanGaps(token, found);
        }

        long timeoutFrame = System.currentTimeMillis() - gapTimeout.toMillis();
        List<TrackedEventData<?>> result = new ArrayList<>();
        for (Document commit : found) {
            long index = firstIndex(commit);
            boolean allowGaps = ((Number) commit.get(APPENDED_AT)).longValue() > timeoutFrame;
            for (Document event : CommitDocuments.events(commit)) {
                boolean delivered = index <= position && !waitingFor.contains(index);
                if (!delivered) {
                    if (token == null) {
                        SortedSet<Long> gaps = allowGaps
                                ? LongStream.range(0, index).boxed()
                                            .collect(TreeSet::new, TreeSet::add, TreeSet::addAll)
                                : new TreeSet<>();
                        token = GapAwareTrackingToken.newInstance(index, gaps);
                    } else {
                        token = token.advanceTo(index, allowGaps ? maxGapOffset : 0);
                    }
                    result.add(new TrackedDomainEventData<>(token, CommitDocuments.entry(commit, event)));
                }
                index++;
            }
        }
        return result;
    }

    /** The global index of a commit's last event: its {@code _id}. */
    private static long lastIndex(Document commit) {
        return ((Number) commit.get(ID)).longValue();
    }

    /** The global index of a commit's first event. */
    static long firstIndex(Document commit) {
        return lastIndex(commit) - CommitDocuments.size(commit) + 1;
    }

    /**
     * Gives up gaps that will not be filled: a run of gaps is dropped once the commit stored right after it is older
     * than the gap timeout (an append that reserved those indexes would have finished by then). Runs are dropped from
     * the lowest up, as a token can only drop its lowest gaps, and never at or past a gap that is being filled by a
     * commit found in this fetch.
     */
    private GapAwareTrackingToken cleanGaps(GapAwareTrackingToken token, List<Document> found) {
        if (!token.hasGaps()) {
            return token;
        }
        long firstFilled = found.stream().filter(c -> firstIndex(c) <= token.getIndex())
                                .mapToLong(MongoEventStore::firstIndex).min().orElse(Long.MAX_VALUE);
        List<Long> runEnds = new ArrayList<>();
        Long previous = null;
        for (Long gap : token.getGaps()) {
            if (previous != null && gap != previous + 1) {
                runEnds.add(previous);
            }
            previous = gap;
        }
        runEnds.add(previous);
        List<Long> after = new ArrayList<>();
        for (Long end : runEnds) {
            LongStream.rangeClosed(end + 1, end + LOOK_BACK).forEach(after::add);
        }
        List<Document> following = findByIds(after);
        long timeoutFrame = System.currentTimeMillis() - gapTimeout.toMillis();
        GapAwareTrackingToken cleaned = token;
        for (Long end : runEnds) {
            if (end >= firstFilled) {
                break;
            }
            // the commit holding the index right after the run: the one with the lowest _id past the run
            Optional<Document> next = following.stream().filter(c -> lastIndex(c) > end)
                                               .min(Comparator.comparingLong(MongoEventStore::lastIndex));
            if (next.isEmpty() || firstIndex(next.get()) != end + 1
                    || ((Number) next.get().get(APPENDED_AT)).longValue() > timeoutFrame) {
                break;
            }
            cleaned = cleaned.withGapsTruncatedAt(end + 1);
        }
        return cleaned;
    }

    private List<Document> findByIds(List<Long> ids) {
        return findIn(ID, ids);
    }

    /**
     * The commits whose unique field holds one of the values, asked for {@value #IN_CHUNK} values at a time: the
     * embedded server finds each value in the index, then checks every document found against the whole
     * {@code $in} list, so one query of n values costs n² comparisons.
     */
    private List<Document> findIn(String field, List<?> values) {
        List<Document> found = new ArrayList<>();
        for (int from = 0; from < values.size(); from += IN_CHUNK) {
            commits.find(Filters.in(field, values.subList(from, Math.min(values.size(), from + IN_CHUNK))))
                   .into(found);
        }
        return found;
    }

    /** The highest global index reserved so far, or -1. */
    private long reservedUpTo() {
        Document counter = counters.find(Filters.eq(ID, GroupCommitter.COUNTER_ID)).first();
        return counter == null ? -1 : ((Number) counter.get("next")).longValue() - 1;
    }

    @Override
    public TrackingToken createTailToken() {
        return null;
    }

    @Override
    public TrackingToken createHeadToken() {
        long head = reservedUpTo();
        return head < 0 ? null : GapAwareTrackingToken.newInstance(head, new TreeSet<>());
    }

    /** The position just before the first event stored at or after the given time. Scans: meant for admin use. */
    @Override
    public TrackingToken createTokenAt(Instant dateTime) {
        long first = Long.MAX_VALUE;
        // a scan, in batches: one reply of the whole collection can exceed the wire protocol's limit
        for (Document commit : commits.find(Filters.gte(APPENDED_AT, dateTime.toEpochMilli())).batchSize(1_000)) {
            first = Math.min(first, firstIndex(commit));
        }
        if (first == Long.MAX_VALUE) {
            return createHeadToken();
        }
        return first == 0 ? null : GapAwareTrackingToken.newInstance(first - 1, new TreeSet<>());
    }

    @Override
    public void close() {
        committer.close();
    }

    /** Builds a {@link MongoEventStore}. */
    public static class Builder extends BatchingEventStorageEngine.Builder {
        private MongoDatabase database;
        private Runnable durability = () -> {
        };
        private Duration gapTimeout = Duration.ofSeconds(60);
        private int maxGapOffset = 10_000;
        private int maxCommitsPerGroup = 1_000;
        private String requestMetaDataKey;

        Builder() {
            persistenceExceptionResolver(MongoEventStore::isDuplicateKey);
            batchSize(1_000);
        }

        public Builder database(MongoDatabase database) {
            this.database = database;
            return this;
        }

        /** Called once per group of appends, after they were written and before they are acknowledged. */
        public Builder durability(Runnable durability) {
            this.durability = durability;
            return this;
        }

        /** How long a reserved index that holds nothing is waited for once later events are stored. */
        public Builder gapTimeout(Duration gapTimeout) {
            this.gapTimeout = gapTimeout;
            return this;
        }

        public Builder maxGapOffset(int maxGapOffset) {
            this.maxGapOffset = maxGapOffset;
            return this;
        }

        public Builder maxCommitsPerGroup(int maxCommitsPerGroup) {
            this.maxCommitsPerGroup = maxCommitsPerGroup;
            return this;
        }

        /**
         * Records each request at most once: the events appended together whose (first) event carries a text under
         * this metadata key are stored only if no stored commit holds the same text.
         */
        public Builder uniqueRequests(String metaDataKey) {
            this.requestMetaDataKey = metaDataKey;
            return this;
        }

        @Override
        public Builder eventSerializer(Serializer eventSerializer) {
            super.eventSerializer(eventSerializer);
            return this;
        }

        @Override
        public Builder snapshotSerializer(Serializer snapshotSerializer) {
            super.snapshotSerializer(snapshotSerializer);
            return this;
        }

        @Override
        public Builder batchSize(int batchSize) {
            super.batchSize(batchSize);
            return this;
        }

        @Override
        public Builder persistenceExceptionResolver(PersistenceExceptionResolver resolver) {
            super.persistenceExceptionResolver(resolver);
            return this;
        }

        public MongoEventStore build() {
            if (database == null) {
                throw new IllegalStateException("a database is required");
            }
            validate();
            return new MongoEventStore(this);
        }
    }
}
