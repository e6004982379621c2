package org.partnergraph.change;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Readiness of the write path. Up while the change log can be reached: writes are then accepted even
 * with Neo4j down (they wait as PENDING), so a graph outage must not take the replicas out of the
 * Service. The data shows the lag — changes not yet in the graph and the age of the oldest — and
 * whether the graph can be reached.
 */
@Readiness
@ApplicationScoped
class ProjectorHealth implements HealthCheck {

    static final String NAME = "Change log and projector";

    private final Projector projector;

    ProjectorHealth(Projector projector) {
        this.projector = projector;
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named(NAME);
        try {
            ChangeRepository.Lag lag = projector.currentLag();
            return response.up()
                    .withData("pending", lag.pending())
                    .withData("lagSeconds", (long) projector.lagSeconds())
                    .withData("lastChange", lag.lastChange())
                    .withData("graph", projector.graphReachable() ? "reachable" : "unreachable")
                    .build();
        } catch (RuntimeException e) {
            return response.down().withData("changeLog", "unreachable").build();
        }
    }
}
