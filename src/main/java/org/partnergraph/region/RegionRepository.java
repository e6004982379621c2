package org.partnergraph.region;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.partnergraph.graph.Graph;

@ApplicationScoped
class RegionRepository {

    static final String REGION_BY_ID = """
            MATCH (r:Region {id: $id})
            RETURN r
            """;

    static final String REGIONS = """
            OPTIONAL MATCH (parent:Region {id: $parentId})
            WITH parent
            MATCH (r:Region)
            WHERE ($level IS NULL OR r.level = $level)
              AND ($parentId IS NULL OR (r)-[:PART_OF]->(parent))
            RETURN r ORDER BY r.name, r.id
            """;

    static final String PARENTS_OF = """
            UNWIND $ids AS id
            MATCH (:Region {id: id})-[:PART_OF]->(p:Region)
            RETURN id, p AS node
            """;

    static final String CHILDREN_OF = """
            UNWIND $ids AS id
            MATCH (:Region {id: id})<-[:PART_OF]-(c:Region)
            RETURN id, c AS node ORDER BY node.name, node.id
            """;

    private final Graph graph;

    RegionRepository(Graph graph) {
        this.graph = graph;
    }

    Optional<Region> byId(String id) {
        return graph.readSingle(REGION_BY_ID, Map.of("id", id), r -> Region.from(r.get("r")));
    }

    List<Region> list(String level, String parentId) {
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("level", level);
        parameters.put("parentId", parentId);
        return graph.readList(REGIONS, parameters, r -> Region.from(r.get("r")));
    }

    List<Region> parentsOf(List<String> ids) {
        return Graph.firstOfEach(graph.readGrouped(PARENTS_OF, ids, r -> Region.from(r.get("node"))));
    }

    List<List<Region>> childrenOf(List<String> ids) {
        return graph.readGrouped(CHILDREN_OF, ids, r -> Region.from(r.get("node")));
    }
}
