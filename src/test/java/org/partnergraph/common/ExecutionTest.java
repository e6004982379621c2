package org.partnergraph.common;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * Checked requests are executed by {@link Execution} from the guard's reading of them, and their answers written
 * by {@link ResponseJson}, which every test compares byte for byte with SmallRye's own (assertions are on in
 * tests: this class checks that they are, or that comparison would silently not run).
 */
@QuarkusTest
class ExecutionTest {

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
}
