package org.partnergraph.read;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.partnergraph.testing.Responses.assertError;
import static org.partnergraph.testing.Responses.ok;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import jakarta.inject.Inject;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.partnergraph.dataset.DatasetService;
import org.partnergraph.graph.Graph;
import org.partnergraph.testing.GraphQLClient;
import org.partnergraph.testing.WriteFixture;

import graphql.Scalars;
import graphql.schema.DataFetcher;
import graphql.schema.FieldCoordinates;
import graphql.schema.GraphQLCodeRegistry;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLSchema;
import graphql.schema.LightDataFetcher;
import io.smallrye.graphql.execution.datafetcher.FieldDataFetcher;
import io.smallrye.graphql.schema.model.Field;
import io.smallrye.graphql.schema.model.Reference;
import io.smallrye.graphql.schema.model.Type;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * The read planner: a request's compiled root fields and their nested selections cost one Cypher
 * statement, however many parents and levels, and answer exactly what the resolvers answer (the planner
 * switched off) — for the benchmark's four questions, every compiled field, every page of a connection,
 * and a protected field inside a compiled request.
 */
@QuarkusTest
class CompiledReadsTest {

    static final GraphQLClient ANONYMOUS = GraphQLClient.anonymous();
    static final GraphQLClient ANALYST = GraphQLClient.as("alice", "analyst");

    @Inject
    Graph graph;

    @Inject
    CompiledReads planner;

    @Inject
    DatasetService datasets;

    /** Neo4j statements one request costs. */
    long statements(Supplier<JsonPath> request) {
        long before = graph.roundTrips();
        ok(request.get());
        return graph.roundTrips() - before;
    }

    /** The same request with the planner on and off: both answers, as JSON text. */
    String[] bothWays(GraphQLClient client, String document, Map<String, Object> variables) {
        String compiled = client.file(document, variables).prettify();
        planner.enabled(false);
        try {
            return new String[] {compiled, client.file(document, variables).prettify()};
        } finally {
            planner.enabled(true);
        }
    }

    void sameBothWays(GraphQLClient client, String document, Map<String, Object> variables) {
        String[] answers = bothWays(client, document, variables);
        assertFalse(answers[0].contains("\"errors\""), answers[0]);
        assertEquals(answers[1], answers[0], "compiled and resolved answers differ for " + document + " " + variables);
    }

    @Test
    void departmentSupportersAreOneStatementAndTheResolversAnswer() {
        Map<String, Object> variables = Map.of("id", "kashgar-polytechnic-civil-engineering");
        assertEquals(1, statements(() -> ANONYMOUS.file("read/departmentSupporters", variables)));
        sameBothWays(ANONYMOUS, "read/departmentSupporters", variables);
    }

    /** The answers above come through the shortcut: the live schema reads plain properties directly. */
    @Test
    void theLiveSchemaReadsPlainPropertiesPastSmallRyesPerFieldContext() {
        ANONYMOUS.file("read/departmentSupporters", Map.of("id", "kashgar-polytechnic-civil-engineering"));
        assertTrue(PlainProperties.taken() > 100, "plain properties read directly: " + PlainProperties.taken());
    }

    public record Org(String name, String region) {
    }

    /**
     * A plain property the planner never fetches ahead is read by a graphql-java LightDataFetcher (no
     * environment built per field); one the planner compiles (Organization.region) keeps the lookup of the
     * prefetched value first, though its record has an accessor of that name.
     */
    @Test
    void plainPropertiesThePlannerNeverFetchesAheadAreLight() throws Exception {
        Reference owner = new Reference();
        owner.setClassName(Org.class.getName());
        Reference string = new Reference();
        string.setClassName(String.class.getName());
        GraphQLObjectType.Builder type = GraphQLObjectType.newObject().name("Organization");
        GraphQLCodeRegistry.Builder registry = GraphQLCodeRegistry.newCodeRegistry();
        for (String name : List.of("name", "region")) {
            type.field(GraphQLFieldDefinition.newFieldDefinition().name(name).type(Scalars.GraphQLString));
            registry.dataFetcher(FieldCoordinates.coordinates("Organization", name), new FieldDataFetcher<>(
                    new Field(name, name, name, string), new Type(Org.class.getName(), "Organization", null), owner));
        }
        GraphQLObjectType organization = type.build();
        GraphQLSchema schema = PlannedFetchers.apply(GraphQLSchema.newSchema().query(GraphQLObjectType.newObject()
                .name("Query").field(GraphQLFieldDefinition.newFieldDefinition().name("organization").type(organization)))
                .codeRegistry(registry.build()).build());
        GraphQLCodeRegistry planned = schema.getCodeRegistry();
        DataFetcher<?> name = planned.getDataFetcher(FieldCoordinates.coordinates("Organization", "name"),
                organization.getFieldDefinition("name"));
        DataFetcher<?> region = planned.getDataFetcher(FieldCoordinates.coordinates("Organization", "region"),
                organization.getFieldDefinition("region"));
        assertInstanceOf(LightDataFetcher.class, name);
        assertEquals("喀什理工", ((LightDataFetcher<?>) name).get(organization.getFieldDefinition("name"),
                new Org("喀什理工", "kashgar"), () -> null));
        assertFalse(region instanceof LightDataFetcher, "a field the planner compiles looks for its prefetched value");
    }

    @ParameterizedTest
    @ValueSource(strings = {"kashgar-polytechnic", "chuxiong-medical-college", "jiading-education-bureau",
            "shanghai-municipal-education-commission", "yunnan-chuxiong"})
    void supportersOfEveryKindOfSubjectMatchTheResolvers(String id) {
        sameBothWays(ANONYMOUS, "read/departmentSupporters", Map.of("id", id));
    }

    @Test
    void everyPageOfPartnersIsOneStatementAndMatchesTheResolversToTheEnd() {
        for (String sort : List.of("ID", "SINCE_DESC", "SINCE", "PARTNER_NAME")) {
            String after = null;
            int pages = 0;
            do {
                Map<String, Object> variables = new HashMap<>();
                variables.put("id", "shanghai-municipal-education-commission");
                variables.put("first", 2);
                variables.put("after", after);
                variables.put("sort", sort);
                assertEquals(1, statements(() -> ANONYMOUS.file("read/partnersPage", variables)));
                String[] answers = bothWays(ANONYMOUS, "read/partnersPage", variables);
                assertEquals(answers[1], answers[0], sort + " page " + pages);
                JsonPath page = JsonPath.from(answers[0]);
                after = page.getBoolean("data.organization.partners.pageInfo.hasNextPage")
                        ? page.getString("data.organization.partners.pageInfo.endCursor") : null;
                pages++;
            } while (after != null);
            assertTrue(pages > 1, "the commission has more than one page of partners");
        }
    }

    @Test
    void membersOfAnAllianceInARegionAreOneStatementAndMatchTheResolvers() {
        for (Boolean subregions : new Boolean[] {true, false}) {
            Map<String, Object> filter = new HashMap<>();
            filter.put("memberOfId", "alliance-hu-dian");
            filter.put("regionId", "shanghai");
            filter.put("includeSubregions", subregions);
            Map<String, Object> variables = Map.of("allianceId", "alliance-hu-dian", "filter", filter, "first", 100);
            assertEquals(1, statements(() -> ANONYMOUS.file("read/membersInRegion", variables)));
            sameBothWays(ANONYMOUS, "read/membersInRegion", variables);
            assertEquals(4, ANONYMOUS.file("read/membersInRegion", variables).getInt("data.organizations.totalCount"));
        }
    }

    @Test
    void everyOrganizationsFilterMatchesTheResolversPageByPage() {
        List<Map<String, Object>> filters = List.of(Map.of(), Map.of("kind", List.of("ALLIANCE", "VOCATIONAL_GROUP")),
                Map.of("regionId", "yunnan"), Map.of("regionId", "yunnan", "includeSubregions", false),
                Map.of("text", "上海"), Map.of("regionId", "shanghai", "kind", List.of("SECONDARY_VOCATIONAL_SCHOOL")),
                // filter.text folded as search folds it, anchored on the name index in both forms.
                Map.of("text", "Kashgar"), Map.of("text", "kashi"), Map.of("text", "楚雄醫專"), Map.of("text", "kslg"),
                Map.of("text", "滇"), Map.of("text", "shi", "memberOfId", "alliance-hu-dian"),
                Map.of("text", "zhiye", "regionId", "xinjiang", "includeSubregions", false),
                Map.of("text", "zhiye", "regionId", "xinjiang", "kind", List.of("HIGHER_VOCATIONAL_COLLEGE")));
        for (Map<String, Object> filter : filters) {
            String after = null;
            do {
                Map<String, Object> variables = new HashMap<>();
                variables.put("allianceId", "alliance-hu-dian");
                variables.put("filter", filter);
                variables.put("first", 7);
                variables.put("after", after);
                String[] answers = bothWays(ANONYMOUS, "read/membersInRegion", variables);
                assertEquals(answers[1], answers[0], "filter " + filter + " after " + after);
                JsonPath page = JsonPath.from(answers[0]);
                after = page.getBoolean("data.organizations.pageInfo.hasNextPage")
                        ? page.getString("data.organizations.pageInfo.endCursor") : null;
            } while (after != null);
        }
    }

    @Test
    void partnersOfPartnersAreOneStatementAndMatchTheResolvers() {
        for (Object kind : new Object[] {List.of("PAIRED_WITH"), null}) {
            Map<String, Object> variables = new HashMap<>();
            variables.put("id", "jiading-education-bureau");
            variables.put("kind", kind);
            assertEquals(1, statements(() -> ANONYMOUS.file("read/partnersOfPartners", variables)));
            sameBothWays(ANONYMOUS, "read/partnersOfPartners", variables);
        }
    }

    /**
     * Partner lists that show no link details are compiled as bare patterns, not from the partnerships; the
     * resolvers still derive them from the partnerships. Every organisation, every role, the kinds one by
     * one and together: the same partners.
     */
    @Test
    void partnerListsWithoutLinkDetailsMatchThePartnershipsForEveryOrganizationRoleAndKind() {
        List<Object> kinds = new ArrayList<>(List.of(List.of("PAIRED_WITH"), List.of("SUPPORTS"), List.of("CO_BUILDS"),
                List.of("PROGRAMME"), List.of("SUPPORTS", "PROGRAMME")));
        kinds.add(null);
        int partners = 0;
        for (String role : new String[] {"ANY", "SUPPORTER", "SUPPORTED"}) {
            for (Object kind : kinds) {
                String after = null;
                do {
                    Map<String, Object> variables = new HashMap<>();
                    variables.put("first", 50);
                    variables.put("after", after);
                    variables.put("role", role);
                    variables.put("kind", kind);
                    assertEquals(1, statements(() -> ANONYMOUS.file("read/partnerSchools", variables)));
                    String[] answers = bothWays(ANONYMOUS, "read/partnerSchools", variables);
                    assertFalse(answers[0].contains("\"errors\""), answers[0]);
                    assertEquals(answers[1], answers[0], "partner lists differ for " + variables);
                    JsonPath body = JsonPath.from(answers[0]);
                    partners += body.getList("data.organizations.edges.node.partnerOrganizations.edges.flatten()").size();
                    after = body.getBoolean("data.organizations.pageInfo.hasNextPage")
                            ? body.getString("data.organizations.pageInfo.endCursor") : null;
                } while (after != null);
            }
        }
        assertTrue(partners > 100, "the curated network has partners to compare: " + partners);
    }

    /**
     * All of an organisation's partnerships (found by one walk over both directions) are exactly those it
     * receives and those it gives (found by a walk each way), for every organisation, with and without a kind.
     */
    @Test
    void everyOrganizationsPartnershipsAreThoseItReceivesAndThoseItGives() {
        int partnerships = 0;
        for (Object kind : new Object[] {null, List.of("PAIRED_WITH"), List.of("SUPPORTS", "CO_BUILDS")}) {
            String after = null;
            do {
                Map<String, Object> variables = new HashMap<>();
                // 20 organisations (each with three partner lists) per request: one statement stays well under the
                // 5 s read timeout on a loaded machine, where 50 once ran past it.
                variables.put("first", 20);
                variables.put("after", after);
                variables.put("kind", kind);
                JsonPath body = ok(ANONYMOUS.file("read/partnersByRole", variables));
                for (Map<String, Object> organization : body.<Map<String, Object>>getList("data.organizations.edges.node")) {
                    Map<String, Object> all = new java.util.TreeMap<>();
                    Map<String, Object> split = new java.util.TreeMap<>();
                    for (String role : List.of("any", "receives", "gives")) {
                        @SuppressWarnings("unchecked")
                        Map<String, Object> page = (Map<String, Object>) organization.get(role);
                        @SuppressWarnings("unchecked")
                        List<Map<String, Object>> edges = (List<Map<String, Object>>) page.get("edges");
                        assertEquals(edges.size(), ((Number) page.get("totalCount")).intValue(), "one page holds them all");
                        edges.forEach(edge -> (role.equals("any") ? all : split).put(
                                (String) ((Map<?, ?>) edge.get("node")).get("id"), edge.get("node")));
                    }
                    assertEquals(split, all, organization.get("id") + " with kind " + kind);
                    partnerships += all.size();
                }
                after = body.getBoolean("data.organizations.pageInfo.hasNextPage")
                        ? body.getString("data.organizations.pageInfo.endCursor") : null;
            } while (after != null);
        }
        assertTrue(partnerships > 200, "the curated network's partnerships: " + partnerships);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 20, 100})
    void everyCompiledFieldUnderManyParentsIsOneStatement(int parents) {
        Map<String, Object> variables = Map.of("first", parents);
        JsonPath body = ok(ANONYMOUS.file("read/everything", variables));
        assertEquals(parents, body.getList("data.list.edges").size());
        // Sources are records (PostgreSQL), not graph reads; nothing else may add a statement.
        assertEquals(1, statements(() -> ANONYMOUS.file("read/everything", variables)));
        sameBothWays(ANONYMOUS, "read/everything", variables);
    }

    /**
     * Node.links at the root node and nested (links of the other ends, links of an alliance's members): one statement,
     * as the resolvers answer, on every page.
     */
    @Test
    void linksAtTheRootAndNestedAreOneStatementAndMatchTheResolvers() {
        for (String id : List.of("alliance-hu-dian", "shanghai-information-technology-school", "kashgar-polytechnic")) {
            Map<String, Object> variables = Map.of("id", id);
            assertEquals(1, statements(() -> ANONYMOUS.file("link/nestedLinks", variables)), id);
            sameBothWays(ANONYMOUS, "link/nestedLinks", variables);
        }
        String after = null;
        do {
            Map<String, Object> variables = new HashMap<>(Map.of("id", "shanghai-municipal-education-commission", "first", 9));
            if (after != null) {
                variables.put("after", after);
            }
            assertEquals(1, statements(() -> ANONYMOUS.file("link/organizationLinks", variables)));
            String[] answers = bothWays(ANONYMOUS, "link/organizationLinks", variables);
            assertFalse(answers[0].contains("\"errors\""), answers[0]);
            assertEquals(answers[1], answers[0]);
            JsonPath page = JsonPath.from(answers[0]);
            after = page.getBoolean("data.organization.links.pageInfo.hasNextPage")
                    ? page.getString("data.organization.links.pageInfo.endCursor") : null;
        } while (after != null);
    }

    /**
     * What the statement fetched is completed in one walk (DirectCompletion), not graphql-java's walk per field:
     * every object of these answers is (counted) — but for an object on the way to a field only its resolver
     * answers (partnersPage's citations), which graphql-java completes — and the answers are those graphql-java's
     * own walk gives for the same prefetched values, to the character.
     */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "read/departmentSupporters | 0 | {\"id\": \"kashgar-polytechnic-civil-engineering\"}",
            "read/partnersPage | 1 | {\"id\": \"kashgar-polytechnic\", \"first\": 20}",
            "read/membersInRegion | 0 | {\"allianceId\": \"alliance-hu-dian\", \"first\": 100, \"filter\": {\"memberOfId\": \"alliance-hu-dian\", \"regionId\": \"shanghai\"}}",
            "read/partnersOfPartners | 0 | {\"id\": \"kashgar-polytechnic\", \"kind\": [\"PAIRED_WITH\"]}",
            "read/everything | 0 | {\"first\": 100}",
            "read/directCompletion | 0 | {\"id\": \"kashgar-polytechnic\", \"withPartners\": true, \"skipRegion\": false}",
            "read/directCompletion | 0 | {\"id\": \"kashgar-polytechnic\", \"withPartners\": false, \"skipRegion\": true}",
            "read/directCompletion | 0 | {\"id\": \"no-such-organisation\", \"withPartners\": true, \"skipRegion\": false}"})
    void objectsTheStatementFetchedAreCompletedInOneWalkAsGraphqlJavaWould(String document, int resolverLevels, String json) {
        Map<String, Object> variables = JsonPath.from(json).getMap("$");
        long before = DirectCompletion.completed();
        JsonPath direct = ok(ANONYMOUS.file(document, variables));
        long completed = DirectCompletion.completed() - before;
        if (resolverLevels == 0) {
            assertEquals(DirectCompletionTest.objects(direct.get("data")), completed, direct::prettify);
        } else {
            // organization, partners, each edge and its node are graphql-java's (citations are below the nodes);
            // the node's supporter, supported, region, programme and each citation are walked.
            int edges = direct.getList("data.organization.partners.edges").size();
            assertEquals(DirectCompletionTest.objects(direct.get("data")) - 2 - 2L * edges, completed, direct::prettify);
            assertTrue(edges > 5, direct::prettify);
        }
        planner.completeDirectly(false);
        try {
            long walked = DirectCompletion.completed();
            String answer = ANONYMOUS.file(document, variables).prettify();
            assertEquals(walked, DirectCompletion.completed(), "switched off, nothing is completed directly");
            assertEquals(answer, direct.prettify(), document + " " + variables);
        } finally {
            planner.completeDirectly(true);
        }
    }

    /**
     * An object with a field only its resolver answers (history, refused to an anonymous client) is left to
     * graphql-java, which reports the refusal as before; the objects below it (memberOf) are still walked.
     */
    @Test
    void anObjectWithAFieldOnlyItsResolverAnswersIsLeftToGraphqlJava() {
        String member = ok(ANONYMOUS.query("{ organizations(filter: {memberOfId: \"alliance-hu-dian\"}, first: 1) "
                + "{ edges { node { id } } } }", Map.of())).getString("data.organizations.edges[0].node.id");
        long before = DirectCompletion.completed();
        JsonPath body = ANONYMOUS.file("read/protected", Map.of("id", member));
        assertEquals("UNAUTHENTICATED", body.getString("errors[0].extensions.code"), body::prettify);
        int memberships = body.getList("data.organization.memberOf").size();
        assertTrue(memberships > 0, body::prettify);
        assertEquals(memberships, DirectCompletion.completed() - before, body::prettify);
    }

    @Test
    void aProtectedFieldInsideACompiledRequestIsWithheldExactlyAsBefore() {
        Map<String, Object> variables = Map.of("id", "kashgar-polytechnic");
        String[] anonymous = bothWays(ANONYMOUS, "read/protected", variables);
        JsonPath compiled = JsonPath.from(anonymous[0]);
        assertEquals("UNAUTHENTICATED", compiled.getString("errors[0].extensions.code"), anonymous[0]);
        assertEquals(List.of("organization", "history"), compiled.getList("errors[0].path"));
        assertNull(compiled.get("data.organization.history"));
        assertEquals("kashgar-polytechnic", compiled.getString("data.organization.id"));
        assertEquals(anonymous[1], anonymous[0]);

        String[] analyst = bothWays(ANALYST, "read/protected", variables);
        assertNotNull(JsonPath.from(analyst[0]).getList("data.organization.history"), analyst[0]);
        assertEquals(analyst[1], analyst[0]);
    }

    @Test
    void badArgumentsInsideACompiledRequestAnswerTheirCodes() {
        assertError(ANONYMOUS.query("{ supportersOf(id: \"nowhere\") { id } }", Map.of()), "NOT_FOUND", "nowhere");
        assertError(ANONYMOUS.query("{ supportersOf(id: \"kashgar-polytechnic\", first: 501) { id } }", Map.of()),
                "LIMIT_EXCEEDED", "first");
        assertError(ANONYMOUS.query("{ organization(id: \"kashgar-polytechnic\") { partners(first: 0) { totalCount } } }",
                Map.of()), "BAD_USER_INPUT", "first");
        assertError(ANONYMOUS.query("{ organization(id: \"kashgar-polytechnic\") { partners(after: \"bm90LWEtY3Vyc29y\") "
                + "{ totalCount } } }", Map.of()), "BAD_USER_INPUT", "cursor");
        assertError(ANONYMOUS.query("{ organizations(filter: {memberOfId: \"nobody\"}) { totalCount } }", Map.of()),
                "NOT_FOUND", "memberOfId");
        assertError(ANONYMOUS.query("{ organization(id: \"kashgar-polytechnic\") { partners(kind: [PAIRED_WITH, null]) "
                + "{ totalCount } } }", Map.of()), "BAD_USER_INPUT", "kind");
        // A cursor made for one sort is refused by another.
        String cursor = ok(ANONYMOUS.file("read/partnersPage", Map.of("id", "kashgar-polytechnic", "first", 1)))
                .getString("data.organization.partners.pageInfo.endCursor");
        assertError(ANONYMOUS.file("read/partnersPage", Map.of("id", "kashgar-polytechnic", "first", 1, "after", cursor,
                "sort", "SINCE_DESC")), "BAD_USER_INPUT", "sorted by ID");
    }

    @Test
    void aFailingRootFieldLeavesTheOthersAnswered() {
        JsonPath body = ANONYMOUS.query("{ a: organization(id: \"kashgar-polytechnic\") { id } "
                + "b: organization(id: \"kashgar-polytechnic\") { partners(first: 0) { totalCount } } "
                + "c: department(id: \"nowhere\") { id } }", Map.of());
        assertEquals("kashgar-polytechnic", body.getString("data.a.id"), body::prettify);
        assertNull(body.get("data.b"));
        assertNull(body.get("data.c"));
        assertEquals("BAD_USER_INPUT", body.getString("errors[0].extensions.code"));
        assertEquals(List.of("b"), body.getList("errors[0].path"));
    }

    /**
     * The same field under two aliases with different arguments: each alias gets its own answer. (The
     * batched resolvers answered both aliases with one alias' arguments; the planner compiles each.)
     */
    @Test
    void aliasesWithDifferentArgumentsEachGetTheirOwnAnswer() {
        String id = "shanghai-municipal-education-commission";
        JsonPath both = ok(ANONYMOUS.query("query($id: ID!) { organization(id: $id) { "
                + "all: partners(first: 100) { totalCount edges { node { id kind } } } "
                + "paired: partners(first: 100, kind: [PAIRED_WITH, PROGRAMME], sort: SINCE_DESC) { totalCount edges { node { id kind } } } } }",
                Map.of("id", id)));
        JsonPath alone = ok(ANONYMOUS.query("query($id: ID!) { organization(id: $id) { "
                + "partners(first: 100, kind: [PAIRED_WITH, PROGRAMME], sort: SINCE_DESC) { totalCount edges { node { id kind } } } } }",
                Map.of("id", id)));
        assertEquals(alone.getList("data.organization.partners.edges.node.id"),
                both.getList("data.organization.paired.edges.node.id"));
        assertTrue(both.getInt("data.organization.all.totalCount") > both.getInt("data.organization.paired.totalCount"),
                both::prettify);
        assertTrue(both.getList("data.organization.paired.edges.node.kind").stream()
                .allMatch(k -> k.equals("PAIRED_WITH") || k.equals("PROGRAMME")));
    }

    /** The timeline, its entries' nodes and a status's partnership ends, however filtered: one statement. */
    @Test
    void theTimelineIsOneStatementAndMatchesTheResolversOnEveryPage() {
        List<Map<String, Object>> filters = List.of(Map.of(), Map.of("from", "2023", "to", "2024-06"),
                Map.of("organizationId", "shanghai-university-of-medicine-and-health-sciences"),
                Map.of("regionId", "yunnan", "includeSubregions", false, "kind", List.of("EVENT", "PROGRAMME")),
                Map.of("regionId", "xinjiang-kashgar", "from", "2024", "kind", List.of("PARTNERSHIP_STATUS",
                        "AGREEMENT_STATUS")));
        for (Map<String, Object> filter : filters) {
            String after = null;
            int pages = 0;
            do {
                Map<String, Object> variables = new HashMap<>();
                variables.put("filter", filter);
                variables.put("first", 25);
                variables.put("after", after);
                assertEquals(1, statements(() -> ANONYMOUS.file("timeline/timeline", variables)), filter::toString);
                String[] answers = bothWays(ANONYMOUS, "timeline/timeline", variables);
                assertFalse(answers[0].contains("\"errors\""), answers[0]);
                assertEquals(answers[1], answers[0], filter + " page " + pages);
                JsonPath page = JsonPath.from(answers[0]);
                after = page.getBoolean("data.timeline.pageInfo.hasNextPage")
                        ? page.getString("data.timeline.pageInfo.endCursor") : null;
                pages++;
            } while (after != null);
        }
    }

    /**
     * Date qualifiers and their derived dateApproximate, on the timeline's entries and their programmes and events (an
     * event selected for dateApproximate alone projects only its qualifier, see EventReads), as the resolvers answer;
     * the timeline test above checks every page of it is one statement.
     */
    @ParameterizedTest
    @ValueSource(strings = {"prog-2023-seig-chuxiong-training|2023-10", "prog-2023-chuxiong-enrolment-to-shanghai|2023",
            "evt-2023-04-yunnan-enrolment-meeting|2023-04", "evt-2024-hometown-tour-dali|2024-07",
            "evt-2023-06-sit-software-donation|2023-06"})
    void dateQualifiersMatchTheResolvers(String idOn) {
        String[] parts = idOn.split("\\|");
        Map<String, Object> variables = Map.of("id", parts[0], "filter", Map.of("from", parts[1], "to", parts[1]));
        String[] answers = bothWays(ANONYMOUS, "timeline/dateQualifiers", variables);
        assertFalse(answers[0].contains("\"errors\""), answers[0]);
        assertEquals(answers[1], answers[0], idOn);
        if (parts[0].startsWith("evt-2024-hometown")) {
            assertTrue(answers[0].contains("\"approximate\": true"), "summer-break events: " + answers[0]);
        }
    }

    /** A status on a nested partnership list and on a supporters list is read from the same statement. */
    @Test
    void statusesOfSupportersAreOneStatementAndMatchTheResolvers() {
        Map<String, Object> variables = Map.of("id", "kashgar-polytechnic");
        assertEquals(1, statements(() -> ANONYMOUS.file("timeline/partnershipStatuses", variables)));
        sameBothWays(ANONYMOUS, "timeline/partnershipStatuses", variables);
    }

    /**
     * Status histories on supporters' partnerships, and on the timeline's agreements and partnerships, come from the
     * request's one statement (supportersOf and timeline compiled together), as the resolvers answer: the seeded Chuxiong pairing's
     * one statement, and a pairing and an agreement of the write fixture with several.
     */
    @Test
    void statusHistoriesAreOneStatementAndMatchTheResolvers() {
        WriteFixture.load(datasets);
        WriteFixture.loadAgreement(datasets, "test-w-compiled-agreement");
        GraphQLClient editor = GraphQLClient.as("eddie", "editor");
        ok(editor.file("organization/upsertOrganization", Map.of("input", Map.of("id", "test-w-compiled-status",
                "name", "写测编译状态", "kind", "SCHOOL", "source", WriteFixture.source("写测")), "key", "test-compiled-status-school")));
        String pairing = ok(editor.file("timeline/createWithStatus", Map.of("input", Map.of("kind", "PAIRED_WITH",
                "supporterId", WriteFixture.COLLEGE, "supportedId", "test-w-compiled-status", "source",
                WriteFixture.source("结对"), "status", "IN_COORDINATION", "statusDate", "2025-04", "statusSource",
                WriteFixture.source("对接中"))))).getString("data.createPartnership.partnership.id");
        for (Object[] statement : new Object[][] {{"partnershipId", pairing, "ACTIVE", "2025-09-01"},
                {"partnershipId", pairing, "PROPOSED", "2025"}, {"agreementId", "test-w-compiled-agreement", "PROPOSED", "2025-02"},
                {"agreementId", "test-w-compiled-agreement", "ACTIVE", "2025-03-15"}}) {
            String mutation = statement[0].equals("agreementId") ? "timeline/setAgreementStatus" : "timeline/setPartnershipStatus";
            ok(editor.file(mutation, Map.of("input", Map.of(statement[0], statement[1], "status", statement[2],
                    "statusDate", statement[3], "source", WriteFixture.source("状态" + statement[2])))));
        }
        for (Map<String, Object> variables : List.of(
                Map.of("id", "chuxiong-medical-college", "filter", Map.of("regionId", "yunnan-chuxiong")),
                Map.of("id", "test-w-compiled-status", "filter", Map.of("organizationId", WriteFixture.COLLEGE)))) {
            assertEquals(1, statements(() -> ANONYMOUS.file("timeline/statusHistory", variables)), variables::toString);
            String[] answers = bothWays(ANONYMOUS, "timeline/statusHistory", variables);
            assertFalse(answers[0].contains("\"errors\""), answers[0]);
            assertEquals(answers[1], answers[0], variables.toString());
            assertTrue(answers[0].contains("\"statusHistory\""), answers[0]);
        }
        String several = bothWays(ANONYMOUS, "timeline/statusHistory", Map.of("id", "test-w-compiled-status",
                "filter", Map.of("organizationId", WriteFixture.COLLEGE)))[0];
        assertTrue(several.contains("status~" + pairing + "~2") && several.contains("status~test-w-compiled-agreement~1"),
                several);
    }

    /**
     * Stated quantities on supporters' partnerships (stated and programme ones), on an organisation's partners page,
     * and on the programmes and events of the timeline come from the request's one statement, as the resolvers answer.
     */
    @Test
    void statedQuantitiesAreOneStatementAndMatchTheResolvers() {
        for (String id : List.of("kashgar-polytechnic", "kashgar-polytechnic-electronic-information")) {
            Map<String, Object> variables = Map.of("id", id);
            assertEquals(1, statements(() -> ANONYMOUS.file("fact/supporters", variables)), id);
            String[] answers = bothWays(ANONYMOUS, "fact/supporters", variables);
            assertEquals(answers[1], answers[0], id);
            assertTrue(answers[0].contains("\"measure\""), "no quantities read for " + id);
        }
        Map<String, Object> partners = Map.of("id", "shanghai-electronic-information-vocational-technical-college");
        assertEquals(1, statements(() -> ANONYMOUS.file("fact/organizationPartners", partners)));
        String[] partnerAnswers = bothWays(ANONYMOUS, "fact/organizationPartners", partners);
        assertEquals(partnerAnswers[1], partnerAnswers[0]);
        assertTrue(partnerAnswers[0].contains("\"JOINT_TEACHING_RESEARCH_OFFICES\""), partnerAnswers[0]);

        Map<String, Object> timeline = Map.of("filter", Map.of("from", "2023-06", "to", "2024"));
        assertEquals(1, statements(() -> ANONYMOUS.file("fact/timelineQuantities", timeline)));
        String[] answers = bothWays(ANONYMOUS, "fact/timelineQuantities", timeline);
        assertEquals(answers[1], answers[0]);
        assertTrue(answers[0].contains("\"约…余\"") && answers[0].contains("\"余\""), answers[0]);
    }

    /** The events of the timeline with their participations' quantities and awards: one statement, as resolved. */
    @Test
    void eventParticipationsWithTheirAwardsAreOneStatementAndMatchTheResolvers() {
        for (Map<String, Object> filter : List.of(Map.of("kind", List.of("EVENT"), "from", "2024"),
                Map.of("kind", List.of("EVENT"), "regionId", "yunnan"))) {
            Map<String, Object> variables = Map.of("filter", filter);
            assertEquals(1, statements(() -> ANONYMOUS.file("fact/timelineParticipations", variables)), filter::toString);
            String[] answers = bothWays(ANONYMOUS, "fact/timelineParticipations", variables);
            assertFalse(answers[0].contains("\"errors\""), answers[0]);
            assertEquals(answers[1], answers[0], filter.toString());
            assertTrue(answers[0].contains("\"participations\""), answers[0]);
        }
        String awards = bothWays(ANONYMOUS, "fact/timelineParticipations",
                Map.of("filter", Map.of("kind", List.of("EVENT"), "from", "2024")))[0];
        assertTrue(awards.contains("\"二等奖\"") && awards.contains("\"TEACHERS\""), awards);
    }

    @Test
    void readmeQueriesAnswerTheSameCompiledAndResolved() throws Exception {
        String readme = java.nio.file.Files.readString(java.nio.file.Path.of("README.md"));
        List<String[]> queries = new ArrayList<>();
        java.util.regex.Matcher blocks = java.util.regex.Pattern
                .compile("```graphql\\n(.*?)```\\s*(?:```json\\n(.*?)```)?", java.util.regex.Pattern.DOTALL)
                .matcher(readme);
        while (blocks.find()) {
            String document = blocks.group(1);
            if (document.strip().startsWith("query") || document.strip().startsWith("{")) {
                queries.add(new String[] {document, blocks.group(2)});
            }
        }
        assertTrue(queries.size() >= 8, "README queries found: " + queries.size());
        for (String[] query : queries) {
            Map<String, Object> variables = query[1] == null ? Map.of() : JsonPath.from(query[1]).getMap("$");
            if (variables.containsKey("data") || variables.containsKey("errors")) {
                variables = Map.of(); // an answer shown after the query, not its variables
            }
            String compiled = ANALYST.query(query[0], variables).prettify();
            planner.enabled(false);
            String resolved;
            try {
                resolved = ANALYST.query(query[0], variables).prettify();
            } finally {
                planner.enabled(true);
            }
            assertEquals(resolved, compiled, query[0]);
        }
    }

    /** What each Partnership field is asked with (its subselection, for object fields). */
    static final Map<String, String> PARTNERSHIP_FIELDS = Map.ofEntries(Map.entry("id", "id"), Map.entry("kind", "kind"),
            Map.entry("since", "since"), Map.entry("until", "until"), Map.entry("endReason", "endReason"),
            Map.entry("scheme", "scheme"), Map.entry("implied", "implied"), Map.entry("status", "status"),
            Map.entry("statusDate", "statusDate"), Map.entry("statusDatePrecision", "statusDatePrecision"),
            Map.entry("supporter", "supporter { id name }"), Map.entry("supported", "supported { id __typename }"),
            Map.entry("programme", "programme { id name year }"), Map.entry("agreement", "agreement { id name }"),
            Map.entry("citations", "citations { document { id } quote implied }"),
            Map.entry("sources", "sources { id title }"),
            Map.entry("statusCitations", "statusCitations { document { id } quote implied }"),
            Map.entry("statusHistory", "statusHistory { status date precision citations { document { id } quote } }"),
            Map.entry("quantities", "quantities { measure value unit approximate qualifier citations { quote } }"),
            Map.entry("facts", "facts { name value implied citations { quote } }"));

    /**
     * The planner projects only the partnership keys the selected fields read (PartnershipRow): every Partnership
     * field asked alone, and with id only beside it, answers as the resolvers do, on supportersOf and on partners,
     * for subjects whose partnerships have programmes, statuses, stated numbers and facts (checked, so the
     * comparison is not of empty lists).
     */
    @Test
    void eachPartnershipFieldAloneAnswersAsResolved() {
        List<String> schemaFields = ok(ANONYMOUS.query("{ __type(name: \"Partnership\") { fields { name } } }", Map.of()))
                .getList("data.__type.fields.name");
        assertEquals(new java.util.TreeSet<>(schemaFields), new java.util.TreeSet<>(PARTNERSHIP_FIELDS.keySet()),
                "every Partnership field is asked here");
        String all = String.join(" ", PARTNERSHIP_FIELDS.values());
        String whole = ANONYMOUS.query("{ a: supportersOf(id: \"kashgar-polytechnic-civil-engineering\") { " + all + " }"
                + " b: organization(id: \"kashgar-polytechnic\") { partners(first: 100) { edges { node { "
                + all + " } } } } c: organization(id: \"chuxiong-medical-college\") { partners(first: 100) { edges { node { "
                + all + " } } } } }", Map.of()).prettify();
        for (String stated : List.of("statusHistory\"\\s*:\\s*\\[\\s*\\{", "quantities\"\\s*:\\s*\\[\\s*\\{",
                "facts\"\\s*:\\s*\\[\\s*\\{", "programme\"\\s*:\\s*\\{", "citations\"\\s*:\\s*\\[\\s*\\{")) {
            assertTrue(java.util.regex.Pattern.compile(stated).matcher(whole).find(),
                    "the subjects below have partnerships with " + stated);
        }
        for (Map.Entry<String, String> field : PARTNERSHIP_FIELDS.entrySet()) {
            for (String subject : List.of("supportersOf(id: \"kashgar-polytechnic-civil-engineering\") { %s }",
                    "organization(id: \"kashgar-polytechnic\") { partners(first: 100) { edges { node { %s } } } }",
                    "organization(id: \"chuxiong-medical-college\") { partners(first: 100) { edges { node { %s } } } }")) {
                String query = "query Q { " + subject.formatted("id " + field.getValue()) + " }";
                String compiled = ANONYMOUS.query(query, Map.of()).prettify();
                planner.enabled(false);
                String resolved;
                try {
                    resolved = ANONYMOUS.query(query, Map.of()).prettify();
                } finally {
                    planner.enabled(true);
                }
                assertFalse(compiled.contains("\"errors\""), compiled);
                assertEquals(resolved, compiled, "compiled and resolved differ for " + query);
            }
        }
    }
}
