package org.partnergraph.programme;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.partnergraph.testing.Responses.assertError;
import static org.partnergraph.testing.Responses.ok;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.partnergraph.testing.GraphQLClient;
import org.partnergraph.testing.Snapshot;
import org.partnergraph.testing.WriteFixture;
import org.partnergraph.testing.WriteTest;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** upsertProgramme: a programme with its implementers and targets, counted in the funding by region. */
@QuarkusTest
class ProgrammeWritesTest extends WriteTest {

    static final String UPSERT = "programme/upsertProgramme";
    static final GraphQLClient EDITOR = GraphQLClient.as("eddie", "editor");

    static Map<String, Object> programme(String id, Object... more) {
        Map<String, Object> input = new HashMap<>(Map.of("id", id, "name", "写测培训" + id, "category", "TRAINING",
                "mode", "LOCAL_LECTURING", "year", 2025, "fundingWan", 12.5, "participants", 40,
                "source", WriteFixture.source("写测培训")));
        for (int i = 0; i < more.length; i += 2) {
            input.put((String) more[i], more[i + 1]);
        }
        return input;
    }

    static JsonPath upsert(Map<String, Object> input) {
        return EDITOR.file(UPSERT, Map.of("input", input));
    }

    @Test
    void aProgrammeWithImplementerAndTargetCountsForItsRegion() {
        String target = "test-w-prog-target";
        ok(EDITOR.file("organization/upsertOrganization", Map.of("input", Map.of("id", target, "name", "写测培训对象学校",
                "kind", "SCHOOL", "regionId", WriteFixture.COUNTY, "source", WriteFixture.source("写测")))));
        JsonPath body = ok(upsert(programme("test-w-prog-training", "implementerIds", List.of(WriteFixture.EAST_COLLEGE),
                "targetIds", List.of(target))));
        assertEquals("APPLIED", body.getString("data.upsertProgramme.change.status"));
        assertEquals(12.5, body.getDouble("data.upsertProgramme.programme.fundingWan"));

        JsonPath inRegion = ok(GraphQLClient.anonymous().file("programme/programmes",
                Map.of("filter", Map.of("regionId", WriteFixture.PROVINCE))));
        assertEquals(List.of("test-w-prog-training"), inRegion.getList("data.programmes.edges.node.id"));
        assertEquals(12.5, inRegion.getDouble("data.programmes.totalFundingWan"));

        JsonPath supporters = ok(GraphQLClient.anonymous().file("partnership/supportersOf", Map.of("id", target)));
        assertEquals(List.of(WriteFixture.EAST_COLLEGE), supporters.getList("data.supportersOf.supporter.id"));

        // Naming the same implementer again adds no second link.
        ok(upsert(Map.of("id", "test-w-prog-training", "implementerIds", List.of(WriteFixture.EAST_COLLEGE),
                "fundingWan", 15.0)));
        assertEquals(1, graph.readList("MATCH (:Organization)-[r:RUNS]->(:Programme {id: 'test-w-prog-training'}) RETURN r",
                Map.of(), r -> r).size());
        JsonPath updated = ok(GraphQLClient.anonymous().file("programme/programmes",
                Map.of("filter", Map.of("regionId", WriteFixture.PROVINCE))));
        assertEquals(15.0, updated.getDouble("data.programmes.totalFundingWan"));
    }

    @Test
    void invalidProgrammesAreRefusedAndNothingIsWritten() {
        Snapshot before = snapshot();

        assertError(upsert(programme("test-w-prog-bad", "fundingWan", -1.0)), "BAD_USER_INPUT",
                "input.fundingWan: must not be negative");
        assertError(upsert(programme("test-w-prog-bad", "participants", -3)), "BAD_USER_INPUT",
                "input.participants: must not be negative");
        assertError(upsert(programme("test-w-prog-bad", "year", 3000)), "BAD_USER_INPUT", "input.year");
        assertError(upsert(programme("test-w-prog-bad", "targetIds", List.of("nowhere"))), "BAD_USER_INPUT",
                "input.targetIds: unknown reference 'nowhere'");
        assertError(upsert(programme("test-w-prog-bad", "implementerIds", List.of(WriteFixture.PROVINCE))), "BAD_USER_INPUT",
                "input.implementerIds: 'test-w-province' is a Region; expected Organization");
        assertError(upsert(programme("test-w-prog-bad", "partOfId", WriteFixture.COLLEGE)), "BAD_USER_INPUT",
                "input.partOfId: 'test-w-college' is a Organization; expected Programme");
        assertError(upsert(programme(WriteFixture.COLLEGE)), "BAD_USER_INPUT", "input.id: 'test-w-college' is a Organization");
        assertError(upsert(programme("test-w-prog-bad", "duration", "天".repeat(41))), "BAD_USER_INPUT", "input.duration");

        assertEquals(before, snapshot());
    }
}
