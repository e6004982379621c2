package org.partnergraph.read;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.dataloader.DataLoaderFactory;
import org.dataloader.DataLoaderRegistry;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import graphql.ExecutionInput;
import graphql.GraphQL;
import graphql.execution.AsyncExecutionStrategy;
import graphql.execution.SimpleDataFetcherExceptionHandler;
import graphql.schema.DataFetcher;
import graphql.schema.GraphQLSchema;
import graphql.schema.idl.RuntimeWiring;
import graphql.schema.idl.SchemaGenerator;
import graphql.schema.idl.SchemaParser;

/**
 * DirectCompletion against graphql-java's own walk on one schema and one set of values: every answer is the same
 * map (data, errors, their paths), whatever the walk meets — values it completes, fields only a resolver
 * answers, nulls where the schema says non-null (at the top, inside lists, deep down), values a scalar refuses,
 * types no resolver finds, fragments, aliases, directives — and what it completes it counts.
 */
class DirectCompletionTest {

    public record School(String id, String name, Object rank, List<School> partners, List<School> optionalPartners,
            Object unit, String missing) {
    }

    public record Department(String id, String name) {
    }

    /** A value of a union that no type resolver knows. */
    public record Stranger(String id) {
    }

    static final String SDL = """
            type Query { school(id: ID!): School schools: [School!]! strict: School! }
            type School {
              id: ID!
              name: String!
              rank: Int
              partners: [School!]!
              optionalPartners: [School]
              unit: Unit
              missing: String!
              resolved: String
              loaded: String
            }
            type Department { id: ID! name: String }
            union Unit = School | Department
            """;

    static final School NANJING = school("nanjing", "南京", 1, List.of(), null);
    static final School KASHGAR = school("kashgar", "喀什", 2, List.of(NANJING), new Department("kashgar-civil", "土木"));
    static final School SHANGHAI = school("shanghai", "上海", null, List.of(KASHGAR, NANJING), KASHGAR);

    static School school(String id, String name, Integer rank, List<School> partners, Object unit) {
        return new School(id, name, rank, partners, partners.isEmpty() ? null : partners, unit, "m-" + id);
    }

    final AtomicInteger counted = new AtomicInteger();

    GraphQLSchema schema(List<School> schools, Object strictRank) {
        DataFetcher<?> loaded = env -> env.getDataLoader("names").load(((School) env.getSource()).id());
        RuntimeWiring wiring = RuntimeWiring.newRuntimeWiring()
                .type("Query", t -> t.dataFetcher("school", env -> schools.stream()
                        .filter(s -> s.id().equals(env.getArgument("id"))).findFirst().orElse(null))
                        .dataFetcher("schools", env -> schools)
                        .dataFetcher("strict", env -> strictRank == null ? null
                                : new School("strict", "严", strictRank, List.of(), null, null, "m")))
                .type("School", t -> t.dataFetcher("id", accessor(School.class, "id"))
                        .dataFetcher("name", planned(School.class, "name"))
                        .dataFetcher("rank", accessor(School.class, "rank"))
                        .dataFetcher("partners", accessor(School.class, "partners"))
                        .dataFetcher("optionalPartners", accessor(School.class, "optionalPartners"))
                        .dataFetcher("unit", accessor(School.class, "unit"))
                        .dataFetcher("missing", planned(School.class, "missing"))
                        .dataFetcher("resolved", new PlannedFetchers.Planned(env -> "r-" + ((School) env.getSource()).id()))
                        .dataFetcher("loaded", loaded))
                .type("Department", t -> t.dataFetcher("id", accessor(Department.class, "id"))
                        .dataFetcher("name", accessor(Department.class, "name")))
                .type("Unit", t -> t.typeResolver(env -> env.getObject() instanceof Department
                        ? env.getSchema().getObjectType("Department")
                        : env.getObject() instanceof School ? env.getSchema().getObjectType("School") : null))
                .build();
        return new SchemaGenerator().makeExecutableSchema(new SchemaParser().parse(SDL), wiring);
    }

    static DataFetcher<?> accessor(Class<?> type, String property) {
        try {
            return new PlainProperties.Accessor(type.getMethod(property));
        } catch (NoSuchMethodException e) {
            throw new AssertionError(e);
        }
    }

    /** A field the planner may fetch ahead; here nothing is prefetched, so it reads the property. */
    static DataFetcher<?> planned(Class<?> type, String property) {
        return new PlannedFetchers.Planned(accessor(type, property));
    }

    Map<String, Object> answer(GraphQLSchema schema, boolean direct, String query, Map<String, Object> variables)
            throws Exception {
        GraphQL.Builder engine = GraphQL.newGraphQL(schema);
        if (direct) {
            engine.queryExecutionStrategy(new DirectCompletion(new SimpleDataFetcherExceptionHandler(), () -> true,
                    (context, objects) -> counted.addAndGet(objects)));
        } else {
            engine.queryExecutionStrategy(new AsyncExecutionStrategy(new SimpleDataFetcherExceptionHandler()));
        }
        DataLoaderRegistry loaders = new DataLoaderRegistry();
        loaders.register("names", DataLoaderFactory.newDataLoader((List<String> ids) -> CompletableFuture.supplyAsync(
                () -> ids.stream().map(id -> "loaded-" + id).toList())));
        return engine.build().executeAsync(ExecutionInput.newExecutionInput(query).variables(variables)
                .dataLoaderRegistry(loaders).build()).get(10, TimeUnit.SECONDS).toSpecification();
    }

    /** Both walks' answers, asserted equal; answers the direct one. */
    Map<String, Object> same(String query, Map<String, Object> variables) throws Exception {
        return same(List.of(SHANGHAI, KASHGAR, NANJING), 3, query, variables);
    }

    Map<String, Object> same(List<School> schools, Object strictRank, String query, Map<String, Object> variables)
            throws Exception {
        GraphQLSchema schema = schema(schools, strictRank);
        Map<String, Object> walked = answer(schema, false, query, variables);
        counted.set(0);
        Map<String, Object> direct = answer(schema, true, query, variables);
        assertEquals(walked.toString(), direct.toString(), query);
        assertEquals(walked, direct, query);
        return direct;
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "{ school(id: \"shanghai\") { id name rank partners { id name partners { id } } unit { __typename ... on School { id } ... on Department { name } } } }",
            "{ schools { __typename id n: name rank optionalPartners { id } unit { ... on Department { id } } } }",
            "query($on: Boolean!) { schools { id name @include(if: $on) rank @skip(if: $on) ...F } } fragment F on School { partners { ...G } } fragment G on School { id unit { __typename } }",
            "{ a: school(id: \"kashgar\") { id } b: school(id: \"kashgar\") { name partners { name } } c: school(id: \"none\") { id } }"})
    void whatTheWalkCompletesIsWhatGraphqlJavaAnswers(String query) throws Exception {
        Map<String, Object> answer = same(query, Map.of("on", true));
        assertFalse(answer.containsKey("errors"), answer::toString);
        assertEquals(objects(answer.get("data")), counted.get(), "every object counted once: " + answer);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            // a resolver-only field at the top object: that object is graphql-java's, its partners are walked
            "{ school(id: \"shanghai\") { id resolved partners { id name partners { id } } } }",
            // deep down, inside a list: each object on the way is graphql-java's, the siblings are walked
            "{ schools { id partners { id partners { resolved } } unit { ... on Department { id name } } } }",
            // batched (DataLoader) fields beside walked objects: the dispatcher still dispatches them
            "{ schools { id loaded partners { id name } } other: schools { partners { loaded unit { __typename } } } }",
            "{ a: school(id: \"kashgar\") { id name partners { id } } b: school(id: \"shanghai\") { loaded } }",
            "{ schools { id partners { id name } other: partners { loaded } } }"})
    void objectsOnTheWayToAResolverAreGraphqlJavasAndTheRestIsWalked(String query) throws Exception {
        Map<String, Object> answer = same(query, Map.of());
        assertFalse(answer.containsKey("errors"), answer::toString);
        assertTrue(counted.get() > 0, "some objects walked: " + answer);
        assertTrue(counted.get() < objects(answer.get("data")), "some left to graphql-java: " + answer);
    }

    @Test
    void aNullWhereTheSchemaSaysNonNullIsGraphqlJavasErrorAndNullsAsItWould() throws Exception {
        School broken = new School("broken", null, 3, List.of(NANJING), null, null, null);
        School holder = new School("holder", "持有", 4, List.of(broken, NANJING), Arrays.asList(broken, null), null, "m");
        // name null: the non-null field nulls its object, which is in a non-null list, which nulls the parent field.
        Map<String, Object> answer = same(List.of(holder, broken), 1, "{ school(id: \"holder\") { id partners { id name } } }", Map.of());
        assertTrue(answer.toString().contains("NullValueInNonNullableField"), answer::toString);
        same(List.of(holder, broken), 1, "{ school(id: \"holder\") { optionalPartners { id missing } } }", Map.of());
        same(List.of(holder, broken), 1, "{ schools { id partners { partners { id missing } } } }", Map.of());
        same(List.of(holder, broken), null, "{ strict { id } }", Map.of());
    }

    @Test
    void aValueTheScalarRefusesIsGraphqlJavasError() throws Exception {
        Map<String, Object> answer = same(List.of(SHANGHAI), "not a number", "{ strict { id rank } }", Map.of());
        assertTrue(answer.toString().contains("rank"), answer::toString);
        assertTrue(((List<?>) answer.get("errors")).size() == 1, answer::toString);
    }

    @Test
    void aTypeNoResolverFindsIsGraphqlJavasError() throws Exception {
        School odd = new School("odd", "怪", 1, List.of(), null, new Stranger("s"), "m");
        Map<String, Object> answer = same(List.of(odd), 1, "{ school(id: \"odd\") { id unit { __typename } } }", Map.of());
        assertTrue(answer.containsKey("errors"), answer::toString);
    }

    @Test
    void introspectionBesideWalkedObjectsIsGraphqlJavas() throws Exception {
        same("{ __typename school(id: \"kashgar\") { __typename id } __type(name: \"School\") { name fields { name } } }",
                Map.of());
    }

    /** Objects below {@code data}: one per map, what graphql-java would complete one field at a time. */
    static int objects(Object value) {
        List<Object> children = new ArrayList<>();
        if (value instanceof Map<?, ?> map) {
            children.addAll(map.values());
        } else if (value instanceof List<?> list) {
            children.addAll(list);
        }
        return children.stream().mapToInt(child -> (child instanceof Map ? 1 : 0) + objects(child)).sum();
    }
}
