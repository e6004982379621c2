package org.partnergraph.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.emptyString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.partnergraph.testing.Responses.ok;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.partnergraph.testing.GraphQLClient;
import org.partnergraph.testing.WriteFixture;
import org.partnergraph.testing.WriteTest;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.RestAssured;
import io.restassured.config.EncoderConfig;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/**
 * HTTP as the GraphQL-over-HTTP spec asks: only JSON bodies are executed (a browser on another site can
 * send text/plain and form bodies without asking), nothing after the request object, a body that stalls
 * is cut off, and readiness tells anyone only what a probe needs.
 */
@QuarkusTest
class HttpHygieneTest extends WriteTest {

    /** partnergraph.http.body-timeout in the test profile is 2 s; the rest is room for a busy machine. */
    static final Duration BODY_TIMEOUT_BOUND = Duration.ofSeconds(8);

    @TestHTTPResource("/")
    URL root;

    static String upsert(String id) {
        return "{\"query\":\"mutation($i: OrganizationInput!) { upsertOrganization(input: $i) { change { id } } }\","
                + "\"variables\":{\"i\":{\"id\":\"" + id + "\",\"name\":\"媒体类型学校\",\"kind\":\"SCHOOL\","
                + "\"source\":{\"documentId\":\"" + WriteFixture.DOCUMENT + "\",\"quote\":\"媒体类型\"}}}}";
    }

    @Test
    void aWriteSentAsTextPlainOrAFormIsRefused415AndNotExecuted() throws IOException {
        for (String type : new String[] { "text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x" }) {
            given().config(RestAssured.config().encoderConfig(EncoderConfig.encoderConfig()
                    .encodeContentTypeAs(type.split(";")[0], ContentType.TEXT)))
                    .header("Content-Type", type).auth().oauth2(token()).body(upsert("test-w-media-type"))
                    .post("/graphql").then().statusCode(415).body(emptyString());
        }
        byte[] body = upsert("test-w-media-type").getBytes(StandardCharsets.UTF_8);
        String noContentType = "POST /graphql HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + token()
                + "\r\nContent-Length: " + body.length + "\r\nConnection: close\r\n\r\n";
        String answer = exchange(noContentType, body);
        assertTrue(answer.startsWith("HTTP/1.1 415"), answer);
        JsonPath read = ok(GraphQLClient.anonymous().file("organization/organization", Map.of("id", "test-w-media-type")));
        assertNull(read.get("data.organization"));
    }

    @Test
    void jsonWithACharsetIsExecuted() {
        given().header("Content-Type", "application/json; charset=utf-8").body("{\"query\":\"{ documents { id } }\"}")
                .post("/graphql").then().statusCode(200).body("errors", nullValue());
    }

    @Test
    void contentAfterTheRequestObjectIs400AndNotExecuted() {
        given().header("Content-Type", "application/json").auth().oauth2(token())
                .body(upsert("test-w-trailing") + "{\"query\":\"{ documents { id } }\"}")
                .post("/graphql").then().statusCode(400).body("errors[0].extensions.code", is("BAD_USER_INPUT"));
        JsonPath read = ok(GraphQLClient.anonymous().file("organization/organization", Map.of("id", "test-w-trailing")));
        assertNull(read.get("data.organization"));
    }

    @Test
    void aBodyThatStallsHalfWayIsAnsweredAndTheConnectionClosed() throws IOException {
        String half = "{\"query\":\"{ documents";
        String head = "POST /graphql HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                + "Content-Length: " + (half.length() * 2) + "\r\n\r\n";
        long started = System.nanoTime();
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), root.getPort())) {
            socket.setSoTimeout((int) BODY_TIMEOUT_BOUND.toMillis() * 2);
            OutputStream out = socket.getOutputStream();
            out.write((head + half).getBytes(StandardCharsets.UTF_8));
            out.flush();
            String answer = readUntilClosed(socket.getInputStream());
            Duration took = Duration.ofNanos(System.nanoTime() - started);
            assertTrue(answer.startsWith("HTTP/1.1 408"), answer);
            assertTrue(took.compareTo(BODY_TIMEOUT_BOUND) < 0, "closed after " + took);
        }
    }

    @Test
    void readinessShowsNoChangeCount() {
        String body = given().get("/q/health/ready").then().statusCode(200).body("status", is("UP"))
                .extract().asString();
        assertTrue(!body.contains("lastChange"), body);
        assertEquals("reachable", given().get("/q/health/ready").then().extract()
                .path("checks.find { it.name == 'Change log and projector' }.data.graph"));
    }

    private static String token() {
        return OidcWiremockTestResource.generateJwtToken("eddie", Set.of("editor"), "eddie", "Bearer");
    }

    /** Sends a raw request and returns everything the server answers until it closes the connection. */
    private String exchange(String head, byte[] body) throws IOException {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), root.getPort())) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(head.getBytes(StandardCharsets.UTF_8));
            out.write(body);
            out.flush();
            return readUntilClosed(socket.getInputStream());
        }
    }

    /** Everything the server sends until it closes the connection (the read times out otherwise). */
    private static String readUntilClosed(InputStream in) throws IOException {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        byte[] buffer = new byte[1024];
        for (int n; (n = in.read(buffer)) >= 0;) {
            all.write(buffer, 0, n);
        }
        return all.toString(StandardCharsets.UTF_8);
    }
}
