package org.partnergraph.graph;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;
import org.neo4j.driver.exceptions.ClientException;

/**
 * Applies the Cypher schema files under {@code neo4j/migrations/} in version order, each once, as
 * Flyway does for PostgreSQL: a {@code :__Migration} node per file records it with the checksum of its
 * statements, and a file changed after it was applied stops the start with an error naming it.
 * Replicas that start together take turns through a lease lock (a {@code :__MigrationLock} node under
 * a unique constraint), so each migration runs once. Statements use {@code IF NOT EXISTS}, so a
 * migration interrupted half-way can simply run again.
 * <p>
 * neo4j-migrations (eu.michael-simons.neo4j) would do this, but no version of it is served from the
 * Maven repository this project builds from; the file names already follow its convention.
 */
@ApplicationScoped
public class GraphMigrations {

    private static final Logger LOG = Logger.getLogger(GraphMigrations.class);

    static final String FOLDER = "/neo4j/migrations/";

    /** Listed here rather than scanned: a packaged jar has no directory to list (a test checks the list). */
    static final List<String> FILES = List.of(
            "V0001__Unique_ids.cypher",
            "V0002__Name_fulltext_index.cypher",
            "V0003__Lookup_indexes.cypher",
            "V0004__Relationship_id_indexes.cypher",
            "V0005__Derived_provinces.cypher",
            "V0006__Pinyin_in_name_index.cypher",
            "V0007__Partner_links.cypher");

    /**
     * Schema statements return at once (indexes fill in the background), but the data migrations walk the
     * whole graph once: V0005 took 18 s and V0007 (partner links) 41 s on the 660k-node benchmark graph with
     * a busy machine. A lock older than this was left by a replica that died and is taken over; taking over
     * a live holder's lock would run its migration twice at once, so the lease is well above the longest.
     */
    static final Duration LEASE = Duration.ofMinutes(3);
    private static final long WAIT_MILLIS = 250;

    private static final String LOCK_CONSTRAINT = """
            CREATE CONSTRAINT migration_lock_id IF NOT EXISTS FOR (l:__MigrationLock) REQUIRE l.id IS UNIQUE""";
    private static final String DROP_EXPIRED_LOCK = """
            MATCH (l:__MigrationLock {id: 'schema'}) WHERE l.expiresAt < datetime() DELETE l""";
    private static final String LOCK = """
            CREATE (:__MigrationLock {id: 'schema', owner: $owner, expiresAt: datetime() + duration($lease)})""";
    private static final String UNLOCK = "MATCH (l:__MigrationLock {id: 'schema', owner: $owner}) DELETE l";
    private static final String APPLIED = "MATCH (m:__Migration) RETURN m.version AS version, m.checksum AS checksum";
    /** Also adopts, with today's checksum, a migration that the earlier runner recorded without one. */
    private static final String RECORD = """
            MERGE (m:__Migration {version: $version})
            ON CREATE SET m.appliedAt = datetime()
            SET m.checksum = $checksum""";
    private static final String CONSTRAINT_VIOLATION = "Neo.ClientError.Schema.ConstraintValidationFailed";
    private static final String ALREADY_EXISTS = "Neo.ClientError.Schema.EquivalentSchemaRuleAlreadyExists";

    private final Graph graph;
    private final String folder;
    private final List<String> files;

    @Inject
    GraphMigrations(Graph graph) {
        this(graph, FOLDER, FILES);
    }

    GraphMigrations(Graph graph, String folder, List<String> files) {
        this.graph = graph;
        this.folder = folder;
        this.files = files;
    }

    /** Applies what is missing; answers the files applied now (none when another replica did). */
    public List<String> migrate() {
        String owner = UUID.randomUUID().toString();
        try {
            write(LOCK_CONSTRAINT, Map.of());
        } catch (ClientException e) {
            // Replicas starting on a new database race here too: IF NOT EXISTS does not cover a rule being created.
            if (!ALREADY_EXISTS.equals(e.code())) {
                throw e;
            }
        }
        lock(owner);
        try {
            return applyMissing();
        } finally {
            write(UNLOCK, Map.of("owner", owner));
        }
    }

    private List<String> applyMissing() {
        // The earlier runner recorded no checksum (""), and replicas racing through it could record a file twice.
        Map<String, String> applied = graph.read(tx -> tx.list(APPLIED, Map.of(),
                r -> Map.entry(r.get("version").asString(), r.get("checksum").asString(""))))
                .stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a.isEmpty() ? b : a));
        List<String> now = new ArrayList<>();
        for (String file : files) {
            List<String> statements = statements(file);
            String checksum = checksum(statements);
            String recorded = applied.get(file);
            if (checksum.equals(recorded)) {
                continue;
            }
            if (recorded != null && !recorded.isEmpty()) {
                throw new IllegalStateException("Neo4j migration " + file + " was changed after it was applied "
                        + "(checksum " + recorded + " recorded, " + checksum + " now): restore it and put the change "
                        + "in a new migration file");
            }
            if (recorded == null) {
                // Schema statements may not share a transaction with data writes.
                statements.forEach(statement -> write(statement, Map.of()));
                now.add(file);
                LOG.infof("Applied Neo4j migration %s", file);
            }
            write(RECORD, Map.of("version", file, "checksum", checksum));
        }
        return now;
    }

    private void lock(String owner) {
        Map<String, Object> parameters = Map.of("owner", owner, "lease", LEASE.toString());
        boolean told = false;
        while (true) {
            try {
                graph.write(tx -> {
                    tx.run(DROP_EXPIRED_LOCK, Map.of());
                    tx.run(LOCK, parameters);
                    return null;
                });
                return;
            } catch (ClientException e) {
                if (!CONSTRAINT_VIOLATION.equals(e.code())) {
                    throw e;
                }
            }
            if (!told) {
                LOG.info("Another replica is migrating the Neo4j schema; waiting for it");
                told = true;
            }
            try {
                Thread.sleep(WAIT_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while waiting for the Neo4j migration lock", e);
            }
        }
    }

    private void write(String cypher, Map<String, Object> parameters) {
        graph.write(tx -> {
            tx.run(cypher, parameters);
            return null;
        });
    }

    /**
     * The file's statements without comment lines: a comment edit is no change. Public for the tests that
     * check a migration writes what the projector writes.
     */
    public List<String> statements(String file) {
        try (InputStream in = GraphMigrations.class.getResourceAsStream(folder + file)) {
            if (in == null) {
                throw new IllegalStateException("Missing Neo4j migration " + folder + file);
            }
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(line -> !line.strip().startsWith("//"))
                    .collect(Collectors.joining("\n"));
            return Arrays.stream(text.split(";")).map(String::strip).filter(s -> !s.isEmpty()).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String checksum(List<String> statements) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(String.join(";\n", statements).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
