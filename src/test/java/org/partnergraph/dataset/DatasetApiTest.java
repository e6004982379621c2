package org.partnergraph.dataset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.partnergraph.testing.Responses.assertError;
import static org.partnergraph.testing.Responses.ok;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.partnergraph.graph.Graph;
import org.partnergraph.testing.GraphQLClient;
import org.partnergraph.testing.Snapshot;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

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
                "BAD_USER_INPUT", "rejected, nothing applied; 10 problem(s)");
        assertError(EDITOR.file(IMPORT, variables("{ not json", false)), "BAD_USER_INPUT", "not valid JSON");
        assertError(EDITOR.file(IMPORT, variables("[]", false)), "BAD_USER_INPUT", "must be a JSON object");
        assertEquals(before, Snapshot.take(graph, records));
    }

    /** Hostile input through the API: every case is refused with a coded error, never INTERNAL, and writes nothing. */
    @Test
    void nulCharactersHugeNumbersAndDeepNestingAreRefusedWithACode() throws Exception {
        ObjectMapper json = new ObjectMapper();
        String good = DatasetSeeder.resource("/dataset/good-bundle.json").replace("test-good", "test-hostile");
        Map<String, String> cases = new LinkedHashMap<>();
        ObjectNode nul = (ObjectNode) json.readTree(good);
        ((ObjectNode) nul.withArray("organizations").get(0)).put("name", "测试\u0000学校");
        nul.put("description", "\u0000");
        cases.put(json.writeValueAsString(nul), "organizations[0] (test-hostile-college) name: contains control characters");
        cases.put(good.replace("\"year\": 2024", "\"year\": 1" + "0".repeat(400)), "year: must be between 1949 and 2100");
        cases.put(good.replace("\"fundingWan\": 20", "\"fundingWan\": 1e999"), "fundingWan: must be a finite number");
        cases.put(good.replace("\"fundingWan\": 20", "\"fundingWan\": 1" + "0".repeat(5000)), "not valid JSON");
        cases.put(good.replace("\"scheme\": \"以校包系\"", "\"attributes\": {\"deep\": " + "[".repeat(500) + "]".repeat(500) + "}"),
                "attributes.deep: must be a string, number or boolean");
        cases.put(good.replace("\"description\": ", "\"description\": " + "[".repeat(5_000) + "]".repeat(5_000) + ", \"x\": "),
                "not valid JSON");

        Snapshot before = Snapshot.take(graph, records);
        cases.forEach((bundle, message) -> assertError(EDITOR.file(IMPORT, variables(bundle, false)), "BAD_USER_INPUT", message));
        assertEquals(before, Snapshot.take(graph, records));
    }

    @Test
    void onlyEditorsImport() {
        String bundle = DatasetSeeder.resource("/dataset/good-bundle.json");
        assertError(GraphQLClient.anonymous().file(IMPORT, variables(bundle, true)), "UNAUTHENTICATED", "editor");
        assertError(GraphQLClient.as("alice", "analyst").file(IMPORT, variables(bundle, true)), "FORBIDDEN", "editor");
    }
}
