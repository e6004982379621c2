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

/**
 * Starts Neo4j inside this JVM when the configured URI is the embedded default, so that one
 * command runs the whole service. Bolt listens on loopback only, so Neo4j Browser or
 * cypher-shell on this machine can connect, nothing else can.
 * <p>
 * Like the embedded PostgreSQL it lives as long as the JVM: started once, kept through dev-mode
 * restarts (which reload this class, so "already started" is a system property), and stopped after
 * the application when the JVM exits.
 */
@ApplicationScoped
public class EmbeddedNeo4j {

    private static final Logger LOG = Logger.getLogger(EmbeddedNeo4j.class);
    static final String PORT_SETTING = "PARTNERGRAPH_EMBEDDED_NEO4J_PORT";
    // Outside the partnergraph.* namespace: SmallRye validates every property under a mapped prefix.
    private static final String STARTED = "org.partnergraph.embedded-neo4j-data";

    private final EmbeddedConfig config;
    private final String neo4jUri;

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

    public void start() {
        if (wanted()) {
            start(Path.of(config.dataDir(), "neo4j").toAbsolutePath(), config.neo4jBoltPort(), neo4jUri);
        }
    }

    private static synchronized void start(Path home, int port, String uri) {
        if (System.getProperty(STARTED) != null) {
            return;
        }
        LoopbackPort.requireFree(port, "Neo4j (Bolt)", PORT_SETTING);
        long started = System.nanoTime();
        DatabaseManagementService service = new DatabaseManagementServiceBuilder(home)
                .setConfig(BoltConnector.enabled, true)
                .setConfig(BoltConnector.listen_address, new SocketAddress("127.0.0.1", port))
                .setConfig(GraphDatabaseSettings.auth_enabled, false)
                .setConfig(GraphDatabaseSettings.transaction_timeout, Duration.ofSeconds(30))
                // The service gives up on a bookmark after partnergraph.bookmarks.wait; Neo4j need not wait 30 s.
                .setConfig(GraphDatabaseSettings.bookmark_ready_timeout, Duration.ofSeconds(5))
                .build();
        System.setProperty(STARTED, home.toString());
        AfterTheApplication.stopAtExit("neo4j", service::shutdown);
        LOG.infof("Embedded Neo4j started in %d ms: data in %s, Bolt on %s (no auth, loopback only)",
                (System.nanoTime() - started) / 1_000_000, home, uri);
    }
}
