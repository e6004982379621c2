package org.partnergraph.testing;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import javax.sql.DataSource;

import org.neo4j.driver.Value;
import org.partnergraph.graph.Graph;

/**
 * Everything the stores hold, in a comparable form: every node (labels and properties), every
 * relationship (ends, type, properties), and the number of changes and documents in PostgreSQL. Two
 * snapshots are equal when nothing was written in between, or when a rebuild reproduced the graph.
 */
public record Snapshot(List<String> nodes, List<String> relationships, long changes, long documents) {

    static final String NODES = """
            MATCH (n) WHERE NOT any(l IN labels(n) WHERE l STARTS WITH '__')
            RETURN n.id AS id, labels(n) AS labels, properties(n) AS props
            """;

    static final String RELATIONSHIPS = """
            MATCH (a)-[r]->(b)
            WHERE NOT any(l IN labels(a) + labels(b) WHERE l STARTS WITH '__')
            RETURN a.id AS from, type(r) AS type, b.id AS to, properties(r) AS props
            """;

    public static Snapshot take(Graph graph, DataSource records) {
        List<String> nodes = new ArrayList<>(graph.readList(NODES, Map.of(), r -> r.get("id").asString() + " "
                + r.get("labels").asList(Value::asString).stream().sorted().toList() + " " + canonical(r.get("props"))));
        List<String> relationships = new ArrayList<>(graph.readList(RELATIONSHIPS, Map.of(), r -> r.get("from").asString()
                + " -" + r.get("type").asString() + "-> " + r.get("to").asString() + " " + canonical(r.get("props"))));
        nodes.sort(null);
        relationships.sort(null);
        return new Snapshot(nodes, relationships, count(records, "change"), count(records, "document"));
    }

    private static String canonical(Value props) {
        return new TreeMap<>(props.asMap()).toString();
    }

    private static long count(DataSource records, String table) {
        try (Connection c = records.getConnection(); Statement s = c.createStatement();
                ResultSet r = s.executeQuery("SELECT count(*) FROM " + table)) {
            r.next();
            return r.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
