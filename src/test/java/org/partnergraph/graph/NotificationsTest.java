package org.partnergraph.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.neo4j.driver.summary.ResultSummary;

import io.quarkus.test.junit.QuarkusTest;

/**
 * Statements run without notifications: Neo4j would otherwise attach one to every statement for each
 * label, relationship type or property the database does not hold (the synthetic graph has no OFFERS,
 * most graphs no statuses) and for deprecated syntax, and send them with every answer for the driver to
 * decode. A Cypher error is not a notification: it still fails the statement.
 */
@QuarkusTest
class NotificationsTest {

    @Inject
    Graph graph;

    @Test
    void aStatementNeo4jWouldWarnAboutComesBackWithoutNotifications() {
        ResultSummary summary = graph.read(tx -> tx.run("""
                MATCH (n:NoSuchLabelInThisGraph)-[:NO_SUCH_TYPE_IN_THIS_GRAPH]->(m)
                WHERE n.noSuchPropertyInThisGraph = 1
                CALL { WITH m RETURN m AS same }
                RETURN same""", Map.of()));
        assertEquals(List.of(), summary.notifications(), "notifications: " + summary.notifications());
        assertTrue(summary.gqlStatusObjects().stream().noneMatch(s -> s.gqlStatus().startsWith("01")),
                "warnings: " + summary.gqlStatusObjects());
    }

    @Test
    void aCypherErrorStillFailsTheStatement() {
        var failure = org.junit.jupiter.api.Assertions.assertThrows(org.neo4j.driver.exceptions.ClientException.class,
                () -> graph.read(tx -> tx.run("MATCH (n) RETURN m", Map.of())));
        assertTrue(failure.code().contains("SyntaxError"), failure.code());
    }
}
