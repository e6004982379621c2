package org.partnergraph.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.stream.Stream;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/**
 * The schema migrations against the test Neo4j, with probe migrations of their own (V9xxx, label
 * MigrationProbe) that are removed again, so the service's own schema and records stay as they are.
 */
@QuarkusTest
class GraphMigrationsTest {

    static final String RACE = "/neo4j/test-migrations/race/";
    static final List<String> RACE_FILES = List.of("V9001__Probe_indexes.cypher", "V9002__Probe_constraint.cypher");
    static final String PROBE = "V9101__Probe_name.cypher";

    static final String PROBE_RECORDS = """
            MATCH (m:__Migration) WHERE m.version STARTS WITH 'V9'
            RETURN m.version AS version, m.checksum AS checksum ORDER BY version""";

    @Inject
    Graph graph;

    @BeforeEach
    @AfterEach
    void removeProbes() {
        write("MATCH (m:__Migration) WHERE m.version STARTS WITH 'V9' DELETE m");
        write("DROP CONSTRAINT migration_probe_id IF EXISTS");
        for (String index : graph.readList("SHOW INDEXES YIELD name WHERE name STARTS WITH 'migration_probe' RETURN name",
                Map.of(), r -> r.get("name").asString())) {
            write("DROP INDEX " + index + " IF EXISTS");
        }
    }

    @Test
    void servicesMigrationsAreAllListedAndRecordedWithTheirChecksums() throws Exception {
        Path folder = Path.of(GraphMigrations.class.getResource(GraphMigrations.FOLDER).toURI());
        try (Stream<Path> files = Files.list(folder)) {
            assertEquals(files.map(p -> p.getFileName().toString()).sorted().toList(), GraphMigrations.FILES);
        }
        GraphMigrations migrations = new GraphMigrations(graph);
        Map<String, String> recorded = new HashMap<>();
        graph.readList("MATCH (m:__Migration) RETURN m.version AS version, m.checksum AS checksum", Map.of(),
                r -> recorded.put(r.get("version").asString(), r.get("checksum").asString(null)));
        for (String file : GraphMigrations.FILES) {
            assertEquals(GraphMigrations.checksum(migrations.statements(file)), recorded.get(file), file);
        }
        assertEquals(List.of(), migrations.migrate(), "a second start applies nothing");
    }

    @Test
    void concurrentRunsOnOneDatabaseBothSucceedAndApplyEachMigrationOnce() throws Exception {
        // As on a new database: the runs also race to create the lock's own constraint.
        write("DROP CONSTRAINT migration_lock_id IF EXISTS");
        CyclicBarrier start = new CyclicBarrier(2);
        List<CompletableFuture<List<String>>> runs = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            runs.add(CompletableFuture.supplyAsync(() -> {
                try {
                    start.await();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
                return new GraphMigrations(graph, RACE, RACE_FILES).migrate();
            }));
        }
        List<String> applied = new ArrayList<>();
        for (CompletableFuture<List<String>> run : runs) {
            applied.addAll(run.get());
        }

        assertEquals(RACE_FILES, applied.stream().sorted().toList(), "each file applied by exactly one of the runs");
        assertEquals(RACE_FILES, graph.readList(PROBE_RECORDS, Map.of(), r -> r.get("version").asString()));
        assertEquals(0L, graph.readSingle("MATCH (l:__MigrationLock) RETURN count(l) AS locks", Map.of(),
                r -> r.get("locks").asLong()).orElseThrow(), "the lock is released");
        assertEquals(1L, graph.readSingle("SHOW CONSTRAINTS YIELD name WHERE name = 'migration_probe_id' RETURN count(*) AS n",
                Map.of(), r -> r.get("n").asLong()).orElseThrow());
    }

    @Test
    void migrationChangedAfterItWasAppliedStopsTheStartNamingTheFile() {
        assertEquals(List.of(PROBE), new GraphMigrations(graph, "/neo4j/test-migrations/original/", List.of(PROBE)).migrate());

        IllegalStateException changed = assertThrows(IllegalStateException.class,
                () -> new GraphMigrations(graph, "/neo4j/test-migrations/changed/", List.of(PROBE)).migrate());

        assertTrue(changed.getMessage().startsWith("Neo4j migration " + PROBE + " was changed after it was applied"),
                changed.getMessage());
        assertEquals(0L, graph.readSingle("MATCH (l:__MigrationLock) RETURN count(l) AS locks", Map.of(),
                r -> r.get("locks").asLong()).orElseThrow(), "a failed run releases the lock");
    }

    @Test
    void migrationsRecordedByTheEarlierRunnerWithoutChecksumAreAdoptedNotRunAgain() {
        write("CREATE (:__Migration {version: '" + PROBE + "', appliedAt: datetime()})");
        GraphMigrations migrations = new GraphMigrations(graph, "/neo4j/test-migrations/original/", List.of(PROBE));

        assertEquals(List.of(), migrations.migrate());

        assertEquals(List.of(GraphMigrations.checksum(migrations.statements(PROBE))),
                graph.readList(PROBE_RECORDS, Map.of(), r -> r.get("checksum").asString()));
    }

    private void write(String cypher) {
        graph.write(tx -> {
            tx.run(cypher, Map.of());
            return null;
        });
    }
}
