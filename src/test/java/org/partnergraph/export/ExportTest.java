package org.partnergraph.export;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.partnergraph.testing.Responses.ok;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.jgrapht.graph.DefaultEdge;
import org.jgrapht.graph.DirectedPseudograph;
import org.jgrapht.nio.graphml.GraphMLImporter;
import org.junit.jupiter.api.Test;
import org.partnergraph.graph.Graph;
import org.partnergraph.testing.GraphQLClient;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import jakarta.inject.Inject;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * Exports read back by independent readers (the published GraphML schema and JGraphT's importer, Apache
 * Commons CSV, a JSON parser) hold what the API says the graph holds: graphStats' counts for the whole graph,
 * the neighbourhood query's nodes and edges for a neighbourhood, the API's labels, and the partnerships' dates
 * and sources. Only analysts (and above) get them; every refusal is a coded JSON error sent before any file.
 */
@QuarkusTest
class ExportTest {

    static final GraphQLClient ANALYST = GraphQLClient.as("alice", "analyst");

    @Inject
    Graph graph;

    static String token(String... roles) {
        return OidcWiremockTestResource.generateJwtToken("export-" + String.join("-", roles), Set.of(roles),
                "export-user", "Bearer");
    }

    static RequestSpecification as(String... roles) {
        return given().auth().oauth2(token(roles));
    }

    static byte[] download(String path) {
        Response response = as("analyst").get(path);
        assertEquals(200, response.statusCode(), () -> path + ": " + response.asString());
        return response.asByteArray();
    }

    /** Nodes (label Entity: every business node) and relationships, from Neo4j's count store. */
    static long[] graphStats() {
        JsonPath stats = ok(ANALYST.file("security/graphStats"));
        long nodes = stats.<Map<String, Object>>getList("data.graphStats.labels").stream()
                .filter(c -> c.get("name").equals("Entity")).mapToLong(c -> ((Number) c.get("count")).longValue())
                .sum();
        long edges = stats.<Map<String, Object>>getList("data.graphStats.relationshipTypes").stream()
                .mapToLong(c -> ((Number) c.get("count")).longValue()).sum();
        return new long[] {nodes, edges};
    }

    static Map<String, Map<String, Object>> neighbourhood(String id, int hops) {
        JsonPath body = ok(ANALYST.query("query($id: ID!, $hops: Int) { neighbourhood(id: $id, hops: $hops, limit: 500) "
                + "{ truncated nodes { id label type subtype } edges { id } } }", Map.of("id", id, "hops", hops)));
        assertFalse(body.getBoolean("data.neighbourhood.truncated"));
        Map<String, Map<String, Object>> nodes = new LinkedHashMap<>();
        body.<Map<String, Object>>getList("data.neighbourhood.nodes").forEach(n -> nodes.put((String) n.get("id"), n));
        nodes.put("#edges", Map.of("ids", new HashSet<>(body.getList("data.neighbourhood.edges.id"))));
        return nodes;
    }

    static Document validGraphml(byte[] graphml) throws Exception {
        SchemaFactory schemas = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
        // The published GraphML 1.0 schema as JGraphT ships it (graphml.xsd, importing xlink.xsd beside it).
        var schema = schemas.newSchema(ExportTest.class.getResource("/graphml.xsd"));
        schema.newValidator().validate(new StreamSource(new ByteArrayInputStream(graphml)));
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(graphml));
    }

    static Map<String, String> data(Element element) {
        Map<String, String> values = new HashMap<>();
        NodeList data = element.getElementsByTagNameNS(GraphmlWriter.NS, "data");
        for (int i = 0; i < data.getLength(); i++) {
            Element d = (Element) data.item(i);
            values.put(d.getAttribute("key"), d.getTextContent());
        }
        return values;
    }

    static List<CSVRecord> csv(byte[] bytes) throws IOException {
        assertArrayEquals(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, Arrays.copyOf(bytes, 3), "UTF-8 BOM");
        String text = new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8);
        return CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(new StringReader(text))
                .getRecords();
    }

    @Test
    void wholeGraphAsGraphmlIsValidAndHoldsEveryNodeAndRelationship() throws Exception {
        long[] stats = graphStats();
        byte[] graphml = download("/export/graph.graphml");
        Document document = validGraphml(graphml);
        NodeList nodes = document.getElementsByTagNameNS(GraphmlWriter.NS, "node");
        NodeList edges = document.getElementsByTagNameNS(GraphmlWriter.NS, "edge");
        assertEquals(stats[0], nodes.getLength(), "nodes");
        assertEquals(stats[1], edges.getLength(), "edges");
        assertTrue(stats[0] > 200 && stats[1] > 500, "the curated graph: " + Arrays.toString(stats));

        // Keys declared with attr.name, as Gephi needs them to show labels.
        NodeList keys = document.getElementsByTagNameNS(GraphmlWriter.NS, "key");
        Set<String> nodeKeys = new HashSet<>();
        for (int i = 0; i < keys.getLength(); i++) {
            Element key = (Element) keys.item(i);
            if (key.getAttribute("for").equals("node")) {
                nodeKeys.add(key.getAttribute("attr.name"));
            }
        }
        assertEquals(Set.of("label", "type", "subtype", "implied", "sources"), nodeKeys);

        // An independent reader: JGraphT's importer (which validates too) sees the same graph and labels.
        DirectedPseudograph<String, DefaultEdge> graph = new DirectedPseudograph<>(null, DefaultEdge::new, false);
        GraphMLImporter<String, DefaultEdge> importer = new GraphMLImporter<>();
        importer.setVertexFactory(id -> id);
        Map<String, String> labels = new HashMap<>();
        importer.addVertexAttributeConsumer((vertexAndKey, value) -> {
            if (vertexAndKey.getSecond().equals("label")) {
                labels.put(vertexAndKey.getFirst(), value.getValue());
            }
        });
        importer.importGraph(graph, new InputStreamReader(new ByteArrayInputStream(graphml), StandardCharsets.UTF_8));
        assertEquals(stats[0], graph.vertexSet().size());
        assertEquals(stats[1], graph.edgeSet().size());
        String name = ok(ANALYST.query("{ organization(id: \"kashgar-polytechnic\") { name } }", Map.of()))
                .getString("data.organization.name");
        assertEquals(name, labels.get("kashgar-polytechnic"));
    }

    @Test
    void aNeighbourhoodAsGraphmlHoldsExactlyTheNeighbourhoodWithTheApisLabels() throws Exception {
        Map<String, Map<String, Object>> expected = neighbourhood("kashgar-polytechnic", 2);
        @SuppressWarnings("unchecked")
        Set<Object> edgeIds = (Set<Object>) expected.remove("#edges").get("ids");
        Document document = validGraphml(download("/export/graph.graphml?focus=kashgar-polytechnic&hops=2"));
        NodeList nodes = document.getElementsByTagNameNS(GraphmlWriter.NS, "node");
        Map<String, Map<String, Object>> exported = new LinkedHashMap<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            Element node = (Element) nodes.item(i);
            Map<String, String> data = data(node);
            Map<String, Object> row = new HashMap<>();
            row.put("id", node.getAttribute("id"));
            row.put("label", data.get("label"));
            row.put("type", data.get("type"));
            row.put("subtype", data.get("subtype"));
            exported.put(node.getAttribute("id"), row);
        }
        assertEquals(expected, exported);
        NodeList edges = document.getElementsByTagNameNS(GraphmlWriter.NS, "edge");
        Set<Object> exportedEdges = new HashSet<>();
        for (int i = 0; i < edges.getLength(); i++) {
            exportedEdges.add(data((Element) edges.item(i)).get("e_id"));
        }
        assertEquals(edgeIds, exportedEdges);
    }

    @Test
    void csvZipReadsBackWithBomChineseAndTheGraphsCounts() throws IOException {
        long[] stats = graphStats();
        Map<String, byte[]> files = new LinkedHashMap<>();
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(download("/export/graph-csv.zip")))) {
            for (ZipEntry entry; (entry = zip.getNextEntry()) != null;) {
                files.put(entry.getName(), zip.readAllBytes());
            }
        }
        assertEquals(List.of("nodes.csv", "edges.csv"), List.copyOf(files.keySet()));
        List<CSVRecord> nodes = csv(files.get("nodes.csv"));
        List<CSVRecord> edges = csv(files.get("edges.csv"));
        assertEquals(stats[0], nodes.size());
        assertEquals(stats[1], edges.size());
        Map<String, String> labels = nodes.stream().collect(Collectors.toMap(r -> r.get("id"), r -> r.get("label")));
        JsonPath org = ok(ANALYST.query("{ organization(id: \"shanghai-urban-construction-vocational-college\") { name } }",
                Map.of()));
        assertEquals(org.getString("data.organization.name"), labels.get("shanghai-urban-construction-vocational-college"));
        assertTrue(labels.get("shanghai-urban-construction-vocational-college").contains("上海"));

        // The separate files hold the same rows as the zip.
        assertEquals(nodes.size(), csv(download("/export/nodes.csv")).size());
        assertEquals(edges.size(), csv(download("/export/edges.csv")).size());
    }

    @Test
    void edgesCarryThePartnershipsDatesSchemeAndSourceTitles() throws IOException {
        JsonPath supporters = ok(ANALYST.query("{ supportersOf(id: \"kashgar-polytechnic-civil-engineering\") "
                + "{ id since until scheme implied sources { title } } }", Map.of()));
        Map<String, CSVRecord> edges = csv(download("/export/edges.csv?focus=kashgar-polytechnic-civil-engineering"))
                .stream().collect(Collectors.toMap(r -> r.get("id"), r -> r));
        int compared = 0;
        for (Map<String, Object> partnership : supporters.<Map<String, Object>>getList("data.supportersOf")) {
            CSVRecord edge = edges.get((String) partnership.get("id"));
            if (edge == null) {
                continue; // support through a programme is a path, not one relationship
            }
            assertEquals(String.valueOf(partnership.get("since")), nullAsString(edge.get("since")));
            assertEquals(String.valueOf(partnership.get("until")), nullAsString(edge.get("until")));
            assertEquals(String.valueOf(partnership.get("scheme")), nullAsString(edge.get("scheme")));
            assertEquals(String.valueOf(partnership.get("implied")), edge.get("implied"));
            @SuppressWarnings("unchecked")
            List<Map<String, String>> sources = (List<Map<String, String>>) partnership.get("sources");
            assertEquals(sources.stream().map(s -> s.get("title")).collect(Collectors.joining(CsvWriter.TITLE_SEPARATOR)),
                    edge.get("sources"));
            assertFalse(sources.isEmpty());
            compared++;
        }
        assertTrue(compared > 0, "a partnership of the department is one relationship");
    }

    static String nullAsString(String field) {
        return field.isEmpty() ? "null" : field;
    }

    @Test
    void cytoscapeJsonOfANeighbourhoodHasItsNodesAndEdges() {
        Map<String, Map<String, Object>> expected = neighbourhood("yunnan-chuxiong", 1);
        @SuppressWarnings("unchecked")
        Set<Object> edgeIds = (Set<Object>) expected.remove("#edges").get("ids");
        Response response = as("analyst").get("/export/cytoscape.json?focus=yunnan-chuxiong&hops=1");
        assertEquals(200, response.statusCode());
        assertTrue(response.contentType().startsWith("application/json"));
        JsonPath json = JsonPath.from(new String(response.asByteArray(), StandardCharsets.UTF_8));
        List<Map<String, Object>> nodes = json.getList("elements.nodes.data");
        List<Map<String, Object>> edges = json.getList("elements.edges.data");
        assertEquals(expected.keySet(), nodes.stream().map(n -> n.get("id")).collect(Collectors.toSet()));
        assertEquals(expected.size(), nodes.size());
        for (Map<String, Object> node : nodes) {
            assertEquals(expected.get(node.get("id")).get("label"), node.get("label"));
            assertEquals(expected.get(node.get("id")).get("subtype"), node.get("subtype"));
        }
        assertEquals(edgeIds, edges.stream().map(e -> e.get("id")).collect(Collectors.toSet()));
        assertEquals(edgeIds.size(), edges.size());
        assertTrue(edges.stream().allMatch(e -> expected.containsKey(e.get("source")) && expected.containsKey(e.get("target"))));
    }

    @Test
    void aKindFilterKeepsOnlyThoseNodesAndTheEdgesAmongThem() throws IOException {
        JsonPath stats = ok(ANALYST.file("security/graphStats"));
        int regions = stats.<Map<String, Object>>getList("data.graphStats.labels").stream()
                .filter(c -> c.get("name").equals("Region")).mapToInt(c -> (Integer) c.get("count")).sum();
        List<CSVRecord> nodes = csv(download("/export/nodes.csv?kind=Region"));
        assertEquals(regions, nodes.size());
        assertTrue(nodes.stream().allMatch(r -> r.get("type").equals("Region")));
        Set<String> ids = nodes.stream().map(r -> r.get("id")).collect(Collectors.toSet());
        List<CSVRecord> edges = csv(download("/export/edges.csv?kind=Region"));
        assertFalse(edges.isEmpty());
        assertTrue(edges.stream().allMatch(e -> ids.contains(e.get("source")) && ids.contains(e.get("target"))
                && e.get("type").equals("PART_OF")));

        List<CSVRecord> colleges = csv(download("/export/nodes.csv?kind=HIGHER_VOCATIONAL_COLLEGE,PROVINCE"));
        assertTrue(colleges.stream().anyMatch(r -> r.get("subtype").equals("PROVINCE")));
        assertTrue(colleges.stream().allMatch(r -> Set.of("HIGHER_VOCATIONAL_COLLEGE", "PROVINCE").contains(r.get("subtype"))));
    }

    @Test
    void anonymousCallersAre401AndViewers403WithACodedBody() {
        Response anonymous = given().get("/export/graph.graphml");
        assertEquals(401, anonymous.statusCode());
        assertEquals("UNAUTHENTICATED", anonymous.jsonPath().getString("errors[0].extensions.code"));
        assertTrue(anonymous.jsonPath().getString("errors[0].message").contains("analyst"));
        assertNull(anonymous.header("Content-Disposition"));

        Response viewer = as("viewer").get("/export/nodes.csv");
        assertEquals(403, viewer.statusCode());
        assertEquals("FORBIDDEN", viewer.jsonPath().getString("errors[0].extensions.code"));
        assertTrue(viewer.jsonPath().getString("errors[0].message").contains("analyst"));

        assertEquals(200, as("editor").get("/export/nodes.csv?focus=kashgar-polytechnic").statusCode(), "editor is above analyst");
    }

    @Test
    void badRequestsAreCodedErrors() {
        Response unknown = as("analyst").get("/export/nodes.csv?focus=no-such-node");
        assertEquals(404, unknown.statusCode());
        assertEquals("NOT_FOUND", unknown.jsonPath().getString("errors[0].extensions.code"));
        assertTrue(unknown.jsonPath().getString("errors[0].message").contains("no-such-node"));

        for (String hops : List.of("0", "4", "two")) {
            Response bad = as("analyst").get("/export/nodes.csv?focus=kashgar-polytechnic&hops=" + hops);
            assertEquals(400, bad.statusCode(), hops);
            assertEquals("BAD_USER_INPUT", bad.jsonPath().getString("errors[0].extensions.code"));
            assertTrue(bad.jsonPath().getString("errors[0].message").startsWith("hops"));
        }
        Response kind = as("analyst").get("/export/nodes.csv?kind=Spaceship");
        assertEquals(400, kind.statusCode());
        assertTrue(kind.jsonPath().getString("errors[0].message").contains("Spaceship"));

        Response file = as("analyst").get("/export/graph.xlsx");
        assertEquals(404, file.statusCode());
        assertTrue(file.jsonPath().getString("errors[0].message").contains("graph.graphml"));
    }

    /**
     * Exports name what they read: a property that is not on the list (here a contact's phone number, which the
     * write path would refuse) is never sent, in any format, from a node or a relationship.
     */
    @Test
    void aPropertyOffTheListNeverLeavesTheService() throws IOException {
        String phone = "13912345678";
        String set = """
                MATCH (d:Entity {id: 'kashgar-polytechnic-civil-engineering'})<-[r:SUPPORTS]-()
                SET d.contactPhone = $phone, d.contactPerson = '王老师', r.contactPhone = $phone""";
        graph.write(tx -> {
            tx.run(set, Map.of("phone", phone));
            return null;
        });
        try {
            for (String file : List.of("graph.graphml", "graph-csv.zip", "nodes.csv", "edges.csv", "cytoscape.json")) {
                byte[] bytes = download("/export/" + file + "?focus=kashgar-polytechnic-civil-engineering");
                if (file.endsWith(".zip")) {
                    try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(bytes))) {
                        java.io.ByteArrayOutputStream all = new java.io.ByteArrayOutputStream();
                        while (zip.getNextEntry() != null) {
                            zip.transferTo(all);
                        }
                        bytes = all.toByteArray();
                    }
                }
                String text = new String(bytes, StandardCharsets.UTF_8);
                assertTrue(text.contains("kashgar-polytechnic-civil-engineering"), file);
                assertFalse(text.contains(phone) || text.contains("王老师") || text.contains("contact"), file);
            }
        } finally {
            graph.write(tx -> {
                tx.run("""
                        MATCH (d:Entity {id: 'kashgar-polytechnic-civil-engineering'})<-[r:SUPPORTS]-()
                        REMOVE d.contactPhone, d.contactPerson, r.contactPhone""", Map.of());
                return null;
            });
        }
    }
}
