package org.freedomcampaigns.tracker.projections;

import java.net.InetSocketAddress;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInstance;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;

/**
 * One in-process MongoDB-wire-protocol server (memory backend) per test class, and a fresh database per test.
 * No {@code ServerApi} on the client: the embedded server does not support it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class MongoTestBase {
    private MongoServer server;
    private MongoClient client;
    protected MongoDatabase database;

    @BeforeAll
    void startServer() {
        server = new MongoServer(new MemoryBackend());
        InetSocketAddress address = server.bind();
        client = MongoClients.create("mongodb://" + address.getHostString() + ":" + address.getPort());
    }

    @BeforeEach
    void freshDatabase() {
        database = client.getDatabase("test_" + UUID.randomUUID().toString().replace("-", ""));
        createProjections();
    }

    /** Creates the projections under test on {@link #database}; called before each test. */
    protected abstract void createProjections();

    @AfterAll
    void stopServer() {
        if (client != null) {
            client.close();
        }
        if (server != null) {
            server.shutdown();
        }
    }
}
