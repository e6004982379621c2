package org.partnergraph.analytics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.partnergraph.testing.Responses.assertError;
import static org.partnergraph.testing.Responses.ok;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.partnergraph.testing.GraphQLClient;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

@QuarkusTest
class PathAndNeighbourhoodTest {

    static JsonPath path(String from, String to, Integer maxHops) {
        Map<String, Object> variables = new HashMap<>();
        variables.put("fromId", from);
        variables.put("toId", to);
        variables.put("maxHops", maxHops);
        return GraphQLClient.anonymous().file("analytics/shortestPath", variables);
    }

    static JsonPath neighbourhood(String id, Integer hops, Integer limit) {
        Map<String, Object> variables = new HashMap<>();
        variables.put("id", id);
        variables.put("hops", hops);
        variables.put("limit", limit);
        return GraphQLClient.anonymous().file("analytics/neighbourhood", variables);
    }

    @Test
    void shortestPathFromASupporterToTheDepartmentItSupportsIsOneHop() {
        JsonPath body = ok(path("shanghai-urban-construction-vocational-college", "kashgar-polytechnic-civil-engineering", null));
        assertEquals(1, body.getInt("data.shortestPath.length"));
        assertEquals("SUPPORTS", body.getString("data.shortestPath.edges[0].type"));
        assertEquals(List.of("shanghai-urban-construction-vocational-college", "kashgar-polytechnic-civil-engineering"),
                body.getList("data.shortestPath.nodes.id"));
    }

    @Test
    void pathsWalkAgainstRelationshipDirectionAndChainConsistently() {
        JsonPath body = ok(path("chuxiong-medical-college", "kashgar-polytechnic", 6));
        List<String> nodes = body.getList("data.shortestPath.nodes.id");
        List<Map<String, String>> edges = body.getList("data.shortestPath.edges");
        assertEquals(nodes.size() - 1, edges.size());
        for (int i = 0; i < edges.size(); i++) {
            Set<String> ends = Set.of(edges.get(i).get("from"), edges.get(i).get("to"));
            assertEquals(Set.of(nodes.get(i), nodes.get(i + 1)), ends, "edge " + i + " joins consecutive nodes");
        }
    }

    @Test
    void notConnectedWithinMaxHopsIsNull() {
        assertNull(ok(path("chuxiong-medical-college", "kashgar-polytechnic", 1)).get("data.shortestPath"));
    }

    @Test
    void badPathArgumentsAreCoded() {
        assertError(path("no-such-node", "kashgar-polytechnic", null), "NOT_FOUND", "fromId");
        assertError(path("kashgar-polytechnic", "no-such-node", null), "NOT_FOUND", "toId");
        assertError(path("kashgar-polytechnic", "yunnan", 7), "LIMIT_EXCEEDED", "maxHops");
        assertError(path("kashgar-polytechnic", "yunnan", 0), "BAD_USER_INPUT", "maxHops");
    }

    @Test
    void neighbourhoodHasTheCentreFirstAndOnlyEdgesAmongItsNodes() {
        JsonPath body = ok(neighbourhood("kashgar-polytechnic", 1, 200));
        List<String> nodes = body.getList("data.neighbourhood.nodes.id");
        assertEquals("kashgar-polytechnic", nodes.get(0));
        assertTrue(nodes.contains("kashgar-polytechnic-civil-engineering"));
        assertEquals(nodes.size(), new HashSet<>(nodes).size());
        List<Map<String, String>> edges = body.getList("data.neighbourhood.edges");
        assertFalse(edges.isEmpty());
        assertTrue(edges.stream().allMatch(e -> nodes.contains(e.get("from")) && nodes.contains(e.get("to"))));
        assertFalse(body.getBoolean("data.neighbourhood.truncated"));
    }

    @Test
    void neighbourhoodLimitTruncatesAndSaysSo() {
        JsonPath body = ok(neighbourhood("yunnan", 2, 5));
        assertEquals(5, body.getList("data.neighbourhood.nodes").size());
        assertTrue(body.getBoolean("data.neighbourhood.truncated"));
    }

    @Test
    void badNeighbourhoodArgumentsAreCoded() {
        assertError(neighbourhood("no-such-node", 1, 10), "NOT_FOUND", "no-such-node");
        assertError(neighbourhood("yunnan", 4, 10), "LIMIT_EXCEEDED", "hops");
        assertError(neighbourhood("yunnan", 1, 501), "LIMIT_EXCEEDED", "limit");
    }

    static JsonPath drawing(String id, int hops) {
        return ok(GraphQLClient.anonymous().file("analytics/drawing", Map.of("id", id, "hops", hops)));
    }

    /** label, type and subtype are the type-specific name, type name and kind, whatever the node's type. */
    @Test
    void aNeighbourhoodLabelsAndTypesEveryNodeWithoutInlineFragments() {
        for (String centre : List.of("kashgar-polytechnic-civil-engineering", "yunnan-chuxiong", "alliance-hu-dian")) {
            List<Map<String, Object>> nodes = drawing(centre, 2).getList("data.neighbourhood.nodes");
            assertTrue(nodes.size() > 3, centre + " has a neighbourhood to draw");
            Set<String> types = new HashSet<>();
            for (Map<String, Object> node : nodes) {
                assertEquals(node.get("__typename"), node.get("type"), node.toString());
                Object name = node.get("type").equals("StatedCount") ? node.get("count") + " " + node.get("description")
                        : node.get("name");
                assertEquals(name, node.get("label"), node.toString());
                Object kind = node.get("kind") != null ? node.get("kind") : node.get("level") != null ? node.get("level")
                        : node.get("category") != null ? node.get("category") : node.get("agreementKind") != null
                        ? node.get("agreementKind") : node.get("eventKind");
                assertEquals(kind, node.get("subtype"), node.toString());
                types.add((String) node.get("type"));
            }
            assertTrue(types.size() > 1, centre + " neighbours of more than one type: " + types);
        }
    }

    /** An edge that is a partnership carries exactly the partnership's dates, scheme, sources and citations. */
    @Test
    void partnershipEdgesCarryThePartnershipsDatesAndProvenance() {
        int compared = 0;
        for (String centre : List.of("kashgar-polytechnic-civil-engineering", "kashgar-polytechnic", "yunnan-chuxiong")) {
            JsonPath body = drawing(centre, 1);
            Map<String, Map<String, Object>> edges = new HashMap<>();
            body.<Map<String, Object>>getList("data.neighbourhood.edges").forEach(e -> edges.put((String) e.get("id"), e));
            for (Map<String, Object> partnership : body.<Map<String, Object>>getList("data.supportersOf")) {
                Map<String, Object> edge = edges.get(partnership.get("id"));
                if (edge == null) {
                    continue; // a programme's support is a path through the programme, not one relationship
                }
                for (String field : List.of("since", "until", "scheme", "implied", "sources", "citations")) {
                    assertEquals(partnership.get(field), edge.get(field), field + " of " + partnership.get("id"));
                }
                compared++;
            }
        }
        assertTrue(compared >= 3, "partnerships compared with their edges: " + compared);
        List<Map<String, Object>> withSources = drawing("kashgar-polytechnic-civil-engineering", 1)
                .<Map<String, Object>>getList("data.neighbourhood.edges").stream()
                .filter(e -> e.get("type").equals("SUPPORTS")).toList();
        assertFalse(withSources.isEmpty());
        assertTrue(withSources.stream().allMatch(e -> !((List<?>) e.get("sources")).isEmpty()
                && !((List<?>) e.get("citations")).isEmpty()), withSources::toString);
    }
}
