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
        // Bookmark wait: longer than the service's, so tests see the service's bound, not Neo4j's.
        // Replan interval: the test graph's statistics swing by orders of magnitude (a rebuild empties it, a
        // fixture refills it), and Neo4j threw away and replanned every cached statement each time, 40-90 ms
        // apiece; plans made on a graph this small are all alike, and a rebuild of the suite's log went past
        // the client's timeout replanning. Production Neo4j keeps its default.
        neo4j = Neo4jBuilders.newInProcessBuilder().withDisabledServer()
                .withConfig(GraphDatabaseSettings.bookmark_ready_timeout, Duration.ofSeconds(10))
                .withConfig(GraphDatabaseSettings.cypher_min_replan_interval, Duration.ofHours(1)).build();
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
