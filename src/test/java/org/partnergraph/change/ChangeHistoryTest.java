package org.partnergraph.change;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.partnergraph.testing.Responses.assertError;
import static org.partnergraph.testing.Responses.ok;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.partnergraph.testing.GraphQLClient;
import org.partnergraph.testing.WriteFixture;
import org.partnergraph.testing.WriteTest;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** changes(nodeId): who changed what and when, from which document, newest first, for analysts and above. */
@QuarkusTest
class ChangeHistoryTest extends WriteTest {

    static final String HISTORY = "change/changes";
    static final String NODE = "test-w-history";
    static final GraphQLClient ANALYST = GraphQLClient.as("alice", "analyst");

    @BeforeEach
    void writes() {
        GraphQLClient eddie = GraphQLClient.as("eddie", "editor");
        ok(eddie.file("organization/upsertOrganization", Map.of("input", Map.of("id", NODE, "name", "写测历史",
                "kind", "SCHOOL", "source", WriteFixture.source("写测")), "key", "test-history-1")));
        ok(GraphQLClient.as("erin", "editor").file("organization/upsertOrganization", Map.of("input", Map.of("id", NODE,
                "nameEn", "History School", "source", Map.of("documentId", WriteFixture.SECOND_DOCUMENT, "quote", "写测")),
                "key", "test-history-2")));
        ok(eddie.file("organization/upsertOrganization", Map.of("input", Map.of("id", NODE, "kind", "SECONDARY_VOCATIONAL_SCHOOL"),
                "key", "test-history-3")));
    }

    @Test
    void theHistoryOfANodeSaysWhoChangedWhatWhenAndFromWhichDocument() {
        JsonPath body = ok(ANALYST.file(HISTORY, Map.of("nodeId", NODE)));

        assertEquals(3, body.getInt("data.changes.totalCount"));
        assertEquals(List.of("eddie", "erin", "eddie"), body.getList("data.changes.edges.node.author"));
        assertEquals(List.of("Updated", "Updated", "Created"), body.getList("data.changes.edges.node.summary", String.class)
                .stream().map(s -> s.split(" ")[0]).toList());
        assertEquals(WriteFixture.SECOND_DOCUMENT, body.getString("data.changes.edges[1].node.document.id"));
        assertEquals("测试更新通知", body.getString("data.changes.edges[1].node.document.title"));
        assertEquals(List.of("APPLIED", "APPLIED", "APPLIED"), body.getList("data.changes.edges.node.status"));
        List<Integer> ids = body.getList("data.changes.edges.node.id", String.class).stream().map(Integer::valueOf).toList();
        assertTrue(ids.get(0) > ids.get(1) && ids.get(1) > ids.get(2), "newest first: " + ids);
        assertNotNull(body.get("data.changes.edges[0].node.createdAt"));
    }

    @Test
    void theHistoryPagesWithCursors() {
        List<String> seen = new ArrayList<>();
        String after = null;
        do {
            Map<String, Object> variables = new java.util.HashMap<>(Map.of("nodeId", NODE, "first", 1));
            variables.put("after", after);
            JsonPath page = ok(ANALYST.file(HISTORY, variables));
            seen.addAll(page.getList("data.changes.edges.node.id"));
            after = page.getBoolean("data.changes.pageInfo.hasNextPage") ? page.getString("data.changes.pageInfo.endCursor") : null;
        } while (after != null);
        assertEquals(ok(ANALYST.file(HISTORY, Map.of("nodeId", NODE))).getList("data.changes.edges.node.id"), seen);
    }

    @Test
    void theWholeLogAndThePartnershipsHistoryAreThereToo() {
        JsonPath all = ok(ANALYST.file(HISTORY, Map.of("first", 5)));
        assertTrue(all.getInt("data.changes.totalCount") >= 4 + 3, "four curated bundles and this test's writes");
        JsonPath seed = ok(ANALYST.file(HISTORY, Map.of("nodeId", "kashgar-polytechnic")));
        assertTrue(seed.getList("data.changes.edges.node.author").contains("system:dataset-seed"), seed.prettify());
        assertTrue(seed.getList("data.changes.edges.node.kind").contains("IMPORT_DATASET"));
    }

    @Test
    void historyIsForAnalystsAndAboveAndChecksItsArguments() {
        assertError(GraphQLClient.anonymous().file(HISTORY, Map.of("nodeId", NODE)), "UNAUTHENTICATED", "analyst");
        assertError(GraphQLClient.as("victor", "viewer").file(HISTORY, Map.of("nodeId", NODE)), "FORBIDDEN", "analyst");
        assertError(ANALYST.file(HISTORY, Map.of("nodeId", "no-such-node")), "NOT_FOUND", "nodeId");
        assertError(ANALYST.file(HISTORY, Map.of("nodeId", NODE, "first", 101)), "LIMIT_EXCEEDED", "first");
        assertError(ANALYST.file(HISTORY, Map.of("nodeId", NODE, "first", 0)), "BAD_USER_INPUT", "first");
        assertError(ANALYST.file(HISTORY, Map.of("nodeId", NODE, "after", "bm90LWEtY3Vyc29y")), "BAD_USER_INPUT", "after");
        assertError(ANALYST.file("change/change", Map.of("id", "abc")), "BAD_USER_INPUT", "id");
        assertError(GraphQLClient.anonymous().file("change/change", Map.of("id", "1")), "UNAUTHENTICATED", "analyst");
    }
}
