package org.partnergraph.dataset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.partnergraph.testing.Responses.assertError;
import static org.partnergraph.testing.Responses.ok;

import java.util.HashMap;
import java.util.Map;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.partnergraph.graph.Graph;
import org.partnergraph.testing.GraphQLClient;
import org.partnergraph.testing.Snapshot;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** importDataset: the importer, exposed to editors, as one change per bundle. */
@QuarkusTest
class DatasetApiTest {

    static final String IMPORT = "dataset/importDataset";
    static final GraphQLClient EDITOR = GraphQLClient.as("eddie", "editor");

    @Inject
    Graph graph;

    @Inject
    DataSource records;

    static Map<String, Object> variables(String bundle, boolean dryRun) {
        Map<String, Object> variables = new HashMap<>();
        variables.put("bundle", bundle);
        variables.put("dryRun", dryRun);
        return variables;
    }

    @Test
    void anEditorImportsABundleOnceAndADryRunWritesNothing() {
        String bundle = DatasetSeeder.resource("/dataset/good-bundle.json").replace("test-good", "test-api");
        Snapshot before = Snapshot.take(graph, records);

        JsonPath dry = ok(EDITOR.file(IMPORT, variables(bundle, true)));
        assertTrue(dry.getBoolean("data.importDataset.dryRun"));
        assertNull(dry.get("data.importDataset.change"));
        assertEquals(before, Snapshot.take(graph, records));

        JsonPath imported = ok(EDITOR.file(IMPORT, variables(bundle, false)));
        assertEquals("test-api-bundle", imported.getString("data.importDataset.bundle"));
        assertEquals(8, imported.getInt("data.importDataset.nodes"));
        assertEquals("IMPORT_DATASET", imported.getString("data.importDataset.change.kind"));
        assertEquals("APPLIED", imported.getString("data.importDataset.change.status"));

        JsonPath again = ok(EDITOR.file(IMPORT, variables(bundle, false)));
        assertTrue(again.getBoolean("data.importDataset.unchanged"));
        assertEquals(imported.getString("data.importDataset.change.id"), again.getString("data.importDataset.change.id"));
        assertEquals(8, again.getInt("data.importDataset.nodes"));
        assertEquals(imported.getInt("data.importDataset.relationships"), again.getInt("data.importDataset.relationships"));
    }

    @Test
    void aBadBundleListsItsProblemsAndWritesNothing() {
        Snapshot before = Snapshot.take(graph, records);
        assertError(EDITOR.file(IMPORT, variables(DatasetSeeder.resource("/dataset/bad-bundle.json"), false)),
                "BAD_USER_INPUT", "rejected, nothing applied; 11 problem(s)");
        assertError(EDITOR.file(IMPORT, variables("{ not json", false)), "BAD_USER_INPUT", "not valid JSON");
        assertError(EDITOR.file(IMPORT, variables("[]", false)), "BAD_USER_INPUT", "must be a JSON object");
        assertEquals(before, Snapshot.take(graph, records));
    }

    @Test
    void onlyEditorsImport() {
        String bundle = DatasetSeeder.resource("/dataset/good-bundle.json");
        assertError(GraphQLClient.anonymous().file(IMPORT, variables(bundle, true)), "UNAUTHENTICATED", "editor");
        assertError(GraphQLClient.as("alice", "analyst").file(IMPORT, variables(bundle, true)), "FORBIDDEN", "editor");
    }
}
