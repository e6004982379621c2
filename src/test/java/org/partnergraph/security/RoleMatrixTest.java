package org.partnergraph.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.partnergraph.testing.Responses.ok;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.partnergraph.dataset.DatasetService;
import org.partnergraph.testing.GraphQLClient;
import org.partnergraph.testing.WriteFixture;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * Every operation and every protected field, for every role: exactly data, UNAUTHENTICATED or
 * FORBIDDEN. Protected fields are also reached through nesting (an organisation inside a connection,
 * a supporter inside a partnership), where the rest of the answer must still come back.
 * Writes use idempotency keys, so the editor's and the admin's identical requests make one change.
 */
@QuarkusTest
class RoleMatrixTest {

    /** The roles in ladder order; anonymous first. */
    static final List<String> ROLES = List.of("anonymous", "viewer", "analyst", "editor", "admin");

    static final String PAIRING_KEY = "matrix-setup-pairing";
    static final String MATRIX_AGREEMENT = "test-w-matrix-agreement";

    record Case(String name, String document, Map<String, Object> variables, String needs, String protectedPath) {
    }

    static final Map<String, Case> CASES = new LinkedHashMap<>();

    static void add(String name, String document, String needs) {
        add(name, document, Map.of(), needs, null);
    }

    static void add(String name, String document, Map<String, Object> variables, String needs, String protectedPath) {
        CASES.put(name, new Case(name, document, variables, needs, protectedPath));
    }

    static {
        String anyone = "anonymous";
        // Public reads.
        add("node", "{ node(id: \"kashgar-polytechnic\") { id } }", anyone);
        add("search", "{ search(text: \"喀什\", first: 2) { score } }", anyone);
        add("organization", "{ organization(id: \"kashgar-polytechnic\") { id name } }", anyone);
        add("organizations", "{ organizations(first: 2) { totalCount } }", anyone);
        add("region", "{ region(id: \"yunnan\") { id } }", anyone);
        add("regions", "{ regions { id } }", anyone);
        add("department", "{ department(id: \"kashgar-polytechnic-civil-engineering\") { id } }", anyone);
        add("supportersOf", "{ supportersOf(id: \"kashgar-polytechnic\", first: 2) { id } }", anyone);
        add("programmes", "{ programmes(first: 2) { totalCount totalFundingWan } }", anyone);
        add("programmes filtered by region", "{ programmes(filter: {regionId: \"yunnan\"}, first: 2) { totalCount } }", anyone);
        add("documents", "{ documents { id number } }", anyone);
        add("document", "{ document(id: \"doc-2023-chu-jiaofu-31\") { id excerpt } }", anyone);
        add("shortestPath", "{ shortestPath(fromId: \"kashgar-polytechnic\", toId: \"xinjiang\") { length } }", anyone);
        add("neighbourhood", "{ neighbourhood(id: \"kashgar-polytechnic\", limit: 5) { nodes { id } } }", anyone);
        add("statedCounts", "{ organization(id: \"alliance-hu-dian\") { statedCounts { count } } }", anyone);
        // Analytics and history.
        add("graphStats", "{ graphStats { labels { name count } } }", "analyst");
        add("changes", "{ changes(first: 1) { totalCount } }", "analyst");
        add("changes of a node", "{ changes(nodeId: \"kashgar-polytechnic\", first: 1) { totalCount } }", "analyst");
        add("change", "{ change(id: \"1\") { id kind } }", "analyst");
        // Protected fields reached through nesting: the rest of the answer stays.
        add("organization.history", "{ organization(id: \"kashgar-polytechnic\") { name history(first: 1) { id } } }",
                Map.of(), "analyst", "organization.history");
        add("organizations.edges.node.history", "{ organizations(first: 2) { edges { node { id history { id } } } } }",
                Map.of(), "analyst", "organizations.edges[0].node.history");
        add("supportersOf.supporter.history", "{ supportersOf(id: \"kashgar-polytechnic-civil-engineering\", first: 1) "
                + "{ id supporter { name history { author } } } }", Map.of(), "analyst", "supportersOf[0].supporter.history");
        add("organization.members.edges.node.history", "{ organization(id: \"alliance-hu-dian\") { members(first: 1) "
                + "{ edges { node { id history { id } } } } } }", Map.of(), "analyst",
                "organization.members.edges[0].node.history");
        // The other end of a link is a node like any other: its protected fields stay protected.
        add("organization.links.edges.node.node.history", "{ organization(id: \"alliance-hu-dian\") { links(type: "
                + "[\"MEMBER_OF\"], first: 1) { edges { node { node { id ... on Organization { history { id } } } } } } } }",
                Map.of(), "analyst", "organization.links.edges[0].node.node.history");
        add("node.links.edges.node.node.history", "{ node(id: \"alliance-hu-dian\") { links(type: [\"MEMBER_OF\"], "
                + "first: 1) { edges { node { node { id ... on Organization { history { id } } } } } } } }",
                Map.of(), "analyst", "node.links.edges[0].node.node.history");
        // Writes.
        add("upsertOrganization", """
                mutation { upsertOrganization(input: {id: "test-w-matrix-org", name: "写测矩阵", kind: SCHOOL,
                  source: {documentId: "doc-test-writes", quote: "写测"}}, idempotencyKey: "matrix-upsert-org") { change { id } } }""",
                "editor");
        add("addDepartment", """
                mutation { addDepartment(input: {id: "test-w-matrix-dept", organizationId: "test-w-college", name: "矩阵系",
                  source: {documentId: "doc-test-writes", quote: "写测"}}, idempotencyKey: "matrix-add-dept") { change { id } } }""",
                "editor");
        add("createPartnership", """
                mutation { createPartnership(input: {kind: SUPPORTS, supporterId: "test-w-east-college", supportedId: "test-w-school-civil",
                  source: {documentId: "doc-test-writes", quote: "写测"}}, idempotencyKey: "matrix-create-pairing") { change { id } } }""",
                "editor");
        add("endPartnership", """
                mutation($id: ID!) { endPartnership(input: {id: $id, until: "2030", reason: "矩阵"}, idempotencyKey: "matrix-end")
                  { change { id } } }""", Map.of("id", "(set before each)"), "editor", null);
        add("setPartnershipStatus", """
                mutation($id: ID!) { setPartnershipStatus(input: {partnershipId: $id, status: ACTIVE, statusDate: "2025",
                  source: {documentId: "doc-test-writes", quote: "矩阵"}}, idempotencyKey: "matrix-status") { change { id } } }""",
                Map.of("id", "(set before each)"), "editor", null);
        add("setAgreementStatus", """
                mutation { setAgreementStatus(input: {agreementId: "%s", status: ACTIVE, statusDate: "2025",
                  source: {documentId: "doc-test-writes", quote: "矩阵"}}, idempotencyKey: "matrix-agreement-status")
                  { change { id } } }""".formatted(MATRIX_AGREEMENT), "editor");
        add("upsertProgramme", """
                mutation { upsertProgramme(input: {id: "test-w-matrix-programme", name: "矩阵培训", category: TRAINING, mode: OTHER,
                  source: {documentId: "doc-test-writes", quote: "写测"}}, idempotencyKey: "matrix-programme") { change { id } } }""",
                "editor");
        add("importDataset", """
                mutation($bundle: String!) { importDataset(bundle: $bundle, dryRun: true) { nodes } }""",
                Map.of("bundle", "{\"bundle\":\"test-matrix\",\"documents\":[],\"regions\":[],\"organizations\":[],\"departments\":[],"
                        + "\"majors\":[],\"agreements\":[],\"programmes\":[],\"events\":[],\"statedCounts\":[],\"relationships\":[]}"),
                "editor", null);
        add("replayChanges", "mutation { replayChanges { changesApplied } }", "admin");
        add("rebuildGraph", "mutation { rebuildGraph { nodes } }", "admin");
        add("graphRun", "query { graphRun(id: \"1\") { status } }", "admin");
        add("registerPersistedQueries", "mutation { registerPersistedQueries(documents: [\"{ documents { id } }\"]) }", "admin");
    }

    static String pairing;

    @Inject
    DatasetService datasets;

    /** Once for the whole matrix: the fixture, an agreement, and a partnership for endPartnership to end. */
    @BeforeEach
    void fixture() {
        if (pairing != null) {
            return;
        }
        WriteFixture.load(datasets);
        WriteFixture.loadAgreement(datasets, MATRIX_AGREEMENT);
        pairing = ok(GraphQLClient.as("eddie", "editor").query("""
                mutation { createPartnership(input: {kind: PAIRED_WITH, supporterId: "test-w-east-college", supportedId: "test-w-school",
                  source: {documentId: "doc-test-writes", quote: "写测"}}, idempotencyKey: "%s") { change { targetId } } }"""
                .formatted(PAIRING_KEY), Map.of())).getString("data.createPartnership.change.targetId");
    }

    static Stream<Arguments> matrix() {
        List<Arguments> cells = new ArrayList<>();
        for (Case c : CASES.values()) {
            for (String role : ROLES) {
                cells.add(Arguments.of(c.name(), role));
            }
        }
        return cells.stream();
    }

    static GraphQLClient client(String role) {
        return switch (role) {
            case "anonymous" -> GraphQLClient.anonymous();
            case "viewer" -> GraphQLClient.as("victor", "viewer");
            case "analyst" -> GraphQLClient.as("alice", "analyst");
            case "editor" -> GraphQLClient.as("eddie", "editor");
            default -> GraphQLClient.as("root", "admin");
        };
    }

    /** What the role should get: data, or the code of a refusal. */
    static String expected(String role, String needs) {
        if (ROLES.indexOf(role) >= ROLES.indexOf(needs)) {
            return "data";
        }
        return role.equals("anonymous") ? "UNAUTHENTICATED" : "FORBIDDEN";
    }

    @ParameterizedTest(name = "{0} as {1}")
    @MethodSource("matrix")
    void eachRoleGetsExactlyWhatItShould(String name, String role) {
        Case c = CASES.get(name);
        Map<String, Object> variables = new LinkedHashMap<>(c.variables());
        if (variables.containsKey("id")) {
            variables.put("id", pairing);
        }
        JsonPath body = client(role).query(c.document(), variables);
        String expected = expected(role, c.needs());

        if (expected.equals("data")) {
            ok(body);
            return;
        }
        // One error per place the rule applies (a protected field in a list: one per item), all the same.
        List<String> codes = body.getList("errors.extensions.code");
        assertEquals(false, codes.isEmpty(), body.prettify());
        assertEquals(List.of(expected), codes.stream().distinct().toList(), body.prettify());
        assertEquals(true, body.getString("errors[0].message").contains("'" + c.needs() + "'"), body.prettify());
        if (c.protectedPath() == null) {
            Map<String, Object> data = body.get("data");
            assertEquals(true, data == null || data.values().stream().allMatch(v -> v == null),
                    "a refused operation answers no data: " + body.prettify());
        } else {
            // Refused field: null, with its error; everything around it is still answered.
            assertNull(body.get("data." + c.protectedPath()), body.prettify());
            assertNotNull(body.get("data." + c.protectedPath().substring(0, c.protectedPath().lastIndexOf('.'))),
                    body.prettify());
        }
    }
}
