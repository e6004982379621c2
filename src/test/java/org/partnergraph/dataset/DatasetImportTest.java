package org.partnergraph.dataset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.partnergraph.change.ChangeStatus;
import org.partnergraph.document.DocumentService;
import org.partnergraph.graph.Graph;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class DatasetImportTest {

    static final String COUNT_TEST_GRAPH = """
            MATCH (n:Entity) WHERE n.id STARTS WITH $prefix
            OPTIONAL MATCH (n)-[r:%s]-()
            RETURN count(DISTINCT n) AS nodes, count(DISTINCT r) AS relationships
            """.formatted(BundleWriter.DATASET_TYPES);

    @Inject
    DatasetService datasets;

    @Inject
    DocumentService documents;

    @Inject
    Graph graph;

    static final String AUTHOR = "system:test";

    /*
     * The bundles here write ids prefixed test-, and stay: the graph must remain what the change log
     * says (the rebuild test compares them); the golden test counts the curated graph without test- ids.
     */

    int[] counts(String prefix) {
        return graph.readSingle(COUNT_TEST_GRAPH, Map.of("prefix", prefix),
                r -> new int[] { r.get("nodes").asInt(), r.get("relationships").asInt() }).orElseThrow();
    }

    @Test
    void rejectedBundleWritesNothingAnywhere() {
        BundleRejectedException rejected = assertThrows(BundleRejectedException.class,
                () -> datasets.importBundle(DatasetSeeder.resource("/dataset/bad-bundle.json"), false, null, AUTHOR));

        assertEquals(10, rejected.problems().size());
        assertTrue(rejected.getMessage().contains("nothing applied"));
        assertEquals(0, counts("test-bad-")[0]);
        assertTrue(documents.byId("doc-test-bad").isEmpty());
    }

    @Test
    void importIsIdempotent() {
        String bundle = DatasetSeeder.resource("/dataset/good-bundle.json");
        ImportReport first = datasets.importBundle(bundle, false, null, AUTHOR);
        int[] after = counts("test-good-");

        // Same content: recognised and skipped; the answer is the first import's change.
        ImportReport same = datasets.importBundle(bundle, false, null, AUTHOR);
        assertTrue(same.unchanged());
        assertEquals(first.change().id(), same.change().id());
        assertEquals(first.nodes(), same.nodes());
        assertEquals(first.relationships(), same.relationships());
        // Same facts, different bytes: a new change, written again through MERGE, and nothing changes.
        ImportReport again = datasets.importBundle(bundle + "\n", false, null, AUTHOR);
        assertFalse(again.unchanged());
        assertNotEquals(first.change().id(), again.change().id());
        assertEquals(ChangeStatus.APPLIED, again.change().status());
        int[] afterAgain = counts("test-good-");

        assertEquals(8, first.nodes());
        assertEquals(8, after[0]);
        assertEquals(8, after[1]);
        assertEquals(after[0], afterAgain[0]);
        assertEquals(after[1], afterAgain[1]);
        assertEquals("测〔2024〕1号", documents.byId("doc-test-good").orElseThrow().number());
    }

    @Test
    void dryRunValidatesAndWritesNothing() {
        String bundle = DatasetSeeder.resource("/dataset/good-bundle.json").replace("test-good", "test-dry");
        ImportReport report = datasets.importBundle(bundle, true, null, AUTHOR);

        assertTrue(report.dryRun());
        assertNull(report.change());
        assertEquals(8, report.nodes());
        assertEquals(0, counts("test-dry-")[0]);
    }

    @Test
    void invalidJsonIsABadInputNotACrash() {
        BundleRejectedException rejected = assertThrows(BundleRejectedException.class,
                () -> datasets.importBundle("{ \"bundle\": ", false, null, AUTHOR));
        assertTrue(rejected.problems().get(0).reason().contains("not valid JSON"));
    }
}
