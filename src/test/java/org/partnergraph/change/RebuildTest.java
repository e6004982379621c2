package org.partnergraph.change;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.partnergraph.testing.Responses.assertError;
import static org.partnergraph.testing.Responses.ok;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.partnergraph.graph.Graph;
import org.partnergraph.testing.GraphQLClient;
import org.partnergraph.testing.Snapshot;
import org.partnergraph.testing.WriteFixture;
import org.partnergraph.testing.WriteTest;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** The graph can always be rebuilt from the change log alone, and replayed from any point, to the same graph. */
@QuarkusTest
class RebuildTest extends WriteTest {

    static final GraphQLClient ADMIN = GraphQLClient.as("root", "admin");
    static final GraphQLClient EDITOR = GraphQLClient.as("eddie", "editor");

    /** Every kind of change is in the log before the rebuild: imports, creates, updates, ends. */
    @BeforeEach
    void writes() {
        ok(EDITOR.file("organization/upsertOrganization", Map.of("input", Map.of("id", "test-w-rebuild-school",
                "name", "写测重建学校", "kind", "SCHOOL", "regionId", WriteFixture.COUNTY, "source", WriteFixture.source("写测")),
                "key", "test-rebuild-school")));
        ok(EDITOR.file("organization/upsertOrganization", Map.of("input", Map.of("id", "test-w-rebuild-school",
                "regionId", WriteFixture.EAST, "nameEn", "Rebuild School"), "key", "test-rebuild-school-moved")));
        JsonPath paired = EDITOR.file("partnership/createPartnership", Map.of("input", Map.of("kind", "PAIRED_WITH",
                "supporterId", WriteFixture.EAST_COLLEGE, "supportedId", "test-w-rebuild-school", "since", "2025",
                "source", WriteFixture.source("结对")), "key", "test-rebuild-pairing"));
        String pairing = ok(paired).getString("data.createPartnership.change.targetId");
        ok(EDITOR.file("partnership/endPartnership", Map.of("input", Map.of("id", pairing, "until", "2026",
                "reason", "期满"), "key", "test-rebuild-ended")));
        ok(EDITOR.file("programme/upsertProgramme", Map.of("input", Map.of("id", "test-w-rebuild-programme",
                "name", "写测重建培训", "category", "TRAINING", "mode", "OTHER", "fundingWan", 3.5,
                "implementerIds", List.of(WriteFixture.EAST_COLLEGE), "targetIds", List.of("test-w-rebuild-school"),
                "source", WriteFixture.source("写测")), "key", "test-rebuild-programme")));
    }

    @Test
    void theRebuiltGraphEqualsTheLiveOne() {
        Snapshot live = snapshot();

        JsonPath rebuilt = ok(ADMIN.file("change/rebuildGraph"));

        Snapshot after = snapshot();
        assertEquals(live.nodes().size(), after.nodes().size());
        assertEquals(live.relationships().size(), after.relationships().size());
        assertEquals(live, after, "same nodes, relationships and properties");
        assertEquals(live.nodes().size(), rebuilt.getLong("data.rebuildGraph.nodes"));
        assertEquals(live.relationships().size(), rebuilt.getLong("data.rebuildGraph.relationships"));
        assertEquals(live.changes(), rebuilt.getLong("data.rebuildGraph.changesApplied"));
        assertTrue(live.nodes().size() > 300, "the curated dataset and the test writes: " + live.nodes().size());
    }

    @Test
    void replayingFromAnyPointChangesNothing() {
        Snapshot live = snapshot();

        JsonPath all = ok(ADMIN.file("change/replayChanges", Map.of("after", "0")));
        assertEquals(live.changes(), all.getLong("data.replayChanges.changesApplied"));
        assertEquals(live, snapshot());

        JsonPath lacking = ok(ADMIN.file("change/replayChanges", Map.of()));
        assertEquals(0, lacking.getInt("data.replayChanges.changesApplied"), "the graph lacks nothing");
        assertEquals(String.valueOf(live.changes()), lacking.getString("data.replayChanges.lastChange"));
    }

    @Test
    void onlyAdminsRebuildOrReplay() {
        assertError(GraphQLClient.anonymous().file("change/rebuildGraph"), "UNAUTHENTICATED", "admin");
        assertError(EDITOR.file("change/rebuildGraph"), "FORBIDDEN", "admin");
        assertError(EDITOR.file("change/replayChanges", Map.of("after", "0")), "FORBIDDEN", "admin");
        assertError(ADMIN.file("change/replayChanges", Map.of("after", "-1")), "BAD_USER_INPUT", "after");
        assertError(ADMIN.file("change/replayChanges", Map.of("after", "99999999")), "BAD_USER_INPUT", "after: must be a change id from 0 to");
    }
}
