package org.partnergraph.read;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.partnergraph.testing.Responses.assertError;
import static org.partnergraph.testing.Responses.ok;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.partnergraph.graph.Graph;
import org.partnergraph.testing.GraphQLClient;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * A school's partner organisations as a mobile app lists them: sorted by name or since, filtered by the
 * partner's kind and region, each partner once. Every organisation of the curated network is checked against
 * its own unfiltered list (filtered and sorted here, in the test), page by page, compiled and resolved alike.
 */
@QuarkusTest
class PartnerOrganizationsTest {

    static final GraphQLClient ANONYMOUS = GraphQLClient.anonymous();
    static final String DOCUMENT = "read/partnerOrganizations";

    @Inject
    Graph graph;

    @Inject
    CompiledReads planner;

    /** Every organisation's partner list with these arguments (one page of 100 each), by organisation id. */
    Map<String, List<Map<String, Object>>> lists(Map<String, Object> arguments) {
        Map<String, List<Map<String, Object>>> lists = new LinkedHashMap<>();
        String after = null;
        do {
            Map<String, Object> variables = new HashMap<>(arguments);
            variables.put("first", 30);
            variables.put("after", after);
            variables.putIfAbsent("inner", 100);
            JsonPath body = same(variables);
            for (Map<String, Object> node : body.<Map<String, Object>>getList("data.organizations.edges.node")) {
                Map<?, ?> page = (Map<?, ?>) node.get("partnerOrganizations");
                @SuppressWarnings("unchecked")
                List<Map<String, Object>> edges = (List<Map<String, Object>>) page.get("edges");
                assertFalse((Boolean) ((Map<?, ?>) page.get("pageInfo")).get("hasNextPage"), "one page of 100 holds them");
                assertEquals(edges.size(), ((Number) page.get("totalCount")).intValue(), node.get("id") + " " + arguments);
                lists.put((String) node.get("id"), edges);
            }
            after = body.getBoolean("data.organizations.pageInfo.hasNextPage")
                    ? body.getString("data.organizations.pageInfo.endCursor") : null;
        } while (after != null);
        return lists;
    }

    /** The request compiled (one statement) and resolved: the same answer, without errors. */
    JsonPath same(Map<String, Object> variables) {
        return sameQuery(GraphQLClient.document(DOCUMENT), variables);
    }

    static String id(Map<String, Object> edge) {
        return (String) ((Map<?, ?>) edge.get("node")).get("id");
    }

    static List<String> ids(List<Map<String, Object>> edges) {
        return edges.stream().map(PartnerOrganizationsTest::id).toList();
    }

    /** The regions a partner lies in: its region and every region above it. */
    static Set<String> regions(Map<String, Object> edge) {
        Set<String> regions = new HashSet<>();
        Object region = ((Map<?, ?>) edge.get("node")).get("region");
        while (region instanceof Map<?, ?> map) {
            regions.add((String) map.get("id"));
            region = map.get("parent");
        }
        return regions;
    }

    @Test
    void sortedBySinceOldestOrNewestFirstUndatedLastEachPartnerOnce() {
        Map<String, List<Map<String, Object>>> byName = lists(Map.of());
        Map<String, List<Map<String, Object>>> oldest = lists(Map.of("sort", "SINCE"));
        Map<String, List<Map<String, Object>>> newest = lists(Map.of("sort", "SINCE_DESC"));
        Comparator<Map<String, Object>> since = Comparator.comparing((Map<String, Object> e) -> (String) e.get("since"),
                Comparator.nullsLast(Comparator.naturalOrder()));
        Comparator<Map<String, Object>> sinceDesc = Comparator.comparing(
                (Map<String, Object> e) -> (String) e.get("since"), Comparator.nullsLast(Comparator.reverseOrder()));
        int dated = 0;
        for (String organization : byName.keySet()) {
            List<Map<String, Object>> edges = byName.get(organization);
            List<Map<String, Object>> expected = new ArrayList<>(edges);
            expected.sort(since.thenComparing(PartnerOrganizationsTest::id));
            assertEquals(ids(expected), ids(oldest.get(organization)), organization + " oldest first");
            expected.sort(sinceDesc.thenComparing(PartnerOrganizationsTest::id));
            assertEquals(ids(expected), ids(newest.get(organization)), organization + " newest first");
            assertEquals(new HashSet<>(ids(edges)).size(), edges.size(), organization + ": each partner once");
            dated += (int) edges.stream().filter(e -> e.get("since") != null).count();
        }
        assertTrue(dated > 20, "the curated network has dated links to sort by: " + dated);
    }

    @Test
    void sinceSortedPagesJoinUpToTheWholeList() {
        int walked = 0;
        for (String sort : List.of("SINCE", "SINCE_DESC", "NAME")) {
            Map<String, List<Map<String, Object>>> whole = lists(Map.of("sort", sort));
            for (Map.Entry<String, List<Map<String, Object>>> entry : whole.entrySet()) {
                if (entry.getValue().size() < 3) {
                    continue;
                }
                List<String> paged = new ArrayList<>();
                String after = null;
                do {
                    Map<String, Object> variables = new HashMap<>();
                    variables.put("sort", sort);
                    variables.put("inner", 2);
                    variables.put("innerAfter", after);
                    JsonPath page = one(entry.getKey(), variables);
                    paged.addAll(page.getList("edges.node.id"));
                    after = page.getBoolean("pageInfo.hasNextPage") ? page.getString("pageInfo.endCursor") : null;
                } while (after != null);
                assertEquals(ids(entry.getValue()), paged, entry.getKey() + " by " + sort + ", two at a time");
                walked++;
            }
        }
        assertTrue(walked > 10, "organisations with three partners or more: " + walked);
    }

    /**
     * A client may page by the last edge's cursor without asking for page info, or ask for neither (the planner
     * then encodes no cursor): either way, compiled and resolved alike, the pages join up to the whole list.
     */
    @Test
    void pagesFollowedByTheirEdgesCursorsAloneJoinUpToTheWholeList() {
        String byEdges = """
                query ByEdges($id: ID!, $after: String) {
                  organization(id: $id) { partnerOrganizations(first: 2, after: $after) { edges { cursor node { id } } } }
                }""";
        String noCursor = """
                query NoCursor($id: ID!) {
                  organization(id: $id) { partnerOrganizations(first: 100) { edges { node { id name } } } }
                }""";
        int walked = 0;
        for (Map.Entry<String, List<Map<String, Object>>> entry : lists(Map.of("sort", "NAME")).entrySet()) {
            if (entry.getValue().size() < 3) {
                continue;
            }
            List<String> paged = new ArrayList<>();
            String after = null;
            while (true) {
                Map<String, Object> variables = new HashMap<>();
                variables.put("id", entry.getKey());
                variables.put("after", after);
                List<Map<String, Object>> edges = sameQuery(byEdges, variables)
                        .getList("data.organization.partnerOrganizations.edges");
                if (edges.isEmpty()) {
                    break;
                }
                edges.forEach(edge -> paged.add(id(edge)));
                after = (String) edges.get(edges.size() - 1).get("cursor");
                assertFalse(after.isEmpty(), entry.getKey());
            }
            assertEquals(ids(entry.getValue()), paged, entry.getKey() + ", two at a time by the edges' cursors");
            assertEquals(ids(entry.getValue()), sameQuery(noCursor, Map.of("id", entry.getKey()))
                    .getList("data.organization.partnerOrganizations.edges.node.id"));
            walked++;
        }
        assertTrue(walked >= 5, "organisations with three partners or more: " + walked);
    }

    /** A request compiled (one statement) and resolved: the same answer, without errors. */
    JsonPath sameQuery(String document, Map<String, Object> variables) {
        long before = graph.roundTrips();
        String compiled = ok(ANONYMOUS.query(document, variables)).prettify();
        assertEquals(1, graph.roundTrips() - before, "one statement for " + variables);
        planner.enabled(false);
        try {
            assertEquals(ANONYMOUS.query(document, variables).prettify(), compiled, "compiled and resolved: " + variables);
        } finally {
            planner.enabled(true);
        }
        return JsonPath.from(compiled);
    }

    /** One organisation's partner page, compiled and resolved alike. */
    JsonPath one(String organization, Map<String, Object> arguments) {
        Map<String, Object> variables = new HashMap<>(arguments);
        variables.put("id", organization);
        String document = """
                query One($id: ID!, $sort: PartnerOrganizationSort, $inner: Int, $innerAfter: String) {
                  organization(id: $id) { partnerOrganizations(sort: $sort, first: $inner, after: $innerAfter) {
                    pageInfo { hasNextPage endCursor } edges { node { id } } } }
                }""";
        String compiled = ok(ANONYMOUS.query(document, variables)).prettify();
        planner.enabled(false);
        try {
            assertEquals(ANONYMOUS.query(document, variables).prettify(), compiled);
        } finally {
            planner.enabled(true);
        }
        return JsonPath.from(compiled).setRootPath("data.organization.partnerOrganizations");
    }

    @Test
    void filteredByThePartnersKindAndRegionTotalCountingOnlyThoseKept() {
        Map<String, List<Map<String, Object>>> all = lists(Map.of());
        record Case(Map<String, Object> arguments, Predicate<Map<String, Object>> keeps) {
        }
        List<String> schools = List.of("SECONDARY_VOCATIONAL_SCHOOL", "HIGHER_VOCATIONAL_COLLEGE");
        List<Case> cases = List.of(
                new Case(Map.of("partnerKind", schools),
                        e -> schools.contains(((Map<?, ?>) e.get("node")).get("kind"))),
                new Case(Map.of("regionId", "xinjiang"), e -> regions(e).contains("xinjiang")),
                new Case(Map.of("regionId", "xinjiang-kashgar", "includeSubregions", false),
                        e -> ((Map<?, ?>) e.get("node")).get("region") instanceof Map<?, ?> region
                                && "xinjiang-kashgar".equals(region.get("id"))),
                new Case(Map.of("regionId", "shanghai", "partnerKind", List.of("UNIVERSITY"), "sort", "SINCE"),
                        e -> regions(e).contains("shanghai") && "UNIVERSITY".equals(((Map<?, ?>) e.get("node")).get("kind"))));
        for (Case c : cases) {
            Map<String, List<Map<String, Object>>> filtered = lists(c.arguments());
            int kept = 0;
            for (String organization : all.keySet()) {
                List<Map<String, Object>> expected = all.get(organization).stream().filter(c.keeps()).toList();
                List<String> got = ids(filtered.get(organization));
                if ("SINCE".equals(c.arguments().get("sort"))) {
                    assertEquals(new HashSet<>(ids(expected)), new HashSet<>(got), organization + " " + c.arguments());
                } else {
                    assertEquals(ids(expected), got, organization + " " + c.arguments());
                }
                kept += got.size();
            }
            assertTrue(kept > 0 && kept < all.values().stream().mapToInt(List::size).sum(),
                    "the filter keeps some partners and drops others: " + c.arguments() + " kept " + kept);
        }
    }

    @Test
    void badFiltersAnswerTheirCodes() {
        Map<String, Object> unknown = new HashMap<>(Map.of("regionId", "atlantis", "first", 1, "inner", 5));
        assertError(ANONYMOUS.file(DOCUMENT, unknown), "NOT_FOUND", "regionId: no region has the id 'atlantis'");
        Map<String, Object> blank = new HashMap<>(Map.of("regionId", " ", "first", 1, "inner", 5));
        assertError(ANONYMOUS.file(DOCUMENT, blank), "BAD_USER_INPUT", "regionId");
        Map<String, Object> nullKind = new HashMap<>(Map.of("first", 1, "inner", 5));
        List<Object> kinds = new ArrayList<>();
        kinds.add(null);
        nullKind.put("partnerKind", kinds);
        assertError(ANONYMOUS.file(DOCUMENT, nullKind), "BAD_USER_INPUT", "partnerKind");
        planner.enabled(false);
        try {
            assertError(ANONYMOUS.file(DOCUMENT, unknown), "NOT_FOUND", "regionId: no region has the id 'atlantis'");
            assertError(ANONYMOUS.file(DOCUMENT, nullKind), "BAD_USER_INPUT", "partnerKind");
        } finally {
            planner.enabled(true);
        }
        Map<String, Object> wrongCursor = new HashMap<>(Map.of("first", 1, "inner", 5, "sort", "SINCE"));
        String nameCursor = lists(Map.of()).values().stream().filter(l -> !l.isEmpty()).findFirst().orElseThrow()
                .get(0).get("cursor").toString();
        wrongCursor.put("innerAfter", nameCursor);
        assertError(ANONYMOUS.file(DOCUMENT, wrongCursor), "BAD_USER_INPUT", "after");
        assertTrue(Objects.nonNull(nameCursor));
    }

    @Test
    void aRegionsOrganizationsIncludeItsSubregionsByDefaultAsEveryRegionFilterDoes() {
        // Three requests, not aliases of one: the field is resolved in batches, which share one alias' arguments.
        String document = "query($sub: Boolean) { region(id: \"xinjiang-kashgar\") { organizations(first: 1, "
                + "includeSubregions: $sub) { totalCount } } }";
        int byDefault = ok(ANONYMOUS.query("{ region(id: \"xinjiang-kashgar\") { organizations(first: 1) { totalCount } } }",
                Map.of())).getInt("data.region.organizations.totalCount");
        int with = ok(ANONYMOUS.query(document, Map.of("sub", true))).getInt("data.region.organizations.totalCount");
        int without = ok(ANONYMOUS.query(document, Map.of("sub", false))).getInt("data.region.organizations.totalCount");
        assertEquals(with, byDefault);
        assertTrue(byDefault > without, byDefault + " with sub-regions, " + without + " without");
        JsonPath filter = ok(ANONYMOUS.query("{ organizations(filter: {regionId: \"xinjiang-kashgar\"}) { totalCount } }",
                Map.of()));
        assertEquals(filter.getInt("data.organizations.totalCount"), byDefault);
    }
}
