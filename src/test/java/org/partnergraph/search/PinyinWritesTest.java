package org.partnergraph.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.partnergraph.testing.Responses.ok;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.neo4j.driver.Value;
import org.partnergraph.testing.GraphQLClient;
import org.partnergraph.testing.WriteFixture;
import org.partnergraph.testing.WriteTest;

import io.quarkus.test.junit.QuarkusTest;

/** The pinyin a node is found by follows its names through every write, and older nodes get it at start. */
@QuarkusTest
class PinyinWritesTest extends WriteTest {

    static final GraphQLClient EDITOR = GraphQLClient.as("eddie", "editor");

    @Inject
    PinyinBackfill backfill;

    @Inject
    SearchRepository repository;

    static List<String> found(String text) {
        return ok(SearchApiTest.search(text, 5)).getList("data.search.node.id");
    }

    static void upsert(String id, String name, String shortName) {
        Map<String, Object> input = new HashMap<>(Map.of("id", id, "name", name, "kind", "SCHOOL",
                "shortNames", List.of(shortName), "source", WriteFixture.source(name)));
        ok(EDITOR.file("organization/upsertOrganization", Map.of("input", input)));
    }

    @Test
    void aWrittenNameIsFoundByItsPinyinInitialsAndTraditionalCharactersAndARenameMovesThem() {
        upsert("test-w-pinyin-school", "写测拼音学校", "写测拼校");
        assertEquals("test-w-pinyin-school", found("xiece pinyin").get(0));
        assertEquals("test-w-pinyin-school", found("xcpyxx").get(0));
        assertEquals("test-w-pinyin-school", found("xiecepinxiao").get(0));
        assertEquals("test-w-pinyin-school", found("寫測拼音學校").get(0));

        upsert("test-w-pinyin-school", "写测改名学校", "写测改校");
        assertFalse(found("xiece pinyin").contains("test-w-pinyin-school"), "the old name's pinyin is gone");
        assertEquals("test-w-pinyin-school", found("xiece gaiming").get(0));
    }

    @Test
    void nodesWrittenBeforePinyinExistedGetTheWritersValuesAtStart() {
        String id = "test-backfill-old-school";
        graph.write(tx -> {
            tx.run("CREATE (:Entity:Organization {id: $id, name: '写测旧图学校', shortNames: ['写测旧校'], kind: 'SCHOOL'})",
                    Map.of("id", id));
            return null;
        });
        try {
            assertFalse(found("xiece jiutu").contains(id), "no pinyin yet");
            assertEquals(1, backfill.run());
            Map<String, Object> stored = graph.readSingle("MATCH (n:Entity {id: $id}) RETURN n", Map.of("id", id),
                    r -> r.get("n").asMap(Value::asObject)).orElseThrow();
            SearchNames.derive("写测旧图学校", List.of("写测旧校"))
                    .forEach((property, value) -> assertEquals(value, stored.get(property), property));
            assertEquals(id, found("xiece jiutu").get(0));
            assertEquals(0, backfill.run(), "a second run finds nothing");
            assertEquals(0, backfill.run(7), "nor does one in small batches");
        } finally {
            graph.write(tx -> {
                tx.run("MATCH (n:Entity {id: $id}) DETACH DELETE n", Map.of("id", id));
                return null;
            });
        }
    }

    /**
     * A start after a finished pass does not scan the graph again: the graph is marked (by this application's
     * own start), so the pass the start-up hook begins leaves even a node without pinyin alone; run() still finds it.
     */
    @Test
    void aStartAfterAFinishedPassSkipsTheScan() {
        String id = "test-backfill-after-marker";
        graph.write(tx -> {
            tx.run("CREATE (:Entity:Organization {id: $id, name: '写测标记学校', kind: 'SCHOOL'})", Map.of("id", id));
            return null;
        });
        try {
            assertTrue(repository.pinyinBackfilled(), "the application's start finished a pass and marked the graph");
            backfill.onGraphReady(null);
            assertTrue(backfill.awaitEnd(Duration.ofSeconds(30)), "the background pass ended");
            assertTrue(graph.readSingle("MATCH (n:Entity {id: $id}) RETURN n.namePinyin IS NULL AS missing",
                    Map.of("id", id), r -> r.get("missing").asBoolean()).orElseThrow(), "the start-up hook skipped");
            assertEquals(1, backfill.run(7));
        } finally {
            graph.write(tx -> {
                tx.run("MATCH (n:Entity {id: $id}) DETACH DELETE n", Map.of("id", id));
                return null;
            });
        }
    }

    /**
     * The pass walks ids in order and does not stop at a batch with nothing to do: nodes lacking pinyin far
     * apart in id order, found in batches of 7 (the curated graph is ~300 nodes, so dozens of batches).
     */
    @Test
    void theBackfillWalksEveryNodeOnceInIdOrderAcrossBatches() {
        List<String> ids = List.of("aaa-test-backfill-first", "mmm-test-backfill-middle", "zzz-test-backfill-last");
        graph.write(tx -> {
            for (String id : ids) {
                tx.run("CREATE (:Entity:Organization {id: $id, name: '写测批次学校', kind: 'SCHOOL'})", Map.of("id", id));
            }
            return null;
        });
        try {
            assertEquals(3, backfill.run(7));
            for (String id : ids) {
                assertEquals(SearchNames.derive("写测批次学校", List.of()).get("namePinyin"), graph.readSingle(
                        "MATCH (n:Entity {id: $id}) RETURN n.namePinyin AS p", Map.of("id", id),
                        r -> r.get("p").asObject()).orElseThrow(), id);
            }
        } finally {
            graph.write(tx -> {
                tx.run("MATCH (n:Entity) WHERE n.id IN $ids DETACH DELETE n", Map.of("ids", ids));
                return null;
            });
        }
    }
}
