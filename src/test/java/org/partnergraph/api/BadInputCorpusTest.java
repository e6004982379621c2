package org.partnergraph.api;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Session;
import org.partnergraph.security.Roles;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

import graphql.language.FieldDefinition;
import graphql.language.ObjectTypeDefinition;
import graphql.schema.idl.SchemaParser;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.RestAssured;
import io.restassured.config.EncoderConfig;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;

/**
 * The bad-input corpus ({@code src/test/resources/corpus/bad-input.json}): malformed requests, deep nesting,
 * alias and fragment bombs, huge page sizes, Cypher- and SQL-injection-looking strings in every string
 * argument, invalid ids and cursors, wrong types, oversized and odd Unicode, broken tokens. Every case
 * must answer its expected contract code, or data, or an HTTP refusal ({@code http:401} …) whose body is
 * neither an HTML page nor a stack trace; no case may answer a 500 or leak internals. Afterwards the
 * graph (every node and relationship with its properties) and every PostgreSQL table are byte-for-byte
 * what they were.
 * <p>
 * One case per line: {@code name}, {@code category}, then {@code query} (+ {@code variables},
 * {@code operationName}) or a raw {@code body} / {@code bodyBase64}, optional {@code contentType},
 * {@code method}, {@code headers}, {@code auth} (a user with a role, or a broken token: see
 * {@link #token}), and {@code expect} (a code, {@code data} or {@code http:NNN}) with an optional
 * {@code message} fragment and the HTTP {@code status} of a coded answer (200 if not given). In any
 * string, {@code {{'text' * N}}} stands for text repeated N times.
 * Mutations are added the same way: their bad input must change nothing either.
 */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BadInputCorpusTest {

    static final String CORPUS = "/corpus/bad-input.json";
    static final Set<String> CODES = Set.of("NOT_FOUND", "BAD_USER_INPUT", "UNAUTHENTICATED", "FORBIDDEN",
            "LIMIT_EXCEEDED", "GRAPH_UNAVAILABLE", "RECORDS_UNAVAILABLE", "BOOKMARK_NOT_REACHED",
            "WRITE_OUTCOME_UNKNOWN", "INTERNAL");
    static final Set<String> CATEGORIES = Set.of("malformed", "nesting", "aliases", "first", "injection", "ids",
            "cursors", "types", "unicode", "tokens", "writes");
    /** Text that only a stack trace, an exception or an error page would put into a body. */
    static final List<String> INTERNALS = List.of("Exception", "\tat ", "at org.", "at java.", "at io.", "Caused by",
            "<html", "<!DOCTYPE", "Stack:", "org.neo4j", "org.partnergraph", "SRGQL");
    static final Pattern REPEAT = Pattern.compile("\\{\\{'((?:[^'\\\\]|\\\\.)*)' \\* (\\d+)}}");
    static final String ISSUER = "https://server.example.com";
    static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    Driver neo4j;

    @Inject
    DataSource records;

    String graphBefore;
    Map<String, String> recordsBefore;

    @BeforeAll
    void rememberTheStores() throws Exception {
        graphBefore = graphChecksum();
        recordsBefore = recordChecksums();
    }

    @AfterAll
    void theStoresAreUnchanged() throws Exception {
        assertEquals(graphBefore, graphChecksum(), "the graph changed during the corpus");
        assertEquals(recordsBefore, recordChecksums(), "a PostgreSQL table changed during the corpus");
    }

    static List<JsonNode> corpus() throws IOException {
        try (InputStream in = BadInputCorpusTest.class.getResourceAsStream(CORPUS)) {
            List<JsonNode> cases = new ArrayList<>();
            JSON.readTree(in).forEach(cases::add);
            return cases;
        }
    }

    Stream<Arguments> cases() throws IOException {
        return corpus().stream().map(c -> Arguments.of(c.get("category").asText() + ": " + c.get("name").asText(), c));
    }

    @Test
    void theCorpusIsBigEnoughAndCoversEveryCategoryAndEveryQuery() throws IOException {
        List<JsonNode> cases = corpus();
        assertTrue(cases.size() >= 60, "only " + cases.size() + " cases");
        Set<String> names = new TreeSet<>();
        Set<String> categories = new TreeSet<>();
        StringBuilder documents = new StringBuilder();
        for (JsonNode c : cases) {
            assertTrue(names.add(c.get("name").asText()), "duplicate case name " + c.get("name"));
            categories.add(c.get("category").asText());
            documents.append(c.path("query").asText()).append(' ');
        }
        assertEquals(CATEGORIES, categories);
        // Every operation the schema offers, read or write, is attacked at least once.
        String schema = Files.readString(Path.of("graphql-schema", "schema.graphql"), StandardCharsets.UTF_8);
        for (String type : List.of("Query", "Mutation")) {
            ObjectTypeDefinition root = (ObjectTypeDefinition) new SchemaParser().parse(schema).getType(type).orElseThrow();
            for (FieldDefinition field : root.getFieldDefinitions()) {
                assertTrue(Pattern.compile("\\b" + field.getName() + "\\s*[({]").matcher(documents).find(),
                        "no corpus case uses " + type + "." + field.getName());
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void everyCaseAnswersACodeOrDataAndNothingInternal(String name, JsonNode c) throws Exception {
        Response response = request(c).request(c.path("method").asText("POST"), "/graphql");
        int status = response.statusCode();
        String text = response.asString();
        for (String internal : INTERNALS) {
            assertFalse(text.contains(internal), () -> "internals (" + internal + ") in: " + abbreviate(text));
        }
        assertTrue(status < 500, () -> "HTTP " + status + ": " + abbreviate(text));
        String expect = c.get("expect").asText();
        if (expect.startsWith("http:")) {
            assertEquals(Integer.parseInt(expect.substring(5)), status, () -> abbreviate(text));
            return;
        }
        // A coded answer is 200 (application/json, as RestAssured accepts */*) unless the case says otherwise:
        // a body that is not JSON is 400, as the GraphQL-over-HTTP spec asks.
        assertEquals(c.path("status").asInt(200), status, () -> abbreviate(text));
        JsonPath body = new JsonPath(text);
        List<Map<String, Object>> errors = body.getList("errors");
        if (expect.equals("data")) {
            assertNull(errors, () -> "expected data, got: " + abbreviate(text));
            assertNotNull(body.getMap("data"), () -> abbreviate(text));
            return;
        }
        assertNotNull(errors, () -> "expected " + expect + ", got: " + abbreviate(text));
        for (int i = 0; i < errors.size(); i++) {
            String code = body.getString("errors[" + i + "].extensions.code");
            assertTrue(CODES.contains(code), () -> "no contract code on an error: " + abbreviate(text));
            assertFalse("INTERNAL".equals(code), () -> "bad input answered INTERNAL: " + abbreviate(text));
        }
        assertEquals(expect, body.getString("errors[0].extensions.code"), () -> abbreviate(text));
        if (c.has("message")) {
            String message = body.getString("errors[0].message");
            assertTrue(message.contains(c.get("message").asText()),
                    () -> "message should mention '" + c.get("message").asText() + "': " + message);
        }
    }

    RequestSpecification request(JsonNode c) throws Exception {
        RequestSpecification request = given().config(RestAssured.config()
                .encoderConfig(EncoderConfig.encoderConfig().appendDefaultContentCharsetToContentTypeIfUndefined(false)
                        // Sent as the bytes the case gives: RestAssured would otherwise try to encode a form itself.
                        .encodeContentTypeAs("application/x-www-form-urlencoded", ContentType.TEXT)
                        .encodeContentTypeAs("multipart/form-data", ContentType.TEXT)))
                .header("Content-Type", c.path("contentType").asText("application/json"));
        if (c.has("bodyBase64")) {
            request.body(Base64.getDecoder().decode(c.get("bodyBase64").asText()));
        } else if (c.has("body")) {
            request.body(expand(c.get("body").asText()).getBytes(StandardCharsets.UTF_8));
        } else {
            ObjectNode body = JSON.createObjectNode();
            body.put("query", expand(c.get("query").asText()));
            if (c.has("variables")) {
                body.set("variables", expand(c.get("variables")));
            }
            if (c.has("operationName")) {
                body.set("operationName", c.get("operationName"));
            }
            request.body(JSON.writeValueAsBytes(body));
        }
        for (Iterator<Map.Entry<String, JsonNode>> headers = c.path("headers").fields(); headers.hasNext();) {
            Map.Entry<String, JsonNode> header = headers.next();
            request.header(header.getKey(), header.getValue().asText());
        }
        if (c.has("auth")) {
            request.header("Authorization", "Bearer " + token(c.get("auth").asText()));
        }
        return request;
    }

    /** A real token for a role, or a token that must be refused in one particular way. */
    static String token(String kind) throws NoSuchAlgorithmException {
        long now = System.currentTimeMillis() / 1000;
        return switch (kind) {
            case "viewer" -> OidcWiremockTestResource.getAccessToken("vera", Set.of(Roles.VIEWER));
            case "analyst" -> OidcWiremockTestResource.getAccessToken("alice", Set.of(Roles.ANALYST));
            case "editor" -> OidcWiremockTestResource.getAccessToken("eddie", Set.of(Roles.EDITOR));
            case "admin" -> OidcWiremockTestResource.getAccessToken("root", Set.of(Roles.ADMIN));
            case "expired" -> claims(ISSUER, ISSUER).issuedAt(now - 7200).expiresAt(now - 3600)
                    .jws().keyId("1").sign("privateKey.jwk");
            case "forged" -> {
                KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
                generator.initialize(2048);
                yield claims(ISSUER, ISSUER).jws().keyId("1").sign(generator.generateKeyPair().getPrivate());
            }
            case "wrong-issuer" -> claims("https://evil.example.com", ISSUER).jws().keyId("1").sign("privateKey.jwk");
            case "wrong-audience" -> claims(ISSUER, "https://another-service.example.com").jws().keyId("1")
                    .sign("privateKey.jwk");
            case "none-alg" -> base64("{\"alg\":\"none\",\"typ\":\"JWT\"}") + "." + base64("{\"iss\":\"" + ISSUER
                    + "\",\"aud\":\"" + ISSUER + "\",\"sub\":\"mallory\",\"groups\":[\"admin\"],\"exp\":" + (now + 3600)
                    + "}") + ".";
            case "tampered" -> {
                String[] parts = OidcWiremockTestResource.getAccessToken("vera", Set.of(Roles.VIEWER)).split("\\.");
                String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                        .replace("\"viewer\"", "\"admin\"");
                yield parts[0] + "." + base64(payload) + "." + parts[2];
            }
            case "garbage" -> "not.a.token";
            // Signed by the issuer, but naming nobody the change log could record (security.TokenSubject).
            case "long-subject" -> claims(ISSUER, ISSUER).subject("s".repeat(201)).jws().keyId("1").sign("privateKey.jwk");
            case "nul-subject" -> claims(ISSUER, ISSUER).subject("mallory\u0000").jws().keyId("1").sign("privateKey.jwk");
            case "no-subject" -> Jwt.preferredUserName("mallory").groups(Set.of(Roles.VIEWER)).issuer(ISSUER).audience(ISSUER)
                    .jws().keyId("1").sign("privateKey.jwk");
            default -> throw new IllegalArgumentException("unknown auth " + kind);
        };
    }

    static JwtClaimsBuilder claims(String issuer, String audience) {
        return Jwt.preferredUserName("mallory").groups(Set.of(Roles.ADMIN)).issuer(issuer).audience(audience)
                .subject("mallory");
    }

    static String base64(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    static String expand(String text) {
        Matcher matcher = REPEAT.matcher(text);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            String part = matcher.group(1).replace("\\'", "'");
            matcher.appendReplacement(out, Matcher.quoteReplacement(part.repeat(Integer.parseInt(matcher.group(2)))));
        }
        return matcher.appendTail(out).toString();
    }

    static JsonNode expand(JsonNode value) {
        if (value.isTextual()) {
            return TextNode.valueOf(expand(value.asText()));
        }
        if (value.isObject()) {
            ObjectNode copy = JSON.createObjectNode();
            value.fields().forEachRemaining(field -> copy.set(field.getKey(), expand(field.getValue())));
            return copy;
        }
        return value;
    }

    static String abbreviate(String text) {
        return text.length() <= 600 ? text : text.substring(0, 600) + "…";
    }

    /** Every node and relationship with its labels or type, its ends and its properties, hashed in a fixed order. */
    String graphChecksum() throws NoSuchAlgorithmException {
        List<String> lines = new ArrayList<>();
        try (Session session = neo4j.session()) {
            session.run("MATCH (n) RETURN labels(n) AS labels, properties(n) AS properties").forEachRemaining(r ->
                    lines.add("N " + new TreeSet<>(r.get("labels").asList(v -> v.asString()))
                            + new TreeMap<>(r.get("properties").asMap(v -> String.valueOf(v.asObject())))));
            session.run("MATCH (a)-[r]->(b) RETURN type(r) AS type, a.id AS from, b.id AS to, properties(r) AS properties")
                    .forEachRemaining(r -> lines.add("R " + r.get("type").asString() + " " + r.get("from") + ">"
                            + r.get("to") + new TreeMap<>(r.get("properties").asMap(v -> String.valueOf(v.asObject())))));
        }
        lines.sort(null);
        assertFalse(lines.isEmpty(), "the test graph is empty");
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        lines.forEach(line -> digest.update((line + "\n").getBytes(StandardCharsets.UTF_8)));
        return lines.size() + " items, sha256 " + HexFormat.of().formatHex(digest.digest());
    }

    /** Row count and an md5 over the ordered rows of every table, so also the change log once it exists. */
    Map<String, String> recordChecksums() throws SQLException {
        Map<String, String> checksums = new LinkedHashMap<>();
        try (Connection connection = records.getConnection(); Statement statement = connection.createStatement()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery("SELECT table_name FROM information_schema.tables "
                    + "WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY table_name")) {
                while (rows.next()) {
                    tables.add(rows.getString(1));
                }
            }
            for (String table : tables) {
                String quoted = "\"" + table.replace("\"", "\"\"") + "\"";
                try (ResultSet rows = statement.executeQuery("SELECT count(*), coalesce(md5(string_agg(t::text, '|' "
                        + "ORDER BY t::text)), '') FROM " + quoted + " t")) {
                    rows.next();
                    checksums.put(table, rows.getLong(1) + " rows, md5 " + rows.getString(2));
                }
            }
        }
        if (checksums.isEmpty()) {
            fail("no PostgreSQL tables found");
        }
        return checksums;
    }
}
