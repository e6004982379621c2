package org.partnergraph.link;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.partnergraph.testing.Responses.assertError;
import static org.partnergraph.testing.Responses.ok;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.partnergraph.dataset.BundleWriter;
import org.partnergraph.graph.Graph;
import org.partnergraph.testing.GraphQLClient;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * Node.links: every relationship of a node that documents or the change log state, with its provenance, filtered by
 * type and direction and paged to the end; bad arguments are coded errors. Checked against the curated bundles and the
 * live graph, through a compiled root (organization) and a resolved one (node).
 */
@QuarkusTest
class LinksTest {

    static final GraphQLClient ANONYMOUS = GraphQLClient.anonymous();
    static final String D2024 = "doc-2024-news-vocational-alliances";

    /** How many links of the dataset's types a node has, each once (the live graph: other tests add their own). */
    static final String LINK_COUNT = """
            MATCH (n:Entity {id: $id})-[r:%s]-(:Entity)
            WHERE $direction = 'BOTH' OR ($direction = 'OUT') = (startNode(r) = n)
            RETURN count(DISTINCT r) AS count
            """.formatted(BundleWriter.DATASET_TYPES);

    @Inject
    Graph graph;

    /** link/organizationLinks at the root {@code organization} (compiled) or {@code node} (its resolvers). */
    JsonPath links(String root, String id, Map<String, Object> arguments) {
        Map<String, Object> variables = new HashMap<>(arguments);
        variables.put("id", id);
        return ANONYMOUS.query(GraphQLClient.document("link/organizationLinks").replace("organization(id: $id)",
                root + "(id: $id)"), variables);
    }

    long count(String id, String direction) {
        return graph.readSingle(LINK_COUNT, Map.of("id", id, "direction", direction), r -> r.get("count").asLong())
                .orElseThrow();
    }

    /** The curated bundles, in import order (dataset/bundles.txt). */
    static List<String> bundleFiles() throws IOException {
        try (InputStream in = LinksTest.class.getResourceAsStream("/dataset/bundles.txt")) {
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).lines().map(String::strip)
                    .filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
        }
    }

    /** The relationships of the curated bundles with this type and end, by id. */
    static Map<String, JsonNode> bundleRelationships(String type, String field, String id) throws IOException {
        Map<String, JsonNode> found = new HashMap<>();
        for (String file : bundleFiles()) {
            try (InputStream in = LinksTest.class.getResourceAsStream("/dataset/bundles/" + file)) {
                new ObjectMapper().readTree(in).path("relationships").forEach(r -> {
                    if (r.path("type").asText().equals(type) && r.path(field).asText().equals(id)) {
                        found.put(r.path("id").asText(), r);
                    }
                });
            }
        }
        return found;
    }

    @ParameterizedTest
    @ValueSource(strings = {"organization", "node"})
    void anAlliancesMembersAreItsIncomingMembershipsWithTheBundlesQuotes(String root) throws IOException {
        Map<String, JsonNode> stated = bundleRelationships("MEMBER_OF", "to", "alliance-hu-dian");
        assertEquals(4, stated.size(), "the bundles state four members of 沪滇职教联盟");
        JsonPath body = ok(links(root, "alliance-hu-dian", Map.of("type", List.of("MEMBER_OF"), "direction", "IN")));
        String page = "data." + root + ".links";

        List<Map<String, Object>> edges = body.getList(page + ".edges.node");
        assertEquals(edges.size(), body.getInt(page + ".totalCount"));
        for (Map.Entry<String, JsonNode> relationship : stated.entrySet()) {
            JsonPath link = JsonPath.from(body.prettify()).setRootPath(page + ".edges.node.find { it.id == '"
                    + relationship.getKey() + "' }");
            assertEquals("MEMBER_OF", link.getString("type"), relationship.getKey());
            assertEquals("IN", link.getString("direction"));
            assertEquals(relationship.getValue().path("from").asText(), link.getString("node.id"));
            assertEquals("Organization", link.getString("node.__typename"));
            List<String> quotes = new ArrayList<>();
            List<Boolean> implied = new ArrayList<>();
            relationship.getValue().path("sources").forEach(s -> {
                quotes.add(s.path("quote").asText());
                implied.add(s.path("implied").asBoolean(false));
            });
            assertEquals(quotes, link.getList("citations.quote"));
            assertEquals(implied, link.getList("citations.implied"));
            assertEquals(List.of(D2024, D2024), link.getList("citations.document.id"));
            assertEquals(List.of(D2024), link.getList("sources.id"));
            // One stated source and one implied one: the membership is stated.
            assertFalse(link.getBoolean("implied"));
        }
    }

    @Test
    void anOrganisationsMembershipsGoOutWithTheirImpliedFlagAndSources() {
        JsonPath body = ok(links("organization", "shanghai-education-technology-centre",
                Map.of("type", List.of("MEMBER_OF"), "direction", "OUT")));
        assertEquals(1, body.getInt("data.organization.links.totalCount"));
        String link = "data.organization.links.edges[0].node.";
        assertEquals("rel-education-technology-centre-member-of-coordination-group", body.getString(link + "id"));
        assertEquals("OUT", body.getString(link + "direction"));
        assertEquals("shanghai-vocational-support-coordination-group", body.getString(link + "node.id"));
        // Its only source implies it (AMBIGUITIES.md 3).
        assertTrue(body.getBoolean(link + "implied"));
        assertEquals(List.of(true), body.getList(link + "citations.implied"));
        assertEquals(List.of("上海市教委教育技术中心充分发挥上海职业教育对口支援工作协调小组作用"), body.getList(link + "citations.quote"));
        assertEquals(List.of(D2024), body.getList(link + "sources.id"));

        JsonPath school = ok(links("organization", "shanghai-information-technology-school",
                Map.of("type", List.of("MEMBER_OF", "SECRETARIAT_OF"), "direction", "OUT")));
        assertEquals(List.of("MEMBER_OF", "SECRETARIAT_OF"), school.getList("data.organization.links.edges.node.type"));
        assertEquals(List.of(false, false), school.getList("data.organization.links.edges.node.implied"));
        assertEquals(List.of("沪滇职教联盟秘书处单位、上海信息技术学校"),
                school.getList("data.organization.links.edges[1].node.citations.quote"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"kashgar-polytechnic", "alliance-hu-dian", "shanghai-municipal-education-commission"})
    void directionsAndTypesSplitTheLinksTheGraphHolds(String id) {
        int both = ok(links("organization", id, Map.of())).getInt("data.organization.links.totalCount");
        int out = ok(links("organization", id, Map.of("direction", "OUT"))).getInt("data.organization.links.totalCount");
        int in = ok(links("organization", id, Map.of("direction", "IN"))).getInt("data.organization.links.totalCount");
        assertEquals(count(id, "BOTH"), both);
        assertEquals(count(id, "OUT"), out);
        assertEquals(count(id, "IN"), in);
        assertEquals(both, out + in, "no self-links in the curated graph");
        assertTrue(out > 0 && in > 0, id + " has links both ways");

        JsonPath outgoing = ok(links("organization", id, Map.of("direction", "OUT", "first", 100)));
        assertEquals(List.of("OUT"), outgoing.getList("data.organization.links.edges.node.direction").stream().distinct().toList());
        String type = outgoing.getString("data.organization.links.edges[0].node.type");
        JsonPath typed = ok(links("organization", id, Map.of("type", List.of(type), "first", 100)));
        List<String> types = typed.getList("data.organization.links.edges.node.type");
        assertEquals(List.of(type), types.stream().distinct().toList());
        assertEquals(types.size(), typed.getInt("data.organization.links.totalCount"));
    }

    /** The derived links the reads keep (PARTNER_*) are not links; partnerships themselves are. */
    @Test
    void derivedPartnerLinksAreNotAmongTheLinks() {
        long partnerLinks = graph.readSingle("MATCH (n:Entity {id: 'kashgar-polytechnic'})-[r]-() "
                + "WHERE type(r) STARTS WITH 'PARTNER_' RETURN count(r) AS c", Map.of(), r -> r.get("c").asLong()).orElseThrow();
        assertTrue(partnerLinks > 0, "kashgar-polytechnic has derived partner links");
        JsonPath body = ok(links("organization", "kashgar-polytechnic", Map.of("first", 100)));
        List<String> types = body.getList("data.organization.links.edges.node.type");
        assertTrue(types.stream().noneMatch(t -> t.startsWith("PARTNER_")), types.toString());
        assertTrue(types.contains("PAIRED_WITH") || types.contains("SUPPORTS"), types.toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"organization", "node"})
    void pagingToTheEndVisitsEveryLinkOnceInOrder(String root) {
        String id = "shanghai-municipal-education-commission";
        String page = "data." + root + ".links";
        List<String> ids = new ArrayList<>();
        List<List<String>> keys = new ArrayList<>();
        String after = null;
        int total = -1;
        int pages = 0;
        do {
            Map<String, Object> arguments = new HashMap<>(Map.of("first", 7));
            if (after != null) {
                arguments.put("after", after);
            }
            JsonPath body = ok(links(root, id, arguments));
            total = total < 0 ? body.getInt(page + ".totalCount") : total;
            assertEquals(total, body.getInt(page + ".totalCount"), "the total is the same on every page");
            assertEquals(after != null, body.getBoolean(page + ".pageInfo.hasPreviousPage"));
            List<Map<String, Object>> links = body.getList(page + ".edges.node");
            assertTrue(links.size() <= 7);
            for (Map<String, Object> link : links) {
                ids.add((String) link.get("id"));
                @SuppressWarnings("unchecked")
                Map<String, Object> node = (Map<String, Object>) link.get("node");
                keys.add(List.of((String) link.get("type"), (String) node.get("label"), (String) link.get("id")));
            }
            assertEquals(body.getString(page + ".edges[-1].cursor"), body.getString(page + ".pageInfo.endCursor"));
            after = body.getBoolean(page + ".pageInfo.hasNextPage") ? body.getString(page + ".pageInfo.endCursor") : null;
            pages++;
        } while (after != null);
        assertTrue(pages > 3, "pages: " + pages);
        assertEquals(total, ids.size());
        assertEquals(ids.size(), new HashSet<>(ids).size(), "every link once");
        assertEquals(count(id, "BOTH"), total);
        List<List<String>> sorted = new ArrayList<>(keys);
        Comparator<List<String>> byKey = Comparator.comparing((List<String> k) -> k.get(0)).thenComparing(k -> k.get(1))
                .thenComparing(k -> k.get(2));
        sorted.sort(byKey);
        assertEquals(sorted, keys, "by type, then the other node's name, then id");
    }

    @ParameterizedTest
    @ValueSource(strings = {"organization", "node"})
    void badArgumentsAreCodedErrorsNamingTheArgument(String root) {
        String id = "kashgar-polytechnic";
        assertError(links(root, id, Map.of("type", List.of("PARTNER_PAIRED_WITH"))), "BAD_USER_INPUT", "type");
        assertError(links(root, id, Map.of("type", List.of("member_of"))), "BAD_USER_INPUT", "'member_of'");
        assertError(links(root, id, Map.of("first", 0)), "BAD_USER_INPUT", "first");
        assertError(links(root, id, Map.of("first", 101)), "LIMIT_EXCEEDED", "first");
        assertError(links(root, id, Map.of("after", "bm90LWEtY3Vyc29y")), "BAD_USER_INPUT", "cursor");
        // A cursor of another list (the organisations, sorted by NAME) is refused.
        String organizations = ok(ANONYMOUS.query("{ organizations(first: 1) { pageInfo { endCursor } } }", Map.of()))
                .getString("data.organizations.pageInfo.endCursor");
        assertError(links(root, id, Map.of("after", organizations)), "BAD_USER_INPUT", "after");
        assertError(ANONYMOUS.query("{ node(id: \"kashgar-polytechnic\") { links(type: [\"RUNS\", null]) { totalCount } } }",
                Map.of()), "BAD_USER_INPUT", "without null");
    }

    /** Links of other node types: a programme's responsible organisations, a stated count's subject. */
    @Test
    void everyNodeTypeHasItsLinks() {
        JsonPath count = ok(links("node", "count-2024-vocational-alliances", Map.of()));
        assertEquals(List.of("COUNTS", "NAMES", "NAMES", "NAMES"), count.getList("data.node.links.edges.node.type"));
        assertEquals(List.of("OUT"), count.getList("data.node.links.edges.node.direction").stream().distinct().toList());
        assertEquals("shanghai-vocational-support-coordination-group", count.getString("data.node.links.edges[0].node.node.id"));

        Map<String, JsonNode> runs;
        try {
            runs = bundleRelationships("RUNS", "to", "prog-2018-training-table");
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        JsonPath programme = ok(links("node", "prog-2018-training-table", Map.of("type", List.of("RUNS"))));
        assertEquals(runs.keySet(), new HashSet<>(programme.getList("data.node.links.edges.node.id")));
        assertEquals(List.of("2018年上海市教委承担对口支援地区人力资源培训项目一览表"),
                programme.getList("data.node.links.edges[0].node.citations.quote"));
    }
}
