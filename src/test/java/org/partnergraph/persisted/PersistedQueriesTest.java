package org.partnergraph.persisted;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.partnergraph.testing.Responses.assertError;
import static org.partnergraph.testing.Responses.ok;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.partnergraph.testing.GraphQLClient;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/**
 * Apollo's automatic persisted queries (the default mode, auto): an unknown hash is answered
 * PersistedQueryNotFound, the document sent with its hash is checked, registered in PostgreSQL and run, and
 * from then on the hash alone runs it, on any replica. Admins register trusted documents by mutation.
 */
@QuarkusTest
class PersistedQueriesTest {

    @Inject
    DataSource records;

    @Inject
    PersistedQueries persistedQueries;

    @Inject
    PersistedQueryRepository repository;

    /** A document no other test sends (the comment makes its text, and so its hash, new). */
    static String unique(String document) {
        return "# " + UUID.randomUUID() + "\n" + document;
    }

    static Map<String, Object> persisted(String hash) {
        return Map.of("persistedQuery", Map.of("version", 1, "sha256Hash", hash));
    }

    static JsonPath post(Map<String, Object> body) {
        return given().contentType(ContentType.JSON).body(body).post("/graphql").then().statusCode(200)
                .extract().jsonPath();
    }

    static JsonPath hashOnly(String hash, Map<String, Object> variables) {
        Map<String, Object> body = new HashMap<>(Map.of("extensions", persisted(hash)));
        body.put("variables", variables);
        return post(body);
    }

    static JsonPath withHash(String query, String hash, Map<String, Object> variables) {
        return post(Map.of("query", query, "variables", variables, "extensions", persisted(hash)));
    }

    @Test
    void anUnknownHashIsNotFoundThenTheDocumentIsRegisteredAndTheHashAloneRunsIt() throws SQLException {
        String query = unique("query Org($id: ID!) { organization(id: $id) { id name } }");
        String hash = PersistedQueries.sha256(query);
        Map<String, Object> variables = Map.of("id", "kashgar-polytechnic");

        JsonPath notFound = hashOnly(hash, variables);
        assertError(notFound, "PERSISTED_QUERY_NOT_FOUND", "PersistedQueryNotFound");
        assertEquals("PersistedQueryNotFound", notFound.getString("errors[0].message"));
        assertNull(notFound.get("data"));
        assertTrue(stored(hash).isEmpty());

        JsonPath registered = ok(withHash(query, hash, variables));
        assertEquals("kashgar-polytechnic", registered.getString("data.organization.id"));
        assertEquals(Optional.of(new Stored(query, false)), stored(hash), "the row another replica would read");

        JsonPath byHash = ok(hashOnly(hash, variables));
        assertEquals(registered.getMap("data"), byHash.getMap("data"));
        // The variables of each request still apply to the document run by hash.
        JsonPath other = hashOnly(hash, Map.of("id", "no-such-organization"));
        assertNull(other.get("errors"), other::prettify);
        assertNull(other.get("data.organization"));
    }

    /** Apollo's GET for cacheable reads: the hash in extensions, the variables as JSON text, no query. */
    @Test
    void aGetByHashRunsTheRegisteredDocumentAndAnUnknownHashIsNotFound() {
        String query = unique("query Org($id: ID!) { organization(id: $id) { id name } }");
        String hash = PersistedQueries.sha256(query);
        String extensions = "{\"persistedQuery\":{\"version\":1,\"sha256Hash\":\"" + hash + "\"}}";
        JsonPath notFound = given().queryParam("extensions", extensions)
                .queryParam("variables", "{\"id\":\"kashgar-polytechnic\"}").get("/graphql").then().statusCode(200)
                .extract().jsonPath();
        assertError(notFound, "PERSISTED_QUERY_NOT_FOUND", "PersistedQueryNotFound");
        ok(withHash(query, hash, Map.of("id", "kashgar-polytechnic")));
        JsonPath byHash = given().queryParam("extensions", extensions)
                .queryParam("variables", "{\"id\":\"kashgar-polytechnic\"}").get("/graphql").then().statusCode(200)
                .extract().jsonPath();
        assertEquals("喀什理工职业技术学院", ok(byHash).getString("data.organization.name"));
        // A mutation found by hash is still no GET's to run.
        String mutation = "mutation { registerPersistedQueries(documents: [\"{ documents { id } }\"]) }";
        String mutationHash = PersistedQueries.sha256(mutation);
        post(Map.of("query", mutation, "extensions", persisted(mutationHash)));
        given().queryParam("extensions", "{\"persistedQuery\":{\"version\":1,\"sha256Hash\":\"" + mutationHash + "\"}}")
                .get("/graphql").then().statusCode(405);
    }

    @Test
    void aReplicaThatNeverSawTheDocumentFindsItInPostgreSQL() {
        String query = unique("{ documents { id } }");
        String hash = PersistedQueries.sha256(query);
        ok(withHash(query, hash, Map.of()));
        persistedQueries.clearCache();
        assertNotNull(ok(hashOnly(hash, Map.of())).get("data.documents"));
    }

    @Test
    void aHashThatIsNotTheDocumentsIsRefusedAndNothingIsStored() throws SQLException {
        String query = unique("{ documents { id } }");
        String other = PersistedQueries.sha256(query + " ");
        JsonPath refused = withHash(query, other, Map.of());
        assertError(refused, "BAD_USER_INPUT", "provided sha does not match query");
        assertNull(refused.get("data"));
        assertTrue(stored(other).isEmpty());
        assertTrue(stored(PersistedQueries.sha256(query)).isEmpty());
    }

    @Test
    void aVersionOtherThanOneOrAMalformedHashIsRefused() {
        String query = unique("{ documents { id } }");
        String hash = PersistedQueries.sha256(query);
        assertError(post(Map.of("query", query, "extensions",
                Map.of("persistedQuery", Map.of("version", 2, "sha256Hash", hash)))), "BAD_USER_INPUT", "only version 1");
        assertError(post(Map.of("extensions", Map.of("persistedQuery", Map.of("version", 1, "sha256Hash", "abc")))),
                "BAD_USER_INPUT", "sha256Hash");
        assertError(post(Map.of("extensions", Map.of("persistedQuery", "yes"))), "BAD_USER_INPUT", "sha256Hash");
    }

    @Test
    void aDocumentOverALimitIsRefusedAndNeverStored() throws SQLException {
        // 13 levels: max-depth is 12.
        String query = unique("{ organization(id: \"kashgar-polytechnic\") { " + "parent { ".repeat(12) + "id"
                + " }".repeat(12) + " } }");
        String hash = PersistedQueries.sha256(query);
        assertError(withHash(query, hash, Map.of()), "LIMIT_EXCEEDED", "depth");
        assertTrue(stored(hash).isEmpty());
        assertError(hashOnly(hash, Map.of()), "PERSISTED_QUERY_NOT_FOUND", "PersistedQueryNotFound");
    }

    @Test
    void aDocumentThatDoesNotParseIsNeverStored() throws SQLException {
        String query = unique("{ documents { id }");
        String hash = PersistedQueries.sha256(query);
        assertError(withHash(query, hash, Map.of()), "BAD_USER_INPUT", "document");
        assertTrue(stored(hash).isEmpty());
    }

    @Test
    void autoRegistrationStopsAtTheCap() throws SQLException {
        long auto = count("SELECT count(*) FROM persisted_query WHERE NOT trusted");
        String first = unique("{ documents { id } }");
        String second = unique("{ documents { id } }");
        assertTrue(repository.registerAuto(PersistedQueries.sha256(first), first, (int) auto + 1));
        assertFalse(repository.registerAuto(PersistedQueries.sha256(second), second, (int) auto + 1));
        assertTrue(stored(PersistedQueries.sha256(second)).isEmpty());
    }

    @Test
    void anAdminRegistersTrustedDocumentsAndGetsTheirHashes() throws SQLException {
        String one = unique("{ documents { id } }");
        String two = unique("query Org($id: ID!) { organization(id: $id) { id } }");
        JsonPath answer = ok(GraphQLClient.as("ada", "admin").query(
                "mutation($d: [String!]!) { registerPersistedQueries(documents: $d) }", Map.of("d", List.of(one, two))));
        assertEquals(List.of(PersistedQueries.sha256(one), PersistedQueries.sha256(two)),
                answer.getList("data.registerPersistedQueries"));
        assertEquals(Optional.of(new Stored(two, true)), stored(PersistedQueries.sha256(two)));
    }

    @Test
    void aDocumentAutoRegisteredBeforeBecomesTrustedWhenAnAdminRegistersIt() throws SQLException {
        String query = unique("{ documents { id } }");
        String hash = PersistedQueries.sha256(query);
        ok(withHash(query, hash, Map.of()));
        assertEquals(Optional.of(new Stored(query, false)), stored(hash));
        ok(GraphQLClient.as("ada", "admin").query("mutation($d: [String!]!) { registerPersistedQueries(documents: $d) }",
                Map.of("d", List.of(query))));
        assertEquals(Optional.of(new Stored(query, true)), stored(hash));
    }

    @Test
    void registeringNeedsTheAdminRoleAndValidDocumentsAndIsAllOrNothing() throws SQLException {
        String mutation = "mutation($d: [String!]!) { registerPersistedQueries(documents: $d) }";
        String good = unique("{ documents { id } }");
        assertError(GraphQLClient.anonymous().query(mutation, Map.of("d", List.of(good))), "UNAUTHENTICATED", "admin");
        assertError(GraphQLClient.as("eddie", "editor").query(mutation, Map.of("d", List.of(good))), "FORBIDDEN", "admin");
        String deep = unique("{ organization(id: \"x\") { " + "parent { ".repeat(12) + "id" + " }".repeat(12) + " } }");
        assertError(GraphQLClient.as("ada", "admin").query(mutation, Map.of("d", List.of(good, deep))), "LIMIT_EXCEEDED",
                "documents[1]: depth");
        assertError(GraphQLClient.as("ada", "admin").query(mutation, Map.of("d", List.of("{ documents { id }"))),
                "BAD_USER_INPUT", "documents[0]: document");
        assertError(GraphQLClient.as("ada", "admin").query(mutation, Map.of("d", List.of())), "BAD_USER_INPUT", "documents");
        List<String> tooMany = new ArrayList<>();
        for (int i = 0; i < 101; i++) {
            tooMany.add("{ documents { id } }");
        }
        assertError(GraphQLClient.as("ada", "admin").query(mutation, Map.of("d", tooMany)), "BAD_USER_INPUT", "1 to 100");
        assertTrue(stored(PersistedQueries.sha256(good)).isEmpty(), "nothing of a refused list is stored");
    }

    private Optional<Stored> stored(String hash) throws SQLException {
        try (Connection c = records.getConnection();
                PreparedStatement statement = c.prepareStatement("SELECT document, trusted FROM persisted_query WHERE sha256 = ?")) {
            statement.setString(1, hash);
            try (ResultSet row = statement.executeQuery()) {
                return row.next() ? Optional.of(new Stored(row.getString(1), row.getBoolean(2))) : Optional.empty();
            }
        }
    }

    private long count(String sql) throws SQLException {
        try (Connection c = records.getConnection(); PreparedStatement statement = c.prepareStatement(sql);
                ResultSet row = statement.executeQuery()) {
            row.next();
            return row.getLong(1);
        }
    }

    record Stored(String document, boolean trusted) {
    }
}
