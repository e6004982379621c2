package org.partnergraph.search;

import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import org.neo4j.driver.Value;
import org.partnergraph.graph.Graph;
import org.partnergraph.node.Nodes;

@ApplicationScoped
class SearchRepository {

    /**
     * Full-text (CJK bigram analyser) over names, short names and English names, then boosted so that
     * an exact name or short name ranks first, a name that starts with or contains the text next.
     */
    static final String SEARCH = """
            CALL db.index.fulltext.queryNodes('entity_names', $query) YIELD node, score
            WHERE any(label IN labels(node) WHERE label IN $labels)
            WITH node, score, coalesce(node.shortNames, []) AS shortNames
            WITH node, score
                + CASE
                    WHEN node.name = $text OR $text IN shortNames OR toLower(node.nameEn) = toLower($text) THEN 10.0
                    WHEN node.name STARTS WITH $text OR any(s IN shortNames WHERE s STARTS WITH $text) THEN 3.0
                    WHEN node.name CONTAINS $text OR any(s IN shortNames WHERE s CONTAINS $text) THEN 1.5
                    ELSE 0.0
                  END AS score
            RETURN node, labels(node) AS labels, score
            ORDER BY score DESC, node.id
            LIMIT $first
            """;

    private final Graph graph;

    SearchRepository(Graph graph) {
        this.graph = graph;
    }

    List<SearchHit> search(String text, int first) {
        return graph.readList(SEARCH,
                Map.of("query", LuceneQuery.of(text), "text", text, "labels", Nodes.LABELS, "first", first),
                r -> new SearchHit(
                        Nodes.from(r.get("node"), r.get("labels").asList(Value::asString)).orElseThrow(),
                        r.get("score").asDouble()));
    }
}
