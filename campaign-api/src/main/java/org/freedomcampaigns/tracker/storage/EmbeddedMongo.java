package org.freedomcampaigns.tracker.storage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;

/** The in-process MongoDB-wire-protocol server used when no MongoDB is configured. */
public class EmbeddedMongo implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(EmbeddedMongo.class);

    private final MongoBackend backend;
    private final MongoServer server;
    private final InetSocketAddress address;

    public EmbeddedMongo(StorageProperties.Embedded settings) {
        this.backend = switch (settings.backend()) {
            case H2 -> new ConsistentH2Backend(dataFile(settings.dataDir()));
            case MEMORY -> new MemoryBackend();
        };
        this.server = new MongoServer(backend);
        server.bind(settings.host(), settings.port());
        this.address = server.getLocalAddress();
        log.info("Embedded MongoDB ({} backend) listening on mongodb://{}:{}", settings.backend(),
                 address.getHostString(), address.getPort());
    }

    private static Path dataFile(Path dataDir) {
        try {
            Files.createDirectories(dataDir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the data directory " + dataDir, e);
        }
        return dataDir.resolve("campaign-tracker.mv");
    }

    public String connectionString() {
        return "mongodb://" + address.getHostString() + ":" + address.getPort();
    }

    /** Commits the H2 store to its file; nothing to do for the memory backend. */
    public StoreCommitter committer() {
        if (backend instanceof H2Backend h2) {
            return h2::commit;
        }
        return StoreCommitter.NONE;
    }

    @Override
    public void close() {
        server.shutdown();
        log.info("Embedded MongoDB stopped");
    }
}
