package org.partnergraph.persisted;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.partnergraph.persisted.PersistedQueriesTest.hashOnly;
import static org.partnergraph.persisted.PersistedQueriesTest.unique;
import static org.partnergraph.persisted.PersistedQueriesTest.withHash;
import static org.partnergraph.testing.Responses.assertError;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/**
 * PARTNERGRAPH_PERSISTED_QUERIES=off answers any persistedQuery as Apollo servers without them do (clients then
 * send documents), and PARTNERGRAPH_CACHE_MAX_AGE=0 keeps ETags but makes caches revalidate. One restart.
 */
@QuarkusTest
@TestProfile(PersistedQueriesOffTest.Off.class)
class PersistedQueriesOffTest {

    public static class Off implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("partnergraph.persisted-queries.mode", "off", "partnergraph.http-cache.max-age", "0s");
        }
    }

    @Test
    void aPersistedQueryIsNotSupportedAndADocumentStillRuns() {
        String query = unique("{ documents { id } }");
        String hash = PersistedQueries.sha256(query);
        assertError(hashOnly(hash, Map.of()), "PERSISTED_QUERY_NOT_SUPPORTED", "PersistedQueryNotSupported");
        assertError(withHash(query, hash, Map.of()), "PERSISTED_QUERY_NOT_SUPPORTED", "PersistedQueryNotSupported");
        Response plain = given().contentType(ContentType.JSON).body(Map.of("query", query)).post("/graphql");
        assertNull(plain.jsonPath().get("errors"));
        assertNotNull(plain.jsonPath().get("data.documents"));
        assertEquals("public, no-cache", plain.header("Cache-Control"));
        given().contentType(ContentType.JSON).body(Map.of("query", query)).header("If-None-Match", plain.header("ETag"))
                .post("/graphql").then().statusCode(304);
    }
}
