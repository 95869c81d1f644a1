package org.freedomcampaigns.tracker.storage;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where events, tokens and read models are kept. With {@code mongodbUri} blank (the default) an embedded
 * MongoDB-wire-protocol server is started in-process; otherwise the given MongoDB is used.
 *
 * @param mongodbUri connection string of a real MongoDB (set through {@code MONGODB_URI}); blank for embedded
 * @param database   database name
 * @param embedded   settings of the embedded server
 */
@ConfigurationProperties("campaign.storage")
public record StorageProperties(String mongodbUri,
                                @DefaultValue("campaign-tracker") String database,
                                @DefaultValue Embedded embedded) {

    public boolean useEmbedded() {
        return mongodbUri == null || mongodbUri.isBlank();
    }

    /**
     * @param backend {@code h2} (a file under {@code dataDir}, the default) or {@code memory} (lost on exit)
     * @param dataDir directory of the H2 file
     * @param host    address the embedded server listens on (loopback by default)
     * @param port    port it listens on; 0 picks a free one
     */
    public record Embedded(@DefaultValue("h2") Backend backend,
                           @DefaultValue("./data") Path dataDir,
                           @DefaultValue("127.0.0.1") String host,
                           @DefaultValue("0") int port) {
    }

    public enum Backend { H2, MEMORY }
}
