package org.partnergraph.analytics;

import jakarta.enterprise.context.ApplicationScoped;

import org.partnergraph.common.Sizes;
import org.partnergraph.common.NotFoundException;
import org.partnergraph.node.NodeService;
import org.partnergraph.security.Access;
import org.partnergraph.security.Roles;

@ApplicationScoped
public class AnalyticsService {

    private final AnalyticsRepository repository;
    private final Access access;
    private final NodeService nodes;

    AnalyticsService(AnalyticsRepository repository, Access access, NodeService nodes) {
        this.repository = repository;
        this.access = access;
        this.nodes = nodes;
    }

    static final int MAX_NEIGHBOURHOOD = 500;

    /** Public: paths and neighbourhoods show what the public graph already shows, one hop at a time. */
    public GraphPath shortestPath(String fromId, String toId, int maxHops) {
        Sizes.within("maxHops", maxHops, AnalyticsRepository.MAX_HOPS);
        requireNode("fromId", fromId);
        requireNode("toId", toId);
        return repository.shortestPath(fromId, toId, maxHops).orElse(null);
    }

    public Subgraph neighbourhood(String id, int hops, int limit) {
        Sizes.within("hops", hops, 3);
        Sizes.within("limit", limit, MAX_NEIGHBOURHOOD);
        return repository.neighbourhood(id, hops, limit)
                .orElseThrow(() -> new NotFoundException("id: nothing has the id '" + id + "'."));
    }

    private void requireNode(String argument, String id) {
        if (nodes.byId(id).isEmpty()) {
            throw new NotFoundException(argument + ": nothing has the id '" + id + "'.");
        }
    }

    public GraphStats stats() {
        access.require(Roles.ANALYST);
        return repository.stats();
    }
}
