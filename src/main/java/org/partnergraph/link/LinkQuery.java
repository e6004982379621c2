package org.partnergraph.link;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.neo4j.driver.Value;
import org.partnergraph.analytics.Edge;
import org.partnergraph.common.BadUserInputException;
import org.partnergraph.common.Cursor;
import org.partnergraph.common.Page;
import org.partnergraph.common.PageRequest;
import org.partnergraph.dataset.BundleWriter;
import org.partnergraph.link.LinkConnection.LinkEdge;
import org.partnergraph.node.Node;

/**
 * A validated {@code links(type, direction, first, after)}: the same for the resolver and the read planner, so
 * both ask Neo4j the same question and page the same way. Links are sorted by type, then the other node's name,
 * then the relationship's id; a cursor holds the first two as its key (split at {@link #SEPARATOR}, which no
 * type name holds) and the id.
 */
record LinkQuery(List<String> types, LinkDirection direction, PageRequest page) {

    static final String SORT = "TYPE_NAME";
    static final char SEPARATOR = 0x1e;

    static LinkQuery of(List<String> types, LinkDirection direction, Integer first, String after) {
        if (types != null) {
            for (String type : types) {
                if (type == null) {
                    throw new BadUserInputException("type: a list of relationship types, without null.");
                }
                if (!BundleWriter.TYPES.contains(type)) {
                    throw new BadUserInputException("type: '" + type + "' is not a relationship type; one of "
                            + String.join(", ", BundleWriter.TYPES) + ".");
                }
            }
        }
        PageRequest page = PageRequest.of(first, after, SORT);
        if (page.after() != null && page.after().key().indexOf(SEPARATOR) < 0) {
            throw new BadUserInputException("after: not a cursor from this API.");
        }
        return new LinkQuery(types == null || types.isEmpty() ? null : List.copyOf(types),
                direction == null ? LinkDirection.BOTH : direction, page);
    }

    /** $types, $limit and the keyset's $afterType, $afterName and $afterId. */
    Map<String, Object> parameters() {
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("types", types);
        parameters.put("limit", page.first() + 1);
        Cursor after = page.after();
        int split = after == null ? -1 : after.key().indexOf(SEPARATOR);
        parameters.put("afterType", after == null ? null : after.key().substring(0, split));
        parameters.put("afterName", after == null ? null : after.key().substring(split + 1));
        parameters.put("afterId", after == null ? null : after.id());
        return parameters;
    }

    /** Reads the page that {@link LinkRepository#page} answers; {@code node} reads the other end. */
    LinkConnection connection(Value value, Function<Value, Node> node) {
        List<Row> rows = value.get("rows").asList(row -> new Row(row.get("name").asString(),
                Link.of(Edge.from(row.get("link")), row.get("out").asBoolean(), node.apply(row.get("node")))));
        return connection(new Page<>(rows, value.get("total").asInt(), page));
    }

    /** The page of a node the graph no longer holds. */
    LinkConnection empty() {
        return connection(new Page<>(List.of(), 0, page));
    }

    private LinkConnection connection(Page<Row> result) {
        return new LinkConnection(result.items().stream().map(r -> new LinkEdge(r.cursor(), r.link())).toList(),
                result.pageInfo(Row::cursor), result.totalCount());
    }

    private record Row(String name, Link link) {

        String cursor() {
            return Cursor.of(SORT, link.type() + SEPARATOR + name, link.id()).encode();
        }
    }
}
