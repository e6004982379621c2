package org.partnergraph.read;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.partnergraph.testing.Responses.ok;

import java.util.List;
import java.util.Map;

import java.util.Locale;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.partnergraph.testing.GraphQLClient;

import graphql.GraphQLContext;
import graphql.execution.MergedField;
import graphql.execution.RawVariables;
import graphql.language.Document;
import graphql.language.Field;
import graphql.language.OperationDefinition;
import graphql.normalized.ExecutableNormalizedField;
import graphql.normalized.ExecutableNormalizedOperation;
import graphql.normalized.ExecutableNormalizedOperationFactory;
import graphql.parser.Parser;
import graphql.schema.DataFetchingEnvironment;
import graphql.schema.DataFetchingEnvironmentImpl;
import graphql.schema.DataFetchingFieldSelectionSetImpl;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLSchema;
import graphql.schema.SelectedField;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * The planner's selection, read from the syntax tree (Selections), in the shapes clients write: fragments, inline
 * fragments on the Node interface, aliases, repeated keys, {@code @skip}/{@code @include}. Each request here also
 * runs the assertion in CompiledReads that compares it with graphql-java's normalized selection, and each answer is
 * compared with the same question written plainly.
 */
@QuarkusTest
class SelectionsTest {

    @Inject
    GraphQLSchema schema;

    static final GraphQLClient ANONYMOUS = GraphQLClient.anonymous();
    static final String DEPARTMENT = "kashgar-polytechnic-civil-engineering";

    @Test
    void assertionsAreOnSoEveryCompiledRequestOfTheTestsIsComparedWithGraphQLJava() {
        boolean on = false;
        assert on = true;
        assertTrue(on, "the tests run with -ea: CompiledReads' comparison of the two selections runs in every test");
    }

    @Test
    void fragmentsAliasesAndRepeatedKeysAnswerAsThePlainQuestion() {
        String plain = """
                query($id: ID!) { supportersOf(id: $id) {
                  id kind since supporter { id name } supported { id __typename ... on Department { name } }
                } }""";
        String fragmented = """
                query($id: ID!) { supportersOf(id: $id) {
                  ...Edge
                  kind
                  supporter { ... on Organization { id } }
                  supporter { name }
                  supported { ...Target }
                } }
                fragment Edge on Partnership { id since kind }
                fragment Target on Node { id __typename ... on Department { name } ... on Organization { id } }""";
        long before = Selections.handedBack();
        long compared = Selections.compared();
        List<Object> expected = ok(ANONYMOUS.query(plain, Map.of("id", DEPARTMENT))).getList("data.supportersOf");
        List<Object> answered = ok(ANONYMOUS.query(fragmented, Map.of("id", DEPARTMENT))).getList("data.supportersOf");
        assertFalse(expected.isEmpty());
        assertEquals(normalized(expected), normalized(answered));
        assertEquals(before, Selections.handedBack(), "both read from the syntax tree");
        assertEquals(compared + 2, Selections.compared(), "and both compared with graphql-java's in the service");
    }

    @Test
    void skipAndIncludeFollowTheirVariables() {
        String query = """
                query($id: ID!, $withName: Boolean!, $withoutSince: Boolean!) { supportersOf(id: $id) {
                  id since @skip(if: $withoutSince) supporter { id name @include(if: $withName) }
                } }""";
        long walks = Selections.walks();
        JsonPath both = ok(ANONYMOUS.query(query, Map.of("id", DEPARTMENT, "withName", true, "withoutSince", false)));
        JsonPath neither = ok(ANONYMOUS.query(query, Map.of("id", DEPARTMENT, "withName", false, "withoutSince", true)));
        assertEquals(walks + 2, Selections.walks(), "a selection that depends on the variables is walked for each request");
        Map<String, Object> full = both.getMap("data.supportersOf[0]");
        Map<String, Object> bare = neither.getMap("data.supportersOf[0]");
        assertTrue(full.containsKey("since"));
        assertTrue(((Map<?, ?>) full.get("supporter")).containsKey("name"));
        assertFalse(bare.containsKey("since"), bare::toString);
        assertEquals(Map.of("id", ((Map<?, ?>) full.get("supporter")).get("id")), bare.get("supporter"));
    }

    @Test
    void aDocumentAskedAgainIsNotWalkedAgainAndFollowsItsNewVariables() {
        // Arguments below the root read variables too: the walk is kept, the arguments are resolved per request.
        String query = """
                query Again($id: ID!, $first: Int!) { organization(id: $id) { id
                  partnerOrganizations(first: $first) { totalCount edges { node { id } } }
                } }""";
        String college = "kashgar-vocational-technical-college";
        // SmallRye parses a document it has not seen twice (it keeps the second parse), so the request that brings
        // the kept nodes is the second one: warm up with two.
        ok(ANONYMOUS.query(query, Map.of("id", college, "first", 3)));
        ok(ANONYMOUS.query(query, Map.of("id", college, "first", 3)));
        long walks = Selections.walks();
        JsonPath one = ok(ANONYMOUS.query(query, Map.of("id", college, "first", 1)));
        JsonPath two = ok(ANONYMOUS.query(query, Map.of("id", college, "first", 2)));
        JsonPath other = ok(ANONYMOUS.query(query, Map.of("id", "donghua-university", "first", 2)));
        assertEquals(walks, Selections.walks(), "not walked again");
        assertTrue(two.getInt("data.organization.partnerOrganizations.totalCount") >= 2);
        assertEquals(1, one.getList("data.organization.partnerOrganizations.edges").size());
        assertEquals(2, two.getList("data.organization.partnerOrganizations.edges").size());
        assertEquals("donghua-university", other.getString("data.organization.id"));
        assertEquals(Math.min(2, other.getInt("data.organization.partnerOrganizations.totalCount")),
                other.getList("data.organization.partnerOrganizations.edges").size());
    }

    @Test
    void concurrentFirstRequestsOfOneDocumentEachGetTheirOwnAnswer() throws Exception {
        // A new document asked by many clients at once: they walk it side by side and share what one of them kept,
        // each with its own variables (nested ones included).
        String query = """
                query AtOnce($id: ID!, $first: Int!) { organization(id: $id) { id
                  partnerOrganizations(first: $first) { totalCount edges { node { id } } }
                } }""";
        List<Map<String, Object>> variables = new java.util.ArrayList<>();
        for (String id : List.of("kashgar-vocational-technical-college", "donghua-university", "kashgar-polytechnic")) {
            for (int first = 1; first <= 3; first++) {
                variables.add(Map.of("id", id, "first", first));
            }
        }
        java.util.concurrent.ExecutorService clients = java.util.concurrent.Executors.newFixedThreadPool(variables.size());
        try {
            java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
            List<java.util.concurrent.Future<String>> answers = new java.util.ArrayList<>();
            for (Map<String, Object> each : variables) {
                answers.add(clients.submit(() -> {
                    start.await();
                    return ok(ANONYMOUS.query(query, each)).prettify();
                }));
            }
            start.countDown();
            for (int i = 0; i < variables.size(); i++) {
                String expected = ok(ANONYMOUS.query(query, variables.get(i))).prettify();
                assertEquals(expected, answers.get(i).get(60, java.util.concurrent.TimeUnit.SECONDS), variables.get(i).toString());
                JsonPath answer = new JsonPath(expected);
                assertEquals(variables.get(i).get("id"), answer.getString("data.organization.id"));
                assertEquals(Math.min((Integer) variables.get(i).get("first"),
                        answer.getInt("data.organization.partnerOrganizations.totalCount")),
                        answer.getList("data.organization.partnerOrganizations.edges").size());
            }
        } finally {
            clients.shutdownNow();
        }
    }

    @Test
    void aWalkHandedBackToGraphQLJavaIsKeptAsSuch() {
        String query = """
                query Twice($id: ID!) { supportersOf(id: $id) {
                  supported { ... on Department { label: name } ... on Organization { label } }
                } }""";
        ok(ANONYMOUS.query(query, Map.of("id", DEPARTMENT)));
        ok(ANONYMOUS.query(query, Map.of("id", DEPARTMENT)));
        long before = Selections.handedBack();
        long walks = Selections.walks();
        JsonPath first = ok(ANONYMOUS.query(query, Map.of("id", DEPARTMENT)));
        JsonPath again = ok(ANONYMOUS.query(query, Map.of("id", DEPARTMENT)));
        assertEquals(before + 2, Selections.handedBack(), "both answered by graphql-java's normalization");
        assertEquals(walks, Selections.walks(), "and neither walked again");
        assertEquals(first.prettify(), again.prettify());
    }

    @Test
    void oneKeyForTwoFieldsOnDifferentTypesIsLeftToGraphQLJava() {
        // Valid GraphQL (the two never meet on one object), which graphql-java normalizes as two fields.
        String query = """
                query($id: ID!) { supportersOf(id: $id) {
                  supported { ... on Department { label: name } ... on Organization { label } }
                } }""";
        long before = Selections.handedBack();
        JsonPath body = ok(ANONYMOUS.query(query, Map.of("id", DEPARTMENT)));
        assertEquals(before + 1, Selections.handedBack());
        String plain = ok(ANONYMOUS.query("query($id: ID!) { supportersOf(id: $id) { supported { ... on Department { name } } } }",
                Map.of("id", DEPARTMENT))).getString("data.supportersOf[0].supported.name");
        assertEquals(plain, body.getString("data.supportersOf[0].supported.label"));
    }

    @Test
    void aDifferenceFromGraphQLJavasSelectionIsReported() {
        String one = "query { organization(id: \"a\") { id name } }";
        String other = "query { organization(id: \"a\") { id n: name } }";
        assertTrue(Selections.sameAs(light(one), normalizedByGraphQLJava(one)));
        AssertionError differs = assertThrows(AssertionError.class,
                () -> Selections.sameAs(light(one), normalizedByGraphQLJava(other)));
        assertTrue(differs.getMessage().contains("differs from graphql-java's"), differs::getMessage);
    }

    private List<SelectedField> light(String query) {
        Document document = Parser.parse(query);
        Field root = (Field) document.getFirstDefinitionOfType(OperationDefinition.class).orElseThrow()
                .getSelectionSet().getSelections().get(0);
        GraphQLFieldDefinition definition = schema.getQueryType().getFieldDefinition(root.getName());
        DataFetchingEnvironment env = DataFetchingEnvironmentImpl.newDataFetchingEnvironment().graphQLSchema(schema)
                .mergedField(MergedField.newMergedField(root).build()).fieldDefinition(definition)
                .fieldType(definition.getType()).fragmentsByName(Map.of()).variables(Map.of())
                .graphQLContext(GraphQLContext.newContext().build()).locale(Locale.ROOT).build();
        return Selections.immediate(env).orElseThrow();
    }

    private List<SelectedField> normalizedByGraphQLJava(String query) {
        ExecutableNormalizedOperation operation = ExecutableNormalizedOperationFactory
                .createExecutableNormalizedOperationWithRawVariables(schema, Parser.parse(query), null, RawVariables.emptyVariables());
        ExecutableNormalizedField root = operation.getTopLevelFields().get(0);
        GraphQLFieldDefinition definition = schema.getQueryType().getFieldDefinition(root.getName());
        return DataFetchingFieldSelectionSetImpl.newCollector(schema, definition.getType(), () -> root).getImmediateFields();
    }

    /** Rows with every map's keys sorted, so that answers compare whatever order the query named the fields in. */
    private static Object sorted(Object value) {
        if (value instanceof Map<?, ?> map) {
            java.util.TreeMap<String, Object> sorted = new java.util.TreeMap<>();
            map.forEach((k, v) -> sorted.put(String.valueOf(k), sorted(v)));
            return sorted;
        }
        if (value instanceof List<?> list) {
            return list.stream().map(SelectionsTest::sorted).toList();
        }
        return value;
    }

    private static String normalized(List<Object> rows) {
        return rows.stream().map(row -> sorted(row).toString()).sorted().toList().toString();
    }
}
