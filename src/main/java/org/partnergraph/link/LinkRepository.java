package org.partnergraph.link;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import org.neo4j.driver.Value;
import org.partnergraph.analytics.Edge;
import org.partnergraph.dataset.BundleWriter;
import org.partnergraph.graph.Graph;
import org.partnergraph.node.Node;
import org.partnergraph.node.Nodes;

/**
 * A node's links: its relationships of the dataset's types (what documents and the change log state, never the
 * derived partner links the reads keep), each once, counted and paged in the database.
 */
@ApplicationScoped
class LinkRepository {

    /**
     * One node's page of links, as a map {total, rows}: %1$s the node's variable, %2$s and %3$s fresh variables
     * for the relationship and the other node, %4$s the pattern's arrow (from the direction enum, never input),
     * %5$s the projection of the other node, %6$s the relationship's (an Edge's), %7$s a fresh variable for the
     * name sorted on, which is a stated count's label (it has no name).
     */
    static final String PAGE = """
            {total: COUNT { MATCH (%1$s)%4$s(%3$s:Entity) WHERE $types IS NULL OR type(%2$s) IN $types RETURN DISTINCT %2$s },
             rows: COLLECT { MATCH (%1$s)%4$s(%3$s:Entity) WHERE $types IS NULL OR type(%2$s) IN $types
                             WITH DISTINCT %2$s, %3$s, coalesce(%3$s.name, toString(%3$s.count) + ' ' + %3$s.description, '') AS %7$s
                             WHERE $afterType IS NULL OR type(%2$s) > $afterType OR (type(%2$s) = $afterType
                                   AND (%7$s > $afterName OR (%7$s = $afterName AND %2$s.id > $afterId)))
                             WITH %2$s, %3$s, %7$s ORDER BY type(%2$s), %7$s, %2$s.id LIMIT $limit
                             RETURN {link: %6$s, out: startNode(%2$s) = %1$s, name: %7$s, node: %5$s} }}""";

    static final String LINKS_OF = """
            UNWIND $ids AS id
            MATCH (n:Entity {id: id})
            RETURN id, %s AS page
            """;

    private static final String TYPES = String.join("|", BundleWriter.TYPES);

    private final Graph graph;

    LinkRepository(Graph graph) {
        this.graph = graph;
    }

    /**
     * The page of links of the node in variable {@code n}; {@code node} projects the other end, in {@code m}; {@code r}
     * and {@code name} are free variables (nested pages need their own).
     */
    static String page(String n, String r, String m, String name, LinkDirection direction, String node) {
        String arrow = switch (direction) {
            case OUT -> "-[" + r + ":" + TYPES + "]->";
            case IN -> "<-[" + r + ":" + TYPES + "]-";
            case BOTH -> "-[" + r + ":" + TYPES + "]-";
        };
        return PAGE.formatted(n, r, m, arrow, node, Edge.projection(r), name);
    }

    /** Each node's page, by id, in one statement; the other ends come back whole and are mapped by their labels. */
    Map<String, LinkConnection> linksOf(List<String> ids, LinkQuery query) {
        Map<String, Object> parameters = new HashMap<>(query.parameters());
        parameters.put("ids", ids);
        String cypher = LINKS_OF.formatted(page("n", "r", "m", "name", query.direction(), "m {.*, __labels: labels(m)}"));
        Map<String, LinkConnection> pages = new HashMap<>();
        graph.readList(cypher, parameters, r -> pages.put(r.get("id").asString(),
                query.connection(r.get("page"), LinkRepository::node)));
        return pages;
    }

    private static Node node(Value value) {
        return Nodes.from(value, value.get("__labels").asList(Value::asString)).orElse(null);
    }
}
