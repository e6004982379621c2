package org.partnergraph.embedded;

import java.nio.file.Path;
import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;

import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.event.Observes;

/**
 * Starts Neo4j inside this JVM when the configured URI is the embedded default, so that one
 * command runs the whole service. Bolt listens on loopback only, so Neo4j Browser or
 * cypher-shell on this machine can connect, nothing else can.
 */
@ApplicationScoped
public class EmbeddedNeo4j {

    private static final Logger LOG = Logger.getLogger(EmbeddedNeo4j.class);

    private final EmbeddedConfig config;
    private final String neo4jUri;
    private DatabaseManagementService service;

    EmbeddedNeo4j(EmbeddedConfig config, @ConfigProperty(name = "quarkus.neo4j.uri") String neo4jUri) {
        this.config = config;
        this.neo4jUri = neo4jUri;
    }

    public boolean wanted() {
        return config.enabled() && neo4jUri.equals(defaultUri(config.neo4jBoltPort()));
    }

    public static String defaultUri(int port) {
        return "bolt://127.0.0.1:" + port;
    }

    public synchronized void start() {
        if (service != null || !wanted()) {
            return;
        }
        Path home = Path.of(config.dataDir(), "neo4j").toAbsolutePath();
        long started = System.nanoTime();
        service = new DatabaseManagementServiceBuilder(home)
                .setConfig(BoltConnector.enabled, true)
                .setConfig(BoltConnector.listen_address, new SocketAddress("127.0.0.1", config.neo4jBoltPort()))
                .setConfig(GraphDatabaseSettings.auth_enabled, false)
                .setConfig(GraphDatabaseSettings.transaction_timeout, Duration.ofSeconds(30))
                .build();
        LOG.infof("Embedded Neo4j started in %d ms: data in %s, Bolt on %s (no auth, loopback only)",
                (System.nanoTime() - started) / 1_000_000, home, neo4jUri);
    }

    void stop(@Observes ShutdownEvent event) {
        if (service != null) {
            service.shutdown();
            service = null;
        }
    }
}
