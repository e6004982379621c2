package org.partnergraph.api;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;
import org.partnergraph.testing.NodePackages;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The graphql-http server audits (npm graphql-http, the GraphQL-over-HTTP working group's conformance
 * suite) against this service: every MUST and SHOULD passes but those allowed below, each with its
 * reason, and the optional (MAY) behaviours we offer pass too, GET above all. The audit script and its
 * locked dependencies are under src/test/node/graphql-http; {@code npm ci} installs them into target/ once
 * (again only when the lock file changes). Needs node and npm on the PATH, as the build machines have.
 */
@QuarkusTest
class GraphQLOverHttpAuditTest {

    static final Path SOURCE = Path.of("src", "test", "node", "graphql-http");
    static final Path WORK = Path.of("target", "graphql-http-audit");

    /** SHOULDs this API does not follow, and why. Empty: it follows them all. */
    static final Map<String, String> SHOULDS_NOT_FOLLOWED = Map.of();

    /**
     * MAYs this API does: GET for queries (with JSON variables), never a mutation by GET, 400 for a missing
     * query with application/graphql-response+json. The other MAYs (400 for parameters of the wrong type with
     * application/json) it does not do: such answers stay 200 with a coded error, as legacy JSON clients get.
     */
    static final Set<String> MAYS_OFFERED = Set.of(
            "5A70", // GET with the query in the URL
            "D6D5", // GET with URL-encoded JSON variables, application/graphql-response+json
            "6A70", // the same, application/json
            "9C48", // no mutation by GET (the spec makes it a MUST for servers that offer GET)
            "423L", // 400 for a missing query, application/graphql-response+json
            "B6DC"); // a status for a body that is not JSON (400)

    @TestHTTPResource("/graphql")
    URL graphql;

    @Test
    void everyMustAndShouldPassesAndGetIsOffered() throws Exception {
        NodePackages.install(SOURCE, WORK, List.of("package.json", "audit.mjs"));
        String output = NodePackages.run(List.of("node", "audit.mjs", graphql.toString()), WORK, 2, "the audit failed");

        ObjectMapper json = new ObjectMapper();
        Map<String, JsonNode> results = new TreeMap<>();
        for (String line : output.split("\n")) {
            if (line.startsWith("{")) {
                JsonNode result = json.readTree(line);
                results.put(result.get("id").asText(), result);
            }
        }
        assertTrue(results.size() >= 50, "too few audits ran: " + output);
        results.values().forEach(result -> System.out.println("graphql-http audit " + result.get("id").asText() + " "
                + result.get("status").asText() + ": " + result.get("name").asText()));
        List<String> failed = new ArrayList<>();
        for (JsonNode result : results.values()) {
            String id = result.get("id").asText();
            String status = result.get("status").asText();
            boolean required = result.get("name").asText().startsWith("MUST")
                    || (result.get("name").asText().startsWith("SHOULD") && !SHOULDS_NOT_FOLLOWED.containsKey(id));
            if (!status.equals("ok") && (required || MAYS_OFFERED.contains(id))) {
                failed.add(id + " " + result.get("name").asText() + ": " + result.get("reason").asText());
            }
        }
        assertTrue(failed.isEmpty(), () -> String.join("\n", failed));
        for (String id : SHOULDS_NOT_FOLLOWED.keySet()) {
            assertTrue(results.containsKey(id), "allowed audit " + id + " no longer exists");
        }
    }
}
