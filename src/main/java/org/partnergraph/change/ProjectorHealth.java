package org.partnergraph.change;

import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;
import org.partnergraph.graph.Graph;

/**
 * Readiness of the write path. Up while the change log can be reached: writes are then accepted even
 * with Neo4j down (they wait as PENDING), so a graph outage must not take the replicas out of the
 * Service. The data shows the lag — changes not yet in the graph and the age of the oldest — and
 * whether the graph can be reached. Readiness answers anyone, so it shows nothing more: the number of the
 * last change (how many writes there have been) is for analysts, through the API.
 */
@Readiness
@ApplicationScoped
class ProjectorHealth implements HealthCheck {

    static final String NAME = "Change log and projector";

    /** Probes must answer quickly even when Neo4j does not. */
    static final Duration GRAPH_PROBE = Duration.ofSeconds(2);

    private final Projector projector;
    private final Graph graph;

    ProjectorHealth(Projector projector, Graph graph) {
        this.projector = projector;
        this.graph = graph;
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named(NAME);
        try {
            ChangeRepository.Lag lag = projector.currentLag();
            return response.up()
                    .withData("pending", lag.pending())
                    .withData("lagSeconds", (long) projector.lagSeconds())
                    .withData("graph", graph.reachable(GRAPH_PROBE) ? "reachable" : "unreachable")
                    .build();
        } catch (RuntimeException e) {
            return response.down().withData("changeLog", "unreachable").build();
        }
    }
}
