package org.partnergraph.packaged;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.emptyString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.partnergraph.testing.Responses.assertError;
import static org.partnergraph.testing.Responses.ok;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.partnergraph.testing.GraphQLClient;

import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;

/**
 * The packaged jar as a local run and production start it: no store configured (so it starts its
 * embedded stores and seeds the dataset), OIDC_ISSUER set, no switch turned on. One class, so one
 * launch (see {@link PackagedJar}).
 * <p>
 * A jar that ignored tokens (sign-in recorded as off while it was built, as once happened) fails the
 * sign-in tests: valid tokens would get UNAUTHENTICATED, forged ones would pass as anonymous (HTTP 200).
 */
@QuarkusIntegrationTest
@TestProfile(PackagedJar.class)
class PackagedJarIT {

    static final String ANY_QUERY = "{ __typename }";
    static final GraphQLClient ANONYMOUS = GraphQLClient.anonymous();

    @Test
    void theJarIsReadyOnItsEmbeddedStores() {
        given().get("/q/health/ready").then().statusCode(200).body("status", is("UP"));
    }

    @Test
    void theHeadlineQuestionIsAnsweredFromTheSeededDatasetWithoutSigningIn() {
        JsonPath body = ok(ANONYMOUS.file("partnership/supportersOf", Map.of("id", "kashgar-polytechnic-civil-engineering")));

        assertEquals(1, body.getList("data.supportersOf").size(), body::prettify);
        assertEquals("shanghai-urban-construction-vocational-college", body.getString("data.supportersOf[0].supporter.id"));
        assertEquals("以校包系", body.getString("data.supportersOf[0].scheme"));
        assertEquals("prog-2024-yixiao-baoxi-kashgar-polytechnic", body.getString("data.supportersOf[0].programme.id"));
        assertTrue(body.getList("data.supportersOf[0].citations.quote").contains("上海对照“以校包系”的任务清单"),
                body::prettify);
    }

    @Test
    void anAnalystReadsGraphStatsOfTheSeededDataset() {
        JsonPath body = ok(GraphQLClient.withRawToken(Issuer.token("alice", "analyst")).file("security/graphStats"));
        Map<String, Integer> counts = new HashMap<>();
        List<Map<String, Object>> labels = body.getList("data.graphStats.labels");
        labels.forEach(label -> counts.put((String) label.get("name"), (Integer) label.get("count")));
        // Labels no test here writes, as in src/test/resources/dataset/golden/counts.json.
        assertEquals(44, counts.get("Region"), body::prettify);
        assertEquals(85, counts.get("Programme"), body::prettify);
    }

    @Test
    void anonymousCallersMustSignInForGraphStats() {
        assertError(ANONYMOUS.file("security/graphStats"), "UNAUTHENTICATED", "analyst");
    }

    @Test
    void anEditorsWriteIsAppliedAndReadableByEveryone() {
        Map<String, Object> input = Map.of("id", "packaged-it-school", "name", "打包测试学校", "kind", "SCHOOL",
                "regionId", "xinjiang-kashgar",
                "source", Map.of("documentId", "doc-2024-news-vocational-alliances", "quote", "打包测试学校"));

        JsonPath written = ok(GraphQLClient.withRawToken(Issuer.token("eddie", "editor"))
                .file("organization/upsertOrganization", Map.of("input", input)));
        assertEquals("APPLIED", written.getString("data.upsertOrganization.change.status"));
        assertEquals("eddie", written.getString("data.upsertOrganization.change.author"));

        JsonPath read = ok(ANONYMOUS.file("organization/organization", Map.of("id", "packaged-it-school")));
        assertEquals("打包测试学校", read.getString("data.organization.name"));
        assertEquals("xinjiang-kashgar", read.getString("data.organization.region.id"));
        assertEquals(List.of("doc-2024-news-vocational-alliances"), read.getList("data.organization.sources.id"));
    }

    @Test
    void aTokenSignedWithAnotherKeyIsRefused() {
        ANONYMOUS.request(ANY_QUERY, Map.of()).post("/graphql").then().statusCode(200);
        GraphQLClient.withRawToken(Issuer.forged("root", "admin")).request(ANY_QUERY, Map.of()).post("/graphql")
                .then().statusCode(401).body(emptyString());
    }

    @Test
    void aTokenForAnotherClientIsRefused() {
        GraphQLClient.withRawToken(Issuer.tokenFor("another-client", "root", "admin")).request(ANY_QUERY, Map.of())
                .post("/graphql").then().statusCode(401).body(emptyString());
    }

    /** Root fields are level 1: region, then each parent, then id, so 10 parents make 12 levels. */
    static String regionWithParents(int parents) {
        return "{ region(id: \"shanghai-jiading\") { " + "parent { ".repeat(parents) + "id" + " }".repeat(parents) + " } }";
    }

    @Test
    void aQueryOneLevelOverTheDepthLimitIsLimitExceeded() {
        assertError(ANONYMOUS.query(regionWithParents(11), Map.of()), "LIMIT_EXCEEDED", "depth");
        ok(ANONYMOUS.query(regionWithParents(10), Map.of()));
    }

    @Test
    void theGraphQLUiIsNotServed() {
        given().get("/q/graphql-ui/").then().statusCode(404);
        given().redirects().follow(false).get("/").then().statusCode(404);
    }

    @Test
    void theExplorerAndTheLibrariesItImportsAreServedFromTheJar() {
        given().get("/explore?focus=kashgar-polytechnic").then().statusCode(200)
                .body(containsString("/explore/app.js"));
        for (String asset : List.of("/explore/app.js", "/webjars/cytoscape/3.33.1/dist/cytoscape.esm.min.mjs",
                "/_static/echarts/6.0.0/dist/echarts.esm.min.js")) {
            given().get(asset).then().statusCode(200).contentType(startsWith("text/javascript"));
        }
    }

    /**
     * The driver finds graph/CleanReleaseConnections with its ServiceLoader only where it loads with the
     * application, as in this jar (dev and test mode load it apart): reads here give their connections back clean,
     * without a RESET, and still answer.
     */
    @Test
    void readsGiveTheirBoltConnectionsBackWithoutReset() {
        for (int i = 0; i < 5; i++) {
            JsonPath body = ok(ANONYMOUS.file("partnership/supportersOf", Map.of("id", "kashgar-polytechnic-civil-engineering")));
            assertEquals("shanghai-urban-construction-vocational-college", body.getString("data.supportersOf[0].supporter.id"));
        }
        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        double skipped = metrics.lines().filter(l -> l.startsWith("partnergraph_bolt_resets_skipped_total"))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).sum();
        assertTrue(skipped >= 5, "clean releases without RESET: " + skipped);
    }

    @Test
    void introspectionIsRefusedWithACode() {
        assertError(ANONYMOUS.query("{ __schema { queryType { name } } }", Map.of()), "BAD_USER_INPUT", "introspection");
        given().get("/graphql/schema.graphql").then().statusCode(404);
    }
}
