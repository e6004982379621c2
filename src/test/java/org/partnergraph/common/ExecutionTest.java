package org.partnergraph.common;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.partnergraph.testing.GraphQLClient;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * Checked requests are executed by {@link Execution} from the guard's reading of them, and their answers written
 * by {@link ResponseJson}, which every test compares byte for byte with SmallRye's own (assertions are on in
 * tests: this class checks that they are, or that comparison would silently not run).
 */
@QuarkusTest
class ExecutionTest {

    @Inject
    GraphQLRequestGuard guard;

    /**
     * A document seen before, from a signed-in client (whose answer no ETag needs a graph position for), is checked
     * on the event loop with no hop to a worker; a document not seen yet is parsed on a worker, and a request
     * naming a persisted query by hash is checked on a worker (it may ask PostgreSQL). Each still answers.
     */
    @Test
    void aDocumentSeenBeforeIsCheckedOnTheEventLoopAndANewOneOnAWorker() {
        GraphQLClient viewer = GraphQLClient.as("vera", "viewer");
        String document = "{ organization(id: \"kashgar-polytechnic\") { id n" + System.nanoTime() + ": name } }";
        long inline = guard.checkedInline();
        long workers = guard.checkedOnWorkers();
        long parses = guard.parses();
        assertEquals("kashgar-polytechnic", viewer.query(document, Map.of()).getString("data.organization.id"));
        assertEquals(workers + 1, guard.checkedOnWorkers(), "a new document is parsed on a worker");
        assertEquals(parses + 1, guard.parses());
        assertEquals(inline, guard.checkedInline());
        assertEquals("kashgar-polytechnic", viewer.query(document, Map.of()).getString("data.organization.id"));
        assertEquals(inline + 1, guard.checkedInline(), "the same document again is checked on the event loop");
        assertEquals(workers + 1, guard.checkedOnWorkers());
        assertEquals(parses + 1, guard.parses());
        // A persisted-query hash may need PostgreSQL: a worker, even for a document the guard knows.
        String hash = java.util.HexFormat.of().formatHex(sha256(document));
        JsonPath byHash = given().contentType("application/json")
                .body(Map.of("query", document, "extensions", Map.of("persistedQuery", Map.of("version", 1, "sha256Hash", hash))))
                .post("/graphql").then().statusCode(200).extract().jsonPath();
        assertEquals("kashgar-polytechnic", byHash.getString("data.organization.id"), byHash.prettify());
        assertEquals(workers + 2, guard.checkedOnWorkers());
    }

    @Test
    void theByteForByteComparisonWithSmallRyesAnswerRunsInTests() {
        assertTrue(ResponseJson.class.desiredAssertionStatus(), "tests must run with assertions on (-ea)");
    }

    @Test
    void aPostWithRawLineBreaksAndTabsIsExecutedAsReadByTheGuardAndStreamed() {
        long before = ResponseJson.streamed();
        // Raw tabs and line breaks inside the JSON strings: SmallRye's rule (Java text blocks) turns them into spaces.
        String body = "{\"query\": \"query Org($id: ID!) {\n\torganization(id: $id) {\n\t\tid name\n\t}\n}\","
                + " \"operationName\": \"Org\", \"variables\": {\"id\": \"kashgar-polytechnic\"}}";
        byte[] answer = given().contentType("application/json").body(body.getBytes(StandardCharsets.UTF_8))
                .post("/graphql").then().statusCode(200).extract().asByteArray();
        JsonPath json = new JsonPath(new String(answer, StandardCharsets.UTF_8));
        assertEquals("kashgar-polytechnic", json.getString("data.organization.id"));
        assertTrue(json.getString("data.organization.name").contains("喀什"), json.prettify());
        assertEquals(before + 1, ResponseJson.streamed());
    }

    @Test
    void aDocumentSentAsApplicationGraphqlIsExecutedAndStreamed() {
        long before = ResponseJson.streamed();
        JsonPath json = given().contentType("application/graphql")
                .body("{ organization(id: \"kashgar-polytechnic\") { id } }".getBytes(StandardCharsets.UTF_8))
                .post("/graphql").then().statusCode(200).extract().jsonPath();
        assertEquals("kashgar-polytechnic", json.getString("data.organization.id"));
        assertEquals(before + 1, ResponseJson.streamed());
    }

    @Test
    void anAnswerWithErrorsKeepsSmallRyesFormatWithItsCode() {
        long before = ResponseJson.streamed();
        JsonPath json = given().contentType("application/json")
                .body("{\"query\": \"{ organization(id: \\\"kashgar-polytechnic\\\") { id noSuchField } }\"}")
                .post("/graphql").then().statusCode(200).extract().jsonPath();
        assertEquals("BAD_USER_INPUT", json.getString("errors[0].extensions.code"), json.prettify());
        assertTrue(json.getString("errors[0].message").contains("noSuchField"), json.prettify());
        assertEquals(before, ResponseJson.streamed());
    }

    /**
     * Nine clients send one document nobody has sent before, at once: each is checked inline, found new and checked
     * again on a worker, where the document is parsed once for all of them; every one gets the same answer.
     */
    @Test
    void concurrentFirstRequestsOfANewDocumentAreParsedOnceAndAllAnswered() throws Exception {
        String document = "{ organization(id: \"kashgar-polytechnic\") { id c" + System.nanoTime() + ": name } }";
        long parses = guard.parses();
        ExecutorService clients = Executors.newFixedThreadPool(9);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<String>> answers = new ArrayList<>();
            for (int i = 0; i < 9; i++) {
                answers.add(clients.submit(() -> {
                    start.await();
                    return given().contentType("application/json").body(Map.of("query", document))
                            .post("/graphql").then().statusCode(200).extract().asString();
                }));
            }
            start.countDown();
            String first = answers.get(0).get(60, TimeUnit.SECONDS);
            assertTrue(first.contains("\"id\":\"kashgar-polytechnic\""), first);
            for (var answer : answers) {
                assertEquals(first, answer.get(60, TimeUnit.SECONDS));
            }
        } finally {
            clients.shutdownNow();
        }
        assertEquals(parses + 1, guard.parses(), "one parse of the new document, whoever came first");
    }

    private static byte[] sha256(String text) {
        try {
            return java.security.MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
