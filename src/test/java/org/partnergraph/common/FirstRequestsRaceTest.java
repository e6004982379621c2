package org.partnergraph.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;

import org.junit.jupiter.api.Test;
import org.partnergraph.testing.GraphQLClient;

import graphql.ExecutionResult;
import graphql.GraphQLError;
import graphql.schema.GraphQLSchema;
import io.quarkus.arc.Arc;
import io.quarkus.arc.ManagedContext;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.graphql.execution.ExecutionResponse;
import io.smallrye.graphql.execution.ExecutionResponseWriter;
import io.smallrye.graphql.execution.ExecutionService;
import io.smallrye.graphql.schema.model.Schema;

/**
 * SmallRye builds its GraphQL engine on the first request, without synchronisation, so the first
 * requests after start-up each build one, and each build runs our schema transforms
 * ({@link ErrorCodes#beforeGraphQLBuild}). Transforms racing on SmallRye's one schema once left a
 * process answering every input-object variable with "Variable 'filter' of type 'OrganizationFilter'
 * used in position expecting type 'OrganizationFilter'" for its whole life.
 * <p>
 * A fresh {@link ExecutionService} over the application's schema is exactly what a fresh application
 * has before its first request (the engine not built yet); this fires concurrent first requests at
 * several such fresh engines and then asks each again, so a poisoned engine is seen, not only a
 * failed first answer.
 */
@QuarkusTest
class FirstRequestsRaceTest {

    static final int STARTS = 12;
    static final int CONCURRENT = 8;

    @Inject
    GraphQLSchema smallRyeSchema;

    @Inject
    Schema model;

    @Test
    void concurrentFirstRequestsOfAFreshEngineAllPassValidation() throws Exception {
        String organizations = GraphQLClient.document("organization/organizations");
        String upsert = GraphQLClient.document("organization/upsertOrganization");
        JsonObject read = request(organizations, Json.createObjectBuilder()
                .add("filter", Json.createObjectBuilder().add("regionId", "xinjiang-kashgar")).add("first", 1).build());
        JsonObject write = request(upsert, Json.createObjectBuilder().add("input", Json.createObjectBuilder()
                .add("id", "race-school").add("name", "竞态学校").add("kind", "SCHOOL").add("regionId", "xinjiang-kashgar")
                .add("source", Json.createObjectBuilder().add("documentId", "doc-2024-news-vocational-alliances")
                        .add("quote", "竞态学校"))).build());
        ExecutorService pool = Executors.newFixedThreadPool(CONCURRENT);
        try {
            for (int start = 0; start < STARTS; start++) {
                ExecutionService fresh = new ExecutionService(smallRyeSchema, model);
                CountDownLatch go = new CountDownLatch(1);
                List<CompletableFuture<ExecutionResult>> first = new ArrayList<>();
                for (int i = 0; i < CONCURRENT; i++) {
                    JsonObject body = i % 2 == 0 ? read : write;
                    first.add(CompletableFuture.supplyAsync(() -> {
                        await(go);
                        return execute(fresh, body);
                    }, pool));
                }
                go.countDown();
                for (int i = 0; i < CONCURRENT; i++) {
                    assertPassedValidation(first.get(i).get(60, TimeUnit.SECONDS), i % 2 == 0, "start " + start);
                }
                // The engine SmallRye kept must answer too, not only the racing first requests.
                assertPassedValidation(CompletableFuture.supplyAsync(() -> execute(fresh, read), pool)
                        .get(60, TimeUnit.SECONDS), true, "start " + start + ", afterwards");
                assertPassedValidation(CompletableFuture.supplyAsync(() -> execute(fresh, write), pool)
                        .get(60, TimeUnit.SECONDS), false, "start " + start + ", afterwards");
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /** Reads answer without errors; anonymous writes get past validation to the sign-in check. */
    private static void assertPassedValidation(ExecutionResult result, boolean read, String when) {
        List<GraphQLError> errors = result.getErrors();
        if (read) {
            assertTrue(errors.isEmpty(), when + ": " + errors);
        } else {
            assertEquals(1, errors.size(), when + ": " + errors);
            assertEquals("UNAUTHENTICATED", ErrorCodes.codeOf(errors.get(0)), when + ": " + errors);
        }
    }

    private static JsonObject request(String query, JsonObject variables) {
        return Json.createObjectBuilder().add("query", query).add("variables", variables).build();
    }

    private static ExecutionResult execute(ExecutionService service, JsonObject body) {
        ManagedContext requestContext = Arc.container().requestContext();
        requestContext.activate();
        try {
            CompletableFuture<ExecutionResult> answer = new CompletableFuture<>();
            // As Quarkus' handler runs it on a worker thread: resolvers may block.
            Map<String, Object> context = new HashMap<>(Map.of("runBlocking", true));
            service.executeSync(body, context, new ExecutionResponseWriter() {
                @Override
                public void write(ExecutionResponse response) {
                    answer.complete(response.getExecutionResult());
                }

                @Override
                public void fail(Throwable failure) {
                    answer.completeExceptionally(failure);
                }
            });
            return answer.join();
        } finally {
            requestContext.terminate();
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
