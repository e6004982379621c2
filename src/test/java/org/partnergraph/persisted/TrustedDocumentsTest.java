package org.partnergraph.persisted;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.partnergraph.persisted.PersistedQueriesTest.hashOnly;
import static org.partnergraph.persisted.PersistedQueriesTest.post;
import static org.partnergraph.persisted.PersistedQueriesTest.unique;
import static org.partnergraph.persisted.PersistedQueriesTest.withHash;
import static org.partnergraph.testing.Responses.assertError;
import static org.partnergraph.testing.Responses.ok;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.partnergraph.testing.GraphQLClient;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;

/**
 * PARTNERGRAPH_PERSISTED_QUERIES=trusted-only: only documents an admin registered run, by text or by hash;
 * clients register nothing, and documents auto-registered earlier are not trusted. This profile restarts Quarkus.
 */
@QuarkusTest
@TestProfile(TrustedDocumentsTest.TrustedOnly.class)
class TrustedDocumentsTest {

    public static class TrustedOnly implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("partnergraph.persisted-queries.mode", "trusted-only");
        }
    }

    static final String REGISTER = "mutation($d: [String!]!) { registerPersistedQueries(documents: $d) }";

    @Inject
    DataSource records;

    @Test
    void aDocumentNobodyRegisteredIsRefusedHoweverItIsSent() throws SQLException {
        String query = unique("{ documents { id } }");
        String hash = PersistedQueries.sha256(query);
        JsonPath asText = GraphQLClient.anonymous().query(query, Map.of());
        assertError(asText, "PERSISTED_QUERY_NOT_TRUSTED", "registered");
        assertNull(asText.get("data"));
        assertError(withHash(query, hash, Map.of()), "PERSISTED_QUERY_NOT_TRUSTED", "registered");
        assertError(hashOnly(hash, Map.of()), "PERSISTED_QUERY_NOT_TRUSTED", "registered");
        assertEquals(0, rows(hash), "clients register nothing in trusted-only mode");
    }

    @Test
    void aRegisteredDocumentRunsAsTextAndByHash() {
        String query = unique("query Org($id: ID!) { organization(id: $id) { id } }");
        String hash = PersistedQueries.sha256(query);
        assertEquals(List.of(hash), ok(GraphQLClient.as("ada", "admin").query(REGISTER, Map.of("d", List.of(query))))
                .getList("data.registerPersistedQueries"));
        Map<String, Object> variables = Map.of("id", "kashgar-polytechnic");
        assertEquals("kashgar-polytechnic", ok(GraphQLClient.anonymous().query(query, variables)).getString("data.organization.id"));
        assertEquals("kashgar-polytechnic", ok(hashOnly(hash, variables)).getString("data.organization.id"));
        assertEquals("kashgar-polytechnic", ok(withHash(query, hash, variables)).getString("data.organization.id"));
    }

    @Test
    void theRegistrationMutationRunsUnregisteredButOnlyForAnAdmin() {
        String query = unique("{ documents { id } }");
        assertError(GraphQLClient.anonymous().query(REGISTER, Map.of("d", List.of(query))), "UNAUTHENTICATED", "admin");
        assertError(GraphQLClient.as("eddie", "editor").query(REGISTER, Map.of("d", List.of(query))), "FORBIDDEN", "admin");
        // Only that field: another mutation beside it makes the document an ordinary, unregistered one.
        assertError(GraphQLClient.as("ada", "admin").query("mutation($d: [String!]!) { registerPersistedQueries(documents: $d) "
                + "rebuildGraph { changesApplied } }", Map.of("d", List.of(query))), "PERSISTED_QUERY_NOT_TRUSTED", "registered");
    }

    @Test
    void aDocumentAutoRegisteredEarlierIsNotTrusted() throws SQLException {
        String query = unique("{ documents { id } }");
        String hash = PersistedQueries.sha256(query);
        try (Connection c = records.getConnection(); PreparedStatement insert = c.prepareStatement(
                "INSERT INTO persisted_query (sha256, document, trusted) VALUES (?, ?, FALSE)")) {
            insert.setString(1, hash);
            insert.setString(2, query);
            insert.executeUpdate();
        }
        assertError(hashOnly(hash, Map.of()), "PERSISTED_QUERY_NOT_TRUSTED", "registered");
        assertError(GraphQLClient.anonymous().query(query, Map.of()), "PERSISTED_QUERY_NOT_TRUSTED", "registered");
    }

    @Test
    void registeringTakesEffectOnEveryReplicaThroughPostgreSQL() throws SQLException {
        // Another replica registered it: this one has nothing cached, or has it cached as untrusted.
        String query = unique("{ documents { id } }");
        String hash = PersistedQueries.sha256(query);
        try (Connection c = records.getConnection(); PreparedStatement insert = c.prepareStatement(
                "INSERT INTO persisted_query (sha256, document, trusted) VALUES (?, ?, FALSE)")) {
            insert.setString(1, hash);
            insert.setString(2, query);
            insert.executeUpdate();
        }
        assertError(hashOnly(hash, Map.of()), "PERSISTED_QUERY_NOT_TRUSTED", "registered");
        try (Connection c = records.getConnection();
                PreparedStatement trust = c.prepareStatement("UPDATE persisted_query SET trusted = TRUE WHERE sha256 = ?")) {
            trust.setString(1, hash);
            trust.executeUpdate();
        }
        ok(hashOnly(hash, Map.of()));
    }

    @Test
    void introspectionIsGovernedByItsOwnSwitchNotByTheList() {
        // The test profile has introspection on; ProductionSwitchesTest shows it refused where it is off.
        assertEquals("Query", ok(GraphQLClient.anonymous().query("{ __schema { queryType { name } } }", Map.of()))
                .getString("data.__schema.queryType.name"));
        // A document that also reads data is not introspection.
        assertError(GraphQLClient.anonymous().query("{ __schema { queryType { name } } documents { id } }", Map.of()),
                "PERSISTED_QUERY_NOT_TRUSTED", "registered");
    }

    @Test
    void aBodyWithoutAQueryIsStillRefusedAsBefore() {
        assertError(post(Map.of("variables", Map.of())), "BAD_USER_INPUT", "query: missing");
    }

    private long rows(String hash) throws SQLException {
        try (Connection c = records.getConnection();
                PreparedStatement statement = c.prepareStatement("SELECT count(*) FROM persisted_query WHERE sha256 = ?")) {
            statement.setString(1, hash);
            try (ResultSet row = statement.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    }
}
