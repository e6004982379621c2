package org.partnergraph.change;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.partnergraph.testing.Responses.assertError;
import static org.partnergraph.testing.Responses.ok;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.partnergraph.testing.GraphQLClient;
import org.partnergraph.testing.WriteFixture;
import org.partnergraph.testing.WriteTest;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** The same write sent 32 times at once makes exactly one change and one relationship. */
@QuarkusTest
class ConcurrentWritesTest extends WriteTest {

    static final int CLIENTS = 32;
    static final GraphQLClient EDITOR = GraphQLClient.as("eddie", "editor");
    static final GraphQLClient ADMIN = GraphQLClient.as("root", "admin");

    static final String PAIRINGS = """
            MATCH (:Organization {id: $from})-[r:PAIRED_WITH]->(:Organization {id: $to})
            RETURN count(r) AS pairings
            """;

    static String school(String id) {
        ok(EDITOR.file("organization/upsertOrganization", Map.of("input", Map.of("id", id, "name", "写测并发" + id,
                "kind", "SCHOOL", "source", WriteFixture.source("写测")))));
        return id;
    }

    static Map<String, Object> pairing(String school) {
        return Map.of("kind", "PAIRED_WITH", "supporterId", WriteFixture.COLLEGE, "supportedId", school,
                "since", "2025", "source", WriteFixture.source("结对"));
    }

    /** Sends the request from 32 threads released together. */
    static List<JsonPath> atOnce(Callable<JsonPath> request) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
        try {
            List<Callable<JsonPath>> calls = new ArrayList<>();
            for (int i = 0; i < CLIENTS; i++) {
                calls.add(request);
            }
            List<JsonPath> bodies = new ArrayList<>();
            for (Future<JsonPath> answer : pool.invokeAll(calls)) {
                bodies.add(answer.get());
            }
            return bodies;
        } finally {
            pool.shutdown();
        }
    }

    long pairings(String school) {
        return graph.readSingle(PAIRINGS, Map.of("from", WriteFixture.COLLEGE, "to", school),
                r -> r.get("pairings").asLong()).orElseThrow();
    }

    /** CREATE_PARTNERSHIP changes in the history of the school. */
    static long creations(String school) {
        JsonPath history = ok(ADMIN.file("change/changes", Map.of("nodeId", school, "first", 100)));
        return history.getList("data.changes.edges.node.kind").stream().filter("CREATE_PARTNERSHIP"::equals).count();
    }

    @Test
    void oneIdempotencyKeyMakesOneChangeAndEveryRequestGetsIt() throws Exception {
        String school = school("test-w-concurrent-keyed");
        Map<String, Object> variables = new HashMap<>(Map.of("input", pairing(school), "key", "test-concurrent-" + school));

        List<JsonPath> bodies = atOnce(() -> EDITOR.file("partnership/createPartnership", variables));

        bodies.forEach(body -> ok(body));
        Set<String> changes = bodies.stream().map(b -> b.getString("data.createPartnership.change.id")).collect(Collectors.toSet());
        assertEquals(1, changes.size(), "one change for all 32: " + changes);
        assertEquals(1, pairings(school));
        assertEquals(1, creations(school));
    }

    @Test
    void oneNaturalKeyMakesOnePartnershipAndTheOthersAreToldWhy() throws Exception {
        String school = school("test-w-concurrent-natural");

        List<JsonPath> bodies = atOnce(() -> EDITOR.file("partnership/createPartnership", Map.of("input", pairing(school))));

        List<JsonPath> accepted = bodies.stream().filter(b -> b.get("errors") == null).toList();
        assertEquals(1, accepted.size(), "exactly one of 32 is accepted");
        bodies.stream().filter(b -> b.get("errors") != null)
                .forEach(b -> assertError(b, "BAD_USER_INPUT", "already exists (" + accepted.get(0).getString(
                        "data.createPartnership.partnership.id") + ")"));
        assertEquals(1, pairings(school));
        assertEquals(1, creations(school));
    }
}
