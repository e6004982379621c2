package org.partnergraph.network;

import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import org.partnergraph.graph.Graph;
import org.partnergraph.organization.Organization;
import org.partnergraph.partnership.PartnerLinks;

/**
 * The support network as organisations and who-supports-whom links, by the partner rules of
 * {@code partnerOrganizations} (the partner links the projector keeps): stated support (pairing, support,
 * co-building) in either direction and programmes from outside the province of what they target; a
 * department or major counts for the organisation that has it; regions are no partners.
 */
@ApplicationScoped
class NetworkRepository {

    /** Where the graph stands in the change log: a cached network is good while this has not moved. */
    static final String POSITION = """
            OPTIONAL MATCH (p:__Projection {id: 'change-log'})
            RETURN coalesce(p.lastChange, 0) AS lastChange
            """;

    /**
     * The position and the distinct links in one snapshot, at most $max of them (one more tells it is over):
     * the partner links the projector keeps (PartnerLinks), one per supporter and supported whatever the kinds.
     */
    static final String LINKS = """
            OPTIONAL MATCH (m:__Projection {id: 'change-log'})
            WITH coalesce(m.lastChange, 0) AS lastChange
            MATCH (supporter:Organization)-[:%s]->(supported:Organization)
            WITH DISTINCT lastChange, supporter, supported
            WITH lastChange, supporter, supported LIMIT $max
            WITH lastChange, collect([supporter, supported]) AS links
            RETURN lastChange, [l IN links | [l[0].id, l[1].id]] AS links,
                   COLLECT { UNWIND links AS l UNWIND l AS o RETURN DISTINCT o } AS organizations
            """.formatted(PartnerLinks.ALL_TYPES);

    record Links(long lastChange, List<List<String>> links, List<Organization> organizations) {
    }

    private final Graph graph;

    NetworkRepository(Graph graph) {
        this.graph = graph;
    }

    long position() {
        return graph.readSingle(POSITION, Map.of(), r -> r.get("lastChange").asLong()).orElse(0L);
    }

    Links links(int max) {
        return graph.readSingle(LINKS, Map.of("max", max), r -> new Links(r.get("lastChange").asLong(),
                r.get("links").asList(l -> l.asList(v -> v.asString())),
                r.get("organizations").asList(Organization::from))).orElse(new Links(0, List.of(), List.of()));
    }
}
