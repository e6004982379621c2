package org.partnergraph.analytics;

import jakarta.enterprise.context.ApplicationScoped;

import org.partnergraph.security.Access;
import org.partnergraph.security.Roles;

@ApplicationScoped
public class AnalyticsService {

    private final AnalyticsRepository repository;
    private final Access access;

    AnalyticsService(AnalyticsRepository repository, Access access) {
        this.repository = repository;
        this.access = access;
    }

    public GraphStats stats() {
        access.require(Roles.ANALYST);
        return repository.stats();
    }
}
