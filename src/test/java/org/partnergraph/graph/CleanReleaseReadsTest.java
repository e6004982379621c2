package org.partnergraph.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.AccessMode;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Config;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.neo4j.driver.Query;
import org.neo4j.driver.SessionConfig;
import org.neo4j.driver.TransactionConfig;
import org.neo4j.driver.exceptions.ClientException;
import org.neo4j.harness.Neo4j;
import org.neo4j.harness.Neo4jBuilders;

/**
 * {@link CleanReleaseConnections} under a real Neo4j, with a driver whose pool holds one connection, so every
 * statement reuses the connection the one before gave back, clean or not: a RESET skipped where one was needed
 * shows as the next statement failing, or answering another statement's records.
 *
 * <p>Plain JUnit with its own in-process Neo4j: the driver finds the factory with the ServiceLoader of its own
 * class loader, which sees the application's META-INF/services here and in the packaged jar (PackagedJarIT
 * checks it there), but not in Quarkus' dev and test mode, which load dependencies apart from the application.
 */
class CleanReleaseReadsTest {

    private static Neo4j neo4j;
    private static Driver one;

    @BeforeAll
    static void start() {
        neo4j = Neo4jBuilders.newInProcessBuilder().withDisabledServer().build();
        one = GraphDatabase.driver(neo4j.boltURI(), AuthTokens.none(), Config.builder().withMaxConnectionPoolSize(1).build());
    }

    @AfterAll
    static void stop() {
        one.close();
        neo4j.close();
    }

    private static long read(long x) {
        try (var session = one.session(SessionConfig.builder().withDefaultAccessMode(AccessMode.READ).build())) {
            return session.run("RETURN $x AS x", Map.of("x", x)).single().get("x").asLong();
        }
    }

    @Test
    void cleanReadsGiveTheirConnectionBackWithoutReset() {
        read(0);
        long skipped = CleanReleaseConnections.skipped();
        long sent = CleanReleaseConnections.sent();
        for (long i = 1; i <= 20; i++) {
            assertEquals(i, read(i));
        }
        assertEquals(20, CleanReleaseConnections.skipped() - skipped, "each clean release answered without a RESET");
        assertEquals(sent, CleanReleaseConnections.sent(), "no RESET sent");
    }

    @Test
    void aFailedStatementIsResetAndTheConnectionServesTheNextOne() {
        long sent = CleanReleaseConnections.sent();
        try (var session = one.session()) {
            assertThrows(ClientException.class, () -> session.run("RETURN $missing +", Map.of()).consume());
        }
        assertTrue(CleanReleaseConnections.sent() > sent, "the failed connection was RESET");
        assertEquals(7, read(7));
    }

    @Test
    void aResultLeftUnreadIsResetAndTheNextStatementGetsOnlyItsOwnRecords() {
        long sent = CleanReleaseConnections.sent();
        try (var session = one.session(SessionConfig.builder().withFetchSize(10).build())) {
            var result = session.run("UNWIND range(1, 5000) AS x RETURN x");
            assertEquals(1, result.next().get("x").asInt());
        }
        assertTrue(CleanReleaseConnections.sent() > sent, "records were left: RESET");
        try (var session = one.session()) {
            assertEquals(List.of(11L), session.run("RETURN 11 AS x").list(r -> r.get("x").asLong()));
        }
    }

    @Test
    void committedAndRolledBackTransactionsAreCleanAndTheConnectionServesTheNextOne() {
        long skipped = CleanReleaseConnections.skipped();
        long sent = CleanReleaseConnections.sent();
        try (var session = one.session()) {
            session.executeWrite(tx -> tx.run("CREATE (:CleanReleaseProbe {n: 1})").consume());
            try (var tx = session.beginTransaction()) {
                tx.run("CREATE (:CleanReleaseProbe {n: 2})").consume();
                tx.rollback();
            }
            assertEquals(1L, session.run("MATCH (p:CleanReleaseProbe) RETURN count(p) AS n").single().get("n").asLong());
        }
        assertEquals(sent, CleanReleaseConnections.sent(), "commit and rollback leave it clean");
        assertTrue(CleanReleaseConnections.skipped() - skipped >= 3);
        assertEquals(3, read(3));
    }

    @Test
    void aStatementStoppedByItsTimeoutIsResetAndTheConnectionRecovers() {
        long sent = CleanReleaseConnections.sent();
        try (var session = one.session()) {
            assertThrows(RuntimeException.class, () -> session.run(new Query(
                    "UNWIND range(1, 1000000000) AS x WITH x WHERE x = -1 RETURN count(*)"),
                    TransactionConfig.builder().withTimeout(Duration.ofMillis(200)).build()).consume());
        }
        assertTrue(CleanReleaseConnections.sent() > sent);
        assertEquals(5, read(5));
    }
}
