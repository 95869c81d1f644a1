package org.freedomcampaigns.tracker.projections;

import java.net.InetSocketAddress;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInstance;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;

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
    /** {@code find} commands sent, by collection name. */
    protected final Map<String, AtomicInteger> finds = new ConcurrentHashMap<>();

    @BeforeAll
    void startServer() {
        server = new MongoServer(new MemoryBackend());
        InetSocketAddress address = server.bind();
        CommandListener countFinds = new CommandListener() {
            @Override
            public void commandStarted(CommandStartedEvent event) {
                if (event.getCommandName().equals("find")) {
                    finds.computeIfAbsent(event.getCommand().getString("find").getValue(), c -> new AtomicInteger())
                         .incrementAndGet();
                }
            }
        };
        client = MongoClients.create(MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString(
                        "mongodb://" + address.getHostString() + ":" + address.getPort()))
                .addCommandListener(countFinds)
                .build());
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
