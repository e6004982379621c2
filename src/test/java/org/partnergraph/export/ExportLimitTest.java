package org.partnergraph.export;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.response.Response;

/** Past PARTNERGRAPH_EXPORT_MAX_ROWS an export is refused with a coded error before any of the file is sent. */
@QuarkusTest
@TestProfile(ExportLimitTest.FiftyRows.class)
class ExportLimitTest {

    public static class FiftyRows implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("partnergraph.export.max-rows", "50");
        }
    }

    static Response get(String path) {
        return given().auth().oauth2(OidcWiremockTestResource.generateJwtToken("alice", Set.of("analyst"), "alice", "Bearer"))
                .get(path);
    }

    @Test
    void aScopeOverTheLimitIsRefusedWithNothingOfTheFileSent() {
        for (String file : new String[] {"graph.graphml", "graph-csv.zip", "cytoscape.json", "nodes.csv"}) {
            Response response = get("/export/" + file);
            assertEquals(422, response.statusCode(), file);
            assertTrue(response.contentType().startsWith("application/json"), file);
            assertEquals("LIMIT_EXCEEDED", response.jsonPath().getString("errors[0].extensions.code"));
            String message = response.jsonPath().getString("errors[0].message");
            assertTrue(message.contains("at most 50") && message.contains("PARTNERGRAPH_EXPORT_MAX_ROWS"), message);
            assertNull(response.header("Content-Disposition"), file);
        }
    }

    @Test
    void aScopeWithinTheLimitIsSent() {
        Response response = get("/export/nodes.csv?focus=kashgar-polytechnic-civil-engineering&hops=1");
        assertEquals(200, response.statusCode(), response::asString);
        long rows = response.asString().lines().count() - 1;
        assertTrue(rows > 1 && rows <= 50, "rows: " + rows);
    }
}
