package org.partnergraph.change;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.partnergraph.testing.Responses.assertError;
import static org.partnergraph.testing.Responses.ok;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.partnergraph.graph.Graph;
import org.partnergraph.testing.GraphQLClient;
import org.partnergraph.testing.PostgresTestResource;
import org.partnergraph.testing.WriteFixture;
import org.partnergraph.testing.WriteTest;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** PostgreSQL unreachable: a write is refused with a clear error and nothing reaches the graph. */
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
}
