package org.partnergraph.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.emptyOrNullString;
import static org.hamcrest.Matchers.equalToIgnoringCase;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.partnergraph.testing.Responses.assertError;
import static org.partnergraph.testing.Responses.ok;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import java.util.zip.GZIPInputStream;

import org.junit.jupiter.api.Test;
import org.partnergraph.testing.GraphQLClient;
import org.partnergraph.testing.WriteFixture;
import org.partnergraph.testing.WriteTest;

import com.aayushatharva.brotli4j.Brotli4jLoader;
import com.aayushatharva.brotli4j.decoder.Decoder;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.path.json.JsonPath;

/**
 * GraphQL over HTTP as the spec (graphql.github.io/graphql-over-http/draft) and browsers expect it: queries
 * by GET through the same checks as POST, never a mutation by GET; the media type the client accepts, and
 * a 4xx for an answer without data in application/graphql-response+json; CORS for the configured origins;
 * compressed answers for clients that accept them.
 */
@QuarkusTest
class GraphQLOverHttpApiTest extends WriteTest {

    static final String GRAPHQL_RESPONSE = "application/graphql-response+json";
    static final String LOCAL_APP = "http://localhost:5173";

    @TestHTTPResource("/graphql")
    URL graphql;

    static {
        // RestAssured reads a body as JSON only for the media types it knows.
        io.restassured.RestAssured.registerParser(GRAPHQL_RESPONSE, io.restassured.parsing.Parser.JSON);
    }

    static String editor() {
        return OidcWiremockTestResource.generateJwtToken("eddie", Set.of("editor"), "eddie", "Bearer");
    }

    // ---- GET

    @Test
    void aQueryRunsByGetWithVariablesAndAnOperationNameDecodedOnce() {
        // Two operations, so operationName matters; '+' and '%' in the document must survive as sent.
        String document = "query Other { documents { id } } "
                + "query One($id: ID!) { organization(id: $id) { id plus: name @include(if: true) } x: search(text: \"100% +\") { score } }";
        JsonPath body = given().queryParam("query", document).queryParam("operationName", "One")
                .queryParam("variables", "{\"id\":\"kashgar-polytechnic\"}")
                .get("/graphql").then().statusCode(200).contentType(startsWith("application/json")).extract().jsonPath();
        ok(body);
        assertEquals("kashgar-polytechnic", body.getString("data.organization.id"));
        assertNull(body.get("data.documents"));
    }

    @Test
    void aGetGoesThroughTheSameChecksAsAPost() {
        String deep = "{ region(id: \"shanghai-jiading\") { " + "parent { ".repeat(14) + "id" + " }".repeat(14) + " } }";
        assertError(given().queryParam("query", deep).get("/graphql").then().statusCode(200).extract().jsonPath(),
                "LIMIT_EXCEEDED", "depth");
        assertError(given().queryParam("query", "{ documents { id }").get("/graphql").then().statusCode(200)
                .extract().jsonPath(), "BAD_USER_INPUT", "document");
        assertError(given().queryParam("query", "{ documents { id } }").queryParam("variables", "[1]").get("/graphql")
                .then().statusCode(200).extract().jsonPath(), "BAD_USER_INPUT", "variables");
        assertError(given().queryParam("query", "query($t: String!) { search(text: $t) { score } }")
                .queryParam("variables", "{\"t\":\"a\\u0000b\"}").get("/graphql").then().statusCode(200).extract().jsonPath(),
                "BAD_USER_INPUT", "control");
        assertError(given().get("/graphql").then().statusCode(200).extract().jsonPath(), "BAD_USER_INPUT", "query");
    }

    @Test
    void aMutationByGetIs405WithAllowPostAndChangesNothing() {
        String upsert = "mutation($i: OrganizationInput!) { upsertOrganization(input: $i) { change { id } } }";
        String input = "{\"i\":{\"id\":\"test-w-get\",\"name\":\"GET学校\",\"kind\":\"SCHOOL\",\"source\":{\"documentId\":\""
                + WriteFixture.DOCUMENT + "\",\"quote\":\"GET\"}}}";
        JsonPath body = given().auth().oauth2(editor()).queryParam("query", upsert).queryParam("variables", input)
                .get("/graphql").then().statusCode(405).header("Allow", "POST").extract().jsonPath();
        assertError(body, "BAD_USER_INPUT", "POST");
        assertNull(ok(GraphQLClient.anonymous().file("organization/organization", Map.of("id", "test-w-get")))
                .get("data.organization"));
    }

    // ---- media types and status

    @Test
    void anAnswerWithoutDataIs400InTheGraphQLResponseTypeAnd200InJson() {
        // Refused by our guard (does not parse), by graphql-java (validation), by variable coercion (execution).
        for (String query : new String[] { "{", "{ noSuchField }" }) {
            given().accept(GRAPHQL_RESPONSE).contentType("application/json").body(Map.of("query", query))
                    .post("/graphql").then().statusLine(containsString("400 Bad Request")).contentType(startsWith(GRAPHQL_RESPONSE))
                    .body("data", nullValue()).body("errors[0].extensions.code", is("BAD_USER_INPUT"));
            given().accept("application/json").contentType("application/json").body(Map.of("query", query))
                    .post("/graphql").then().statusCode(200).contentType(startsWith("application/json"))
                    .body("errors[0].extensions.code", is("BAD_USER_INPUT"));
        }
        given().accept(GRAPHQL_RESPONSE).contentType("application/json")
                .body("{\"query\":\"query($id: ID!) { organization(id: $id) { id } }\",\"variables\":{\"id\":null}}")
                .post("/graphql").then().statusCode(400).body("errors[0].extensions.code", is("BAD_USER_INPUT"));
        given().accept(GRAPHQL_RESPONSE).queryParam("query", "{ noSuchField }").get("/graphql").then().statusCode(400);
        // With data (even with a field error) it stays 200.
        given().accept(GRAPHQL_RESPONSE).contentType("application/json")
                .body(Map.of("query", "{ organization(id: \"kashgar-polytechnic\") { id } }"))
                .post("/graphql").then().statusCode(200).contentType(startsWith(GRAPHQL_RESPONSE))
                .body("data.organization.id", is("kashgar-polytechnic"));
    }

    @Test
    void wildcardsGetJsonAndAnUnacceptableAcceptIs406() {
        given().accept("*/*").contentType("application/json").body(Map.of("query", "{ __typename }"))
                .post("/graphql").then().statusCode(200).contentType(startsWith("application/json"));
        given().accept("text/html").contentType("application/json").body(Map.of("query", "{ __typename }"))
                .post("/graphql").then().statusCode(406);
    }

    @Test
    void aBodyThatIsNotJsonIs400WhateverTheMediaType() {
        given().accept("application/json").contentType("application/json").body("{ \"not a JSON")
                .post("/graphql").then().statusCode(400).body("errors[0].extensions.code", is("BAD_USER_INPUT"));
    }

    @Test
    void optionsListsTheMethods() {
        given().options("/graphql").then().statusCode(204).header("Allow", "GET, POST, OPTIONS");
    }

    // ---- CORS

    @Test
    void aPreflightFromAnAllowedOriginIsAnswered() {
        given().header("Origin", LOCAL_APP).header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "authorization,content-type")
                .options("/graphql").then().statusCode(200)
                .header("Access-Control-Allow-Origin", LOCAL_APP)
                .header("Access-Control-Allow-Methods", containsString("POST"))
                .header("Access-Control-Allow-Headers", containsString("Authorization"))
                .header("Access-Control-Allow-Headers", containsString("Content-Type"))
                .header("Access-Control-Max-Age", "600")
                .header("Access-Control-Allow-Credentials", not(equalToIgnoringCase("true")));
        given().header("Origin", "https://partners.example.edu").header("Access-Control-Request-Method", "GET")
                .options("/graphql").then().statusCode(200).header("Access-Control-Allow-Origin", "https://partners.example.edu");
    }

    @Test
    void aRequestFromAnAllowedOriginGetsTheHeaderAndNoCredentials() {
        given().header("Origin", LOCAL_APP).contentType("application/json").body(Map.of("query", "{ __typename }"))
                .post("/graphql").then().statusCode(200).header("Access-Control-Allow-Origin", LOCAL_APP)
                .header("Access-Control-Allow-Credentials", not(equalToIgnoringCase("true")))
                .body("data.__typename", is("Query"));
    }

    @Test
    void anotherOriginGetsNoCorsHeadersAndIsNotServed() {
        String evil = "https://evil.example.com";
        given().header("Origin", evil).header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "authorization,content-type")
                .options("/graphql").then().statusCode(403).header("Access-Control-Allow-Origin", nullValue());
        given().header("Origin", evil).contentType("application/json").body(Map.of("query", "{ __typename }"))
                .post("/graphql").then().statusCode(403).header("Access-Control-Allow-Origin", nullValue())
                .body(emptyOrNullString());
        // A look-alike of an allowed origin is another origin.
        given().header("Origin", "http://localhost.evil.example:3000").header("Access-Control-Request-Method", "POST")
                .options("/graphql").then().statusCode(403).header("Access-Control-Allow-Origin", nullValue());
    }

    // ---- compression

    @Test
    void aHundredOrganisationsComeBackGzippedOrBrotliWhenAcceptedAndPlainOtherwise() throws Exception {
        String request = new ObjectMapper().writeValueAsString(Map.of("query", GraphQLClient.document("organization/organizations"),
                "variables", Map.of("first", 100)));
        HttpClient client = HttpClient.newHttpClient();
        HttpResponse<byte[]> gzipped = client.send(post(request).header("Accept-Encoding", "gzip").build(),
                HttpResponse.BodyHandlers.ofByteArray());
        HttpResponse<byte[]> plain = client.send(post(request).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, gzipped.statusCode());
        assertEquals("gzip", gzipped.headers().firstValue("Content-Encoding").orElse(null));
        assertTrue(plain.headers().firstValue("Content-Encoding").map(e -> e.equals("identity")).orElse(true),
                () -> plain.headers().toString());
        String unzipped = new String(gunzip(gzipped.body()), StandardCharsets.UTF_8);
        String text = new String(plain.body(), StandardCharsets.UTF_8);
        assertEquals(100, new JsonPath(text).getList("data.organizations.edges").size());
        assertEquals(new ObjectMapper().readTree(text), new ObjectMapper().readTree(unzipped));
        assertTrue(gzipped.body().length * 3 < plain.body().length, gzipped.body().length + " vs " + plain.body().length);

        HttpResponse<byte[]> brotli = client.send(post(request).header("Accept-Encoding", "br").build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertEquals("br", brotli.headers().firstValue("Content-Encoding").orElse(null));
        Brotli4jLoader.ensureAvailability();
        String unbrotlied = new String(Decoder.decompress(brotli.body()).getDecompressedData(), StandardCharsets.UTF_8);
        assertEquals(new ObjectMapper().readTree(text), new ObjectMapper().readTree(unbrotlied));
    }

    private HttpRequest.Builder post(String body) {
        return HttpRequest.newBuilder(URI.create(graphql.toString())).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
    }

    private static byte[] gunzip(byte[] bytes) throws IOException {
        try (InputStream in = new GZIPInputStream(new java.io.ByteArrayInputStream(bytes))) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            in.transferTo(out);
            return out.toByteArray();
        }
    }
}
