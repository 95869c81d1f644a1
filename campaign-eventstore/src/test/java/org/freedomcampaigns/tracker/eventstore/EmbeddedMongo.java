package org.freedomcampaigns.tracker.eventstore;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.bson.Document;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import com.mongodb.event.CommandListener;

import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;

/** An embedded Mongo-wire server, a client, and the serializer the tests use for events and snapshots. */
final class EmbeddedMongo implements AutoCloseable {
    static final String TYPE = "Campaign";

    final MongoServer server;
    final MongoClient client;
    final MongoDatabase db;
    final Serializer serializer = JacksonSerializer.defaultSerializer();
    private final List<AutoCloseable> closeables = new ArrayList<>();

    private EmbeddedMongo(MongoBackend backend, CommandListener listener) {
        this.server = new MongoServer(backend);
        InetSocketAddress address = server.bind();
        MongoClientSettings.Builder settings = MongoClientSettings.builder().applyConnectionString(
                new ConnectionString("mongodb://" + address.getHostString() + ":" + address.getPort()));
        if (listener != null) {
            settings.addCommandListener(listener);
        }
        this.client = MongoClients.create(settings.build());
        this.db = client.getDatabase("events");
    }

    static EmbeddedMongo memory() {
        return new EmbeddedMongo(new MemoryBackend(), null);
    }

    static EmbeddedMongo memory(CommandListener listener) {
        return new EmbeddedMongo(new MemoryBackend(), listener);
    }

    static EmbeddedMongo on(MongoBackend backend) {
        return new EmbeddedMongo(backend, null);
    }

    MongoEventStore.Builder builder() {
        return MongoEventStore.builder().database(db).eventSerializer(serializer).snapshotSerializer(serializer);
    }

    /** Builds the engine and closes it with this fixture. */
    MongoEventStore engine(MongoEventStore.Builder builder) {
        MongoEventStore engine = builder.build();
        closeables.add(0, engine);
        return engine;
    }

    MongoEventStore engine() {
        return engine(builder());
    }

    <T extends AutoCloseable> T closeLater(T closeable) {
        closeables.add(0, closeable);
        return closeable;
    }

    private MongoEventStore scratch;

    /**
     * Writes the events of one (new) aggregate as a commit at an index reserved earlier, as a slow appender (another
     * app instance, say) would. The document is the one the engine itself writes: the events are appended to a
     * scratch database of the same server, and their commit is copied with the given {@code _id} and a current
     * {@code appendedAt}.
     */
    void writeLate(long index, List<? extends EventMessage<?>> events) {
        if (scratch == null) {
            scratch = engine(MongoEventStore.builder().database(client.getDatabase("scratch"))
                                            .eventSerializer(serializer).snapshotSerializer(serializer));
        }
        scratch.appendEvents(events);
        MongoCollection<Document> scratchCommits = client.getDatabase("scratch").getCollection(MongoEventStore.COMMITS);
        Document counter = client.getDatabase("scratch").getCollection(MongoEventStore.COUNTERS)
                                 .find(Filters.eq("_id", "global")).first();
        // a commit's _id is the global index of its last event
        long written = ((Number) counter.get("next")).longValue() - 1;
        Document commit = scratchCommits.find(Filters.eq("_id", written)).first();
        commit.put("_id", index + events.size() - 1);
        commit.put("appendedAt", System.currentTimeMillis());
        db.getCollection(MongoEventStore.COMMITS).insertOne(commit);
    }

    /** Reserves {@code count} global indexes that nobody will write, as a failed or in-flight append would. */
    void reserve(long count) {
        db.getCollection(MongoEventStore.COUNTERS)
          .updateOne(Filters.eq("_id", "global"), Updates.inc("next", count),
                     new com.mongodb.client.model.UpdateOptions().upsert(true));
    }

    /** The next global index the counter will hand out. */
    long nextIndex() {
        Document counter = db.getCollection(MongoEventStore.COUNTERS)
                             .find(Filters.eq("_id", "global")).first();
        return counter == null ? 0 : ((Number) counter.get("next")).longValue();
    }

    @Override
    public void close() throws Exception {
        for (AutoCloseable closeable : closeables) {
            closeable.close();
        }
        client.close();
        server.shutdownNow();
    }

    // ------------------------------------------------------------------------------------------------ events

    record Noted(String aggregate, long seq, String text) {
    }

    static DomainEventMessage<Noted> event(String aggregate, long seq) {
        return event(aggregate, seq, "e" + seq);
    }

    static DomainEventMessage<Noted> event(String aggregate, long seq, String text) {
        return new GenericDomainEventMessage<>(TYPE, aggregate, seq, new Noted(aggregate, seq, text));
    }

    static List<DomainEventMessage<?>> events(String aggregate, long firstSeq, int count) {
        List<DomainEventMessage<?>> events = new ArrayList<>();
        for (long seq = firstSeq; seq < firstSeq + count; seq++) {
            events.add(event(aggregate, seq));
        }
        return events;
    }

    static List<Long> sequences(MongoEventStore engine, String aggregate, long from) {
        return engine.readEvents(aggregate, from).asStream().map(DomainEventMessage::getSequenceNumber).toList();
    }

    static List<DomainEventMessage<?>> read(MongoEventStore engine, String aggregate) {
        return new ArrayList<>(engine.readEvents(aggregate).asStream().toList());
    }

    /** Result of tracking until a fetch comes back empty. */
    record Tracked(List<TrackedEventMessage<?>> events, TrackingToken token) {
        List<String> texts() {
            return events.stream().map(e -> ((Noted) e.getPayload()).text()).toList();
        }
    }

    /** One {@code readEvents(token, false)} call, fully consumed. */
    static List<TrackedEventMessage<?>> readOnce(MongoEventStore engine, TrackingToken token) {
        try (Stream<? extends TrackedEventMessage<?>> stream = engine.readEvents(token, false)) {
            return new ArrayList<>(stream.toList());
        }
    }

    /** Repeated {@code readEvents(token, false)} calls until one delivers nothing. */
    static Tracked trackAll(MongoEventStore engine, TrackingToken from) {
        List<TrackedEventMessage<?>> all = new ArrayList<>();
        TrackingToken token = from;
        for (int round = 0; round < 100_000; round++) {
            List<TrackedEventMessage<?>> batch = readOnce(engine, token);
            if (batch.isEmpty()) {
                break;
            }
            all.addAll(batch);
            token = batch.get(batch.size() - 1).trackingToken();
        }
        return new Tracked(all, token);
    }
}
