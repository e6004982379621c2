package org.partnergraph.programme;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.partnergraph.graph.Graph;
import org.partnergraph.testing.GraphQLClient;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** Keyset pagination of programmes: pages follow each other through endCursor, whatever happens meanwhile. */
@QuarkusTest
class ProgrammesPaginationTest {

    static final String QUERY = "programme/programmes";
    static final String TASK_TABLE = "prog-2018-task-table";

    static final String CREATE_PROGRAMMES = """
            UNWIND $ids AS id
            CREATE (:Entity:Programme {id: id, name: id, category: 'TRAINING', mode: 'OTHER', year: 2099})
            """;
    static final String DELETE_PROGRAMMES = """
            MATCH (p:Programme) WHERE p.id STARTS WITH $prefix
            DETACH DELETE p
            """;
    static final String DELETE_PROGRAMME = """
            MATCH (p:Programme {id: $id})
            DETACH DELETE p
            """;

    @Inject
    Graph graph;

    static JsonPath page(Map<String, Object> filter, String sort, int first, String after) {
        Map<String, Object> variables = new HashMap<>();
        variables.put("filter", filter);
        variables.put("sort", sort);
        variables.put("first", first);
        variables.put("after", after);
        JsonPath body = GraphQLClient.anonymous().file(QUERY, variables);
        assertNull(body.get("errors"), body::prettify);
        return body;
    }

    /** Follows endCursor until hasNextPage is false; returns the ids of every page, in order. */
    static List<List<String>> allPages(Map<String, Object> filter, String sort, int first) {
        List<List<String>> pages = new ArrayList<>();
        String after = null;
        boolean more = true;
        while (more) {
            JsonPath body = page(filter, sort, first, after);
            pages.add(body.getList("data.programmes.edges.node.id"));
            assertEquals(after != null, body.getBoolean("data.programmes.pageInfo.hasPreviousPage"));
            more = body.getBoolean("data.programmes.pageInfo.hasNextPage");
            after = body.getString("data.programmes.pageInfo.endCursor");
            assertTrue(pages.size() < 20, "pagination does not end");
        }
        return pages;
    }

    @Test
    void firstPageHasTheRequestedSizeAndSaysMoreFollow() {
        JsonPath body = page(Map.of("partOfId", TASK_TABLE), "SEQUENCE", 20, null);

        assertEquals(20, body.getList("data.programmes.edges").size());
        assertEquals(51, body.getInt("data.programmes.totalCount"));
        assertTrue(body.getBoolean("data.programmes.pageInfo.hasNextPage"));
        assertFalse(body.getBoolean("data.programmes.pageInfo.hasPreviousPage"));
        assertEquals(body.getString("data.programmes.edges[19].cursor"),
                body.getString("data.programmes.pageInfo.endCursor"));
        assertEquals(body.getString("data.programmes.edges[0].cursor"),
                body.getString("data.programmes.pageInfo.startCursor"));
    }

    @Test
    void followingEndCursorVisitsEveryRowOnceInOrder() {
        List<List<String>> pages = allPages(Map.of("partOfId", TASK_TABLE), "SEQUENCE", 20);

        assertEquals(List.of(20, 20, 11), pages.stream().map(List::size).toList());
        List<String> expected = IntStream.rangeClosed(1, 51).mapToObj(i -> "task-2018-%02d".formatted(i)).toList();
        assertEquals(expected, pages.stream().flatMap(List::stream).toList());
    }

    @Test
    void everySortPagesThroughTheSameSetWithoutGapsOrRepeats() {
        for (String sort : List.of("YEAR_DESC", "YEAR", "NAME", "SEQUENCE")) {
            List<String> all = allPages(Map.of("year", 2018), sort, 30).stream().flatMap(List::stream).toList();

            assertEquals(65, all.size(), sort);
            assertEquals(65, new LinkedHashSet<>(all).size(), sort + " repeats an item");
        }
    }

    @Test
    void pageThatEndsExactlyAtTheLastItemHasNoNextPage() {
        JsonPath body = page(Map.of("partOfId", "prog-2018-training-table"), "SEQUENCE", 12, null);

        assertEquals(12, body.getList("data.programmes.edges").size());
        assertFalse(body.getBoolean("data.programmes.pageInfo.hasNextPage"));
    }

    @Test
    void cursorStaysValidAfterItsItemWasDeleted() {
        String prefix = "test-prog-cursor-";
        List<String> ids = IntStream.rangeClosed(1, 5).mapToObj(i -> prefix + i).toList();
        graph.write(tx -> {
            tx.run(CREATE_PROGRAMMES, Map.of("ids", ids));
            return null;
        });
        try {
            Map<String, Object> filter = Map.of("text", prefix);
            JsonPath first = page(filter, "NAME", 2, null);
            assertEquals(ids.subList(0, 2), first.getList("data.programmes.edges.node.id"));
            String endCursor = first.getString("data.programmes.pageInfo.endCursor");

            graph.write(tx -> {
                tx.run(DELETE_PROGRAMME, Map.of("id", prefix + 2));
                return null;
            });
            JsonPath next = page(filter, "NAME", 2, endCursor);

            assertEquals(ids.subList(2, 4), next.getList("data.programmes.edges.node.id"));
            assertEquals(4, next.getInt("data.programmes.totalCount"));
            assertTrue(next.getBoolean("data.programmes.pageInfo.hasNextPage"));
        } finally {
            graph.write(tx -> {
                tx.run(DELETE_PROGRAMMES, Map.of("prefix", prefix));
                return null;
            });
        }
    }

    @Test
    void programmeAddedBeforeTheCursorDoesNotShiftTheNextPage() {
        String prefix = "test-prog-insert-";
        graph.write(tx -> {
            tx.run(CREATE_PROGRAMMES, Map.of("ids", List.of(prefix + "2", prefix + "3", prefix + "4", prefix + "5")));
            return null;
        });
        try {
            Map<String, Object> filter = Map.of("text", prefix);
            JsonPath first = page(filter, "NAME", 2, null);
            String endCursor = first.getString("data.programmes.pageInfo.endCursor");

            graph.write(tx -> {
                tx.run(CREATE_PROGRAMMES, Map.of("ids", List.of(prefix + "1")));
                return null;
            });
            JsonPath next = page(filter, "NAME", 2, endCursor);

            assertEquals(List.of(prefix + "4", prefix + "5"), next.getList("data.programmes.edges.node.id"));
            assertFalse(next.getBoolean("data.programmes.pageInfo.hasNextPage"));
        } finally {
            graph.write(tx -> {
                tx.run(DELETE_PROGRAMMES, Map.of("prefix", prefix));
                return null;
            });
        }
    }
}
