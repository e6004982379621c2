package org.partnergraph.graph;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

/**
 * Applies the Cypher schema files under {@code neo4j/migrations/} in version order, each once,
 * recording what ran in a {@code :__Migration} node, as Flyway does for PostgreSQL. Statements
 * use {@code IF NOT EXISTS}, so a migration interrupted half-way can simply run again.
 */
@ApplicationScoped
public class GraphMigrations {

    private static final Logger LOG = Logger.getLogger(GraphMigrations.class);

    /** Listed here rather than scanned: a packaged jar has no directory to list. */
    static final List<String> FILES = List.of(
            "V0001__Unique_ids.cypher",
            "V0002__Name_fulltext_index.cypher",
            "V0003__Lookup_indexes.cypher",
            "V0004__Relationship_id_indexes.cypher");

    private static final String APPLIED = "MATCH (m:__Migration) RETURN m.version AS version";
    private static final String RECORD = "MERGE (m:__Migration {version: $version}) SET m.appliedAt = datetime()";

    private final Graph graph;

    GraphMigrations(Graph graph) {
        this.graph = graph;
    }

    public void migrate() {
        List<String> applied = graph.read(tx -> tx.list(APPLIED, Map.of(), r -> r.get("version").asString()));
        for (String file : FILES) {
            if (applied.contains(file)) {
                continue;
            }
            for (String statement : statements(file)) {
                // Schema statements may not share a transaction with data writes.
                graph.write(tx -> {
                    tx.run(statement, Map.of());
                    return null;
                });
            }
            graph.write(tx -> {
                tx.run(RECORD, Map.of("version", file));
                return null;
            });
            LOG.infof("Applied Neo4j migration %s", file);
        }
    }

    static List<String> statements(String file) {
        try (InputStream in = GraphMigrations.class.getResourceAsStream("/neo4j/migrations/" + file)) {
            if (in == null) {
                throw new IllegalStateException("Missing Neo4j migration " + file);
            }
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(line -> !line.strip().startsWith("//"))
                    .collect(Collectors.joining("\n"));
            return Arrays.stream(text.split(";")).map(String::strip).filter(s -> !s.isEmpty()).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
