package org.partnergraph.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.partnergraph.testing.Responses.assertError;
import static org.partnergraph.testing.Responses.ok;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.partnergraph.testing.GraphQLClient;
import org.partnergraph.testing.WriteFixture;
import org.partnergraph.testing.WriteTest;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** A mutation answers a bookmark; a read that carries it (on any replica) sees the write; a bad one is refused. */
@QuarkusTest
class BookmarksTest extends WriteTest {

    static final String READ = "query($id: ID!) { organization(id: $id) { id name } }";

    static JsonPath read(String bookmark, String id) {
        return GraphQLClient.anonymous().request(READ, Map.of("id", id)).header(Bookmarks.HEADER, bookmark)
                .post("/graphql").then().statusCode(200).extract().jsonPath();
    }

    @Test
    void aReadCarryingTheBookmarkOfAWriteSeesIt() {
        JsonPath written = ok(GraphQLClient.as("eddie", "editor").file("graph/bookmarkedWrite", Map.of("input",
                Map.of("id", "test-w-bookmark", "name", "写测书签", "kind", "SCHOOL", "source", WriteFixture.source("写测")))));
        String bookmark = written.getString("data.upsertOrganization.change.graphBookmark");
        assertNotNull(bookmark, written.prettify());

        assertEquals("写测书签", ok(read(bookmark, "test-w-bookmark")).getString("data.organization.name"));
    }

    @Test
    void aBookmarkThisApiDidNotMakeIsRefused() {
        assertError(read("not base64 !", WriteFixture.COLLEGE), "BAD_USER_INPUT", "PartnerGraph-Bookmark header");
        String foreign = Base64.getUrlEncoder().withoutPadding().encodeToString("FB:garbage".getBytes(StandardCharsets.UTF_8));
        assertError(read(foreign, WriteFixture.COLLEGE), "BAD_USER_INPUT", "PartnerGraph-Bookmark header");
        assertError(read("x".repeat(5000), WriteFixture.COLLEGE), "BAD_USER_INPUT", "PartnerGraph-Bookmark header");
    }
}
