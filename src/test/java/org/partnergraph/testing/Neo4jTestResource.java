package org.partnergraph.testing;

import java.time.Duration;
import java.util.Map;

import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.harness.Neo4j;
import org.neo4j.harness.Neo4jBuilders;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * An in-process Neo4j (neo4j-harness), started once per test run, reached through a {@link TcpProxy}
 * so that tests can take the graph away and give it back.
 */
public class Neo4jTestResource implements QuarkusTestResourceLifecycleManager {

    private static Neo4j neo4j;
    private static TcpProxy proxy;

    @Override
    public Map<String, String> start() {
        // Longer than the service's bookmark wait, so tests see the service's bound, not Neo4j's.
        neo4j = Neo4jBuilders.newInProcessBuilder().withDisabledServer()
                .withConfig(GraphDatabaseSettings.bookmark_ready_timeout, Duration.ofSeconds(10)).build();
        try {
            proxy = new TcpProxy(neo4j.boltURI().getPort());
        } catch (Exception e) {
            throw new IllegalStateException("Could not start the Neo4j test proxy", e);
        }
        return Map.of(
                "quarkus.neo4j.uri", "bolt://127.0.0.1:" + proxy.port(),
                "quarkus.neo4j.authentication.disabled", "true");
    }

    @Override
    public void stop() {
        try {
            if (proxy != null) {
                proxy.close();
            }
        } catch (Exception ignored) {
            // The JVM is ending.
        }
        if (neo4j != null) {
            neo4j.close();
        }
    }

    /** The proxy in front of the test Neo4j: cut() to simulate an outage, restore() to end it. */
    public static TcpProxy proxy() {
        return proxy;
    }
}
