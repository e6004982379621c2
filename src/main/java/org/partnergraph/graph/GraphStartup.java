package org.partnergraph.graph;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.neo4j.driver.exceptions.ServiceUnavailableException;
import org.partnergraph.embedded.EmbeddedNeo4j;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;

/**
 * Brings the graph up at start: the embedded Neo4j when it is the configured default, then the
 * schema migrations, then {@link GraphReady}. An external Neo4j that is down at start does not
 * stop the service (readiness says DOWN and names it); the same steps are retried until it is up.
 * A migration that fails otherwise (one changed after it was applied) stops the start with its error.
 */
@ApplicationScoped
public class GraphStartup {

    private static final Logger LOG = Logger.getLogger(GraphStartup.class);
    private static final long RETRY_SECONDS = 5;

    private final EmbeddedNeo4j embedded;
    private final GraphMigrations migrations;
    private final Event<GraphReady> ready;
    private final String uri;
    private final ScheduledExecutorService retries = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "graph-startup");
        thread.setDaemon(true);
        return thread;
    });

    GraphStartup(EmbeddedNeo4j embedded, GraphMigrations migrations, Event<GraphReady> ready,
            @ConfigProperty(name = "quarkus.neo4j.uri") String uri) {
        this.embedded = embedded;
        this.migrations = migrations;
        this.ready = ready;
        this.uri = uri;
    }

    void onStart(@Observes StartupEvent event) {
        embedded.start();
        if (!bringUp()) {
            retries.scheduleWithFixedDelay(() -> {
                try {
                    if (bringUp()) {
                        retries.shutdown();
                    }
                } catch (RuntimeException e) {
                    // At start such an error (a changed migration) stops the service; later it can only be
                    // logged, and without GraphReady the change log is not applied to the graph.
                    LOG.error("Neo4j schema migration failed; the graph stays unavailable", e);
                    retries.shutdown();
                }
            }, RETRY_SECONDS, RETRY_SECONDS, TimeUnit.SECONDS);
        }
    }

    void onStop(@Observes ShutdownEvent event) {
        retries.shutdownNow();
    }

    private boolean bringUp() {
        try {
            migrations.migrate();
            ready.fire(new GraphReady());
            return true;
        } catch (ServiceUnavailableException e) {
            LOG.errorf("Neo4j is not reachable at %s (set NEO4J_URI, NEO4J_USERNAME, NEO4J_PASSWORD); "
                    + "retrying every %d s: %s", uri, RETRY_SECONDS, e.getMessage());
            return false;
        }
    }
}
