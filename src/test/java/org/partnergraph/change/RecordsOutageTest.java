package org.partnergraph.change;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.partnergraph.testing.Responses.assertError;
import static org.partnergraph.testing.Responses.ok;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.partnergraph.common.RecordsUnavailableException;
import org.partnergraph.testing.GraphQLClient;
import org.partnergraph.testing.PostgresTestResource;
import org.partnergraph.testing.WriteFixture;
import org.partnergraph.testing.WriteTest;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * PostgreSQL unreachable: a write refused before its COMMIT is told nothing was written, and nothing
 * reaches the graph; a write whose COMMIT answer is lost is told the outcome is unknown and the key to
 * send it again with, and sending it again answers the recorded change, written once.
 */
@QuarkusTest
class RecordsOutageTest extends WriteTest {

    static final GraphQLClient EDITOR = GraphQLClient.as("eddie", "editor");
    static final String ID = "test-w-records-down";

    @AfterEach
    void restore() throws Exception {
        PostgresTestResource.proxy().restore();
    }

    static JsonPath write() {
        return EDITOR.file("organization/upsertOrganization", Map.of("input", Map.of("id", ID, "name", "写测无记录",
                "kind", "SCHOOL", "source", WriteFixture.source("写测"))));
    }

    static String status(String change) {
        return ok(GraphQLClient.as("alice", "analyst").file("change/change", Map.of("id", change))).getString("data.change.status");
    }

    long inGraph() {
        return graph.readSingle("MATCH (o:Organization {id: $id}) RETURN count(o) AS n", Map.of("id", ID),
                r -> r.get("n").asLong()).orElseThrow();
    }

    @Test
    void aWriteIsRefusedWhileTheChangeLogIsUnreachableAndAcceptedAfter() throws Exception {
        PostgresTestResource.proxy().cut();

        assertError(write(), "RECORDS_UNAVAILABLE", "nothing was written");
        assertEquals(0, inGraph());
        // Reads of the graph do not need the change log.
        JsonPath read = ok(GraphQLClient.anonymous().query("query($id: ID!) { organization(id: $id) { id name } }",
                Map.of("id", WriteFixture.COLLEGE)));
        assertEquals("写测职业技术学院", read.getString("data.organization.name"));

        PostgresTestResource.proxy().restore();
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        JsonPath retried = write();
        while (retried.get("errors") != null && Instant.now().isBefore(deadline)) {
            Thread.sleep(250);
            retried = write();
        }
        String change = ok(retried).getString("data.upsertOrganization.change.id");
        while (!"APPLIED".equals(status(change)) && Instant.now().isBefore(deadline)) {
            Thread.sleep(100);
        }
        assertEquals("APPLIED", status(change));
        assertEquals(1, inGraph());
    }

    static JsonPath write(String id, String key) {
        Map<String, Object> variables = new HashMap<>();
        variables.put("input", Map.of("id", id, "name", "写测提交未知", "kind", "SCHOOL", "source", WriteFixture.source("写测")));
        variables.put("key", key);
        return EDITOR.file("organization/upsertOrganization", variables);
    }

    /** The same write sent again until the pool has a live connection (the fault closed one). */
    static JsonPath retried(String id, String key) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        JsonPath again = write(id, key);
        while (again.get("errors") != null && !"BAD_USER_INPUT".equals(again.getString("errors[0].extensions.code"))
                && Instant.now().isBefore(deadline)) {
            Thread.sleep(250);
            again = write(id, key);
        }
        return ok(again);
    }

    List<String> changesWithKey(String key) throws Exception {
        List<String> ids = new ArrayList<>();
        try (Connection c = records.getConnection();
                PreparedStatement s = c.prepareStatement("SELECT id FROM change WHERE idempotency_key = ?")) {
            s.setString(1, key);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    ids.add(r.getString(1));
                }
            }
        }
        return ids;
    }

    long inGraph(String id) {
        return graph.readSingle("MATCH (o:Organization {id: $id}) RETURN count(o) AS n", Map.of("id", id),
                r -> r.get("n").asLong()).orElseThrow();
    }

    @Test
    void aWriteWhoseCommitAnswerIsLostIsToldTheOutcomeIsUnknownAndItsRetryAnswersTheRecordedChange() throws Exception {
        String id = "test-w-commit-answer-lost";
        String key = "commit-answer-lost-" + System.nanoTime();
        PostgresTestResource.proxy().loseTheAnswerToTheNextCommitAfter(id);

        JsonPath lost = write(id, key);

        assertTrue(PostgresTestResource.proxy().commitAnswerLost(), "the fault struck: " + lost.prettify());
        assertError(lost, "WRITE_OUTCOME_UNKNOWN", "whether it was recorded is unknown");
        assertError(lost, "WRITE_OUTCOME_UNKNOWN", "idempotencyKey '" + key + "'");
        // It was committed: "nothing was written" would have been false.
        List<String> recorded = changesWithKey(key);
        assertEquals(1, recorded.size());

        JsonPath again = retried(id, key);
        assertEquals(recorded.get(0), again.getString("data.upsertOrganization.change.id"), "the recorded change");
        assertEquals(List.of(recorded.get(0)), changesWithKey(key), "written once");
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (!"APPLIED".equals(status(recorded.get(0))) && Instant.now().isBefore(deadline)) {
            Thread.sleep(100);
        }
        assertEquals(1, inGraph(id));
    }

    @Test
    void aWriteSentWithoutAKeyIsToldTheKeyToRetryWith() throws Exception {
        String id = "test-w-commit-answer-lost-keyless";
        PostgresTestResource.proxy().loseTheAnswerToTheNextCommitAfter(id);

        JsonPath lost = write(id, null);

        assertError(lost, "WRITE_OUTCOME_UNKNOWN", "idempotencyKey 'auto:");
        Matcher key = Pattern.compile("idempotencyKey '([^']+)'").matcher(lost.getString("errors[0].message"));
        assertTrue(key.find());
        List<String> recorded = changesWithKey(key.group(1));
        assertEquals(1, recorded.size());
        assertEquals(recorded.get(0), retried(id, key.group(1)).getString("data.upsertOrganization.change.id"));
        assertEquals(recorded, changesWithKey(key.group(1)));
    }

    @Test
    void everySqlStateThatMeansUnavailableIsRecordsUnavailable() {
        // 57P03: PostgreSQL starting up, which answered INTERNAL before.
        for (String state : List.of("08000", "08001", "08006", "57P01", "57P02", "57P03", "53300", "40001", "40P01")) {
            RuntimeException failure = new IllegalStateException("commit", new SQLException("from PostgreSQL", state));
            assertTrue(RecordsUnavailableException.orRethrow(failure) instanceof RecordsUnavailableException, state);
        }
        for (String state : List.of("23505", "42P01", "22001")) {
            RuntimeException failure = new IllegalStateException("commit", new SQLException("from PostgreSQL", state));
            assertSame(failure, RecordsUnavailableException.orRethrow(failure), state);
        }
    }
}
