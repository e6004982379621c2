package org.partnergraph.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.partnergraph.testing.Responses.assertError;
import static org.partnergraph.testing.Responses.ok;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.neo4j.driver.Bookmark;
import org.neo4j.fabric.bolt.QueryRouterBookmark;
import org.neo4j.fabric.bookmark.BookmarkFormat;
import org.partnergraph.testing.GraphQLClient;
import org.partnergraph.testing.WriteFixture;
import org.partnergraph.testing.WriteTest;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * A mutation answers a signed bookmark; a read that carries it (on any replica) sees the write. A
 * bookmark this deployment did not sign is refused at once, and a genuine one the graph has not reached
 * answers BOOKMARK_NOT_REACHED after the bounded wait instead of holding reads for Neo4j's 30 s.
 */
@QuarkusTest
class BookmarksTest extends WriteTest {

    static final String READ = "query($id: ID!) { organization(id: $id) { id name } }";

    @Inject
    Bookmarks bookmarks;

    static JsonPath read(String bookmark, String id) {
        return GraphQLClient.anonymous().request(READ, Map.of("id", id)).header(Bookmarks.HEADER, bookmark)
                .post("/graphql").then().statusCode(200).extract().jsonPath();
    }

    String writeAndTakeBookmark(String id) {
        JsonPath written = ok(GraphQLClient.as("eddie", "editor").file("graph/bookmarkedWrite", Map.of("input",
                Map.of("id", id, "name", "写测书签", "kind", "SCHOOL", "source", WriteFixture.source("写测")))));
        String bookmark = written.getString("data.upsertOrganization.change.graphBookmark");
        assertNotNull(bookmark, written.prettify());
        return bookmark;
    }

    /** The same bookmarks with every transaction id raised: what a forger makes from a real one. */
    static Set<Bookmark> raised(Set<Bookmark> real, long by) {
        return real.stream().map(b -> {
            QueryRouterBookmark parsed = BookmarkFormat.parse(b.value());
            List<QueryRouterBookmark.InternalGraphState> states = parsed.internalGraphStates().stream()
                    .map(s -> new QueryRouterBookmark.InternalGraphState(s.graphUuid(), s.transactionId() + by)).toList();
            return Bookmark.from(BookmarkFormat.serialize(new QueryRouterBookmark(states, parsed.externalGraphStates())));
        }).collect(Collectors.toSet());
    }

    @Test
    void aReadCarryingTheBookmarkOfAWriteSeesIt() {
        String bookmark = writeAndTakeBookmark("test-w-bookmark");
        assertTrue(bookmark.contains("."), "signed: " + bookmark);

        assertEquals("写测书签", ok(read(bookmark, "test-w-bookmark")).getString("data.organization.name"));
    }

    @Test
    void aBookmarkThisApiDidNotMakeIsRefused() {
        assertError(read("not base64 !", WriteFixture.COLLEGE), "BAD_USER_INPUT", "PartnerGraph-Bookmark header");
        String foreign = Base64.getUrlEncoder().withoutPadding().encodeToString("FB:garbage".getBytes(StandardCharsets.UTF_8));
        assertError(read(foreign, WriteFixture.COLLEGE), "BAD_USER_INPUT", "PartnerGraph-Bookmark header");
        assertError(read("x".repeat(5000), WriteFixture.COLLEGE), "BAD_USER_INPUT", "PartnerGraph-Bookmark header");
    }

    @Test
    void aForgedBookmarkWithARaisedTransactionIdIsRefusedAtOnce() {
        String real = writeAndTakeBookmark("test-w-bookmark-forged");
        Set<Bookmark> forged = raised(bookmarks.decode(real), 1000);
        String payload = bookmarks.encode(forged).split("\\.")[0];
        String keptSignature = payload + "." + real.split("\\.")[1];
        String unsigned = payload;

        for (String header : List.of(keptSignature, unsigned)) {
            long started = System.nanoTime();
            assertError(read(header, WriteFixture.COLLEGE), "BAD_USER_INPUT", "not signed by this deployment");
            assertTrue(Duration.ofNanos(System.nanoTime() - started).toMillis() < 1500, "refused without waiting");
        }
    }

    @Test
    void aGenuineBookmarkTheGraphHasNotReachedAnswersItsOwnCodeWithinTheWait() throws Exception {
        String real = writeAndTakeBookmark("test-w-bookmark-ahead");
        String ahead = bookmarks.encode(raised(bookmarks.decode(real), 1000));

        long started = System.nanoTime();
        JsonPath body = read(ahead, WriteFixture.COLLEGE);
        long millis = Duration.ofNanos(System.nanoTime() - started).toMillis();
        assertError(body, "BOOKMARK_NOT_REACHED", "has not reached this write within 2000 ms");
        // The service's bound (2 s), not Neo4j's (10 s in the tests, 30 s by default).
        assertTrue(millis >= 1500 && millis < 6000, "answered after " + millis + " ms");

        // Many at once hold neither the reads without a bookmark nor the connection pool.
        List<CompletableFuture<JsonPath>> waiting = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            waiting.add(CompletableFuture.supplyAsync(() -> read(ahead, WriteFixture.COLLEGE)));
        }
        long plain = System.nanoTime();
        ok(GraphQLClient.anonymous().query(READ, Map.of("id", WriteFixture.COLLEGE)));
        assertTrue(Duration.ofNanos(System.nanoTime() - plain).toMillis() < 3000, "a plain read is not held up");
        for (CompletableFuture<JsonPath> each : waiting) {
            assertError(each.get(), "BOOKMARK_NOT_REACHED", "retry the read shortly");
        }
        assertEquals("写测书签", ok(read(real, "test-w-bookmark-ahead")).getString("data.organization.name"));
    }

    @Test
    void replicasSharingASecretHonourEachOthersBookmarksAndOnlyThen() {
        String secret = "a-secret-of-at-least-thirty-two-bytes-0123456789";
        Set<Bookmark> values = Set.of(Bookmark.from("FB:example"));
        Bookmarks one = new Bookmarks(null, Optional.of(secret), Duration.ofSeconds(2));
        Bookmarks other = new Bookmarks(null, Optional.of(secret), Duration.ofSeconds(2));
        Bookmarks elsewhere = new Bookmarks(null, Optional.empty(), Duration.ofSeconds(2));

        assertEquals(values, other.decode(one.encode(values)));
        assertThrows(RuntimeException.class, () -> elsewhere.decode(one.encode(values)));
        assertThrows(IllegalStateException.class, () -> new Bookmarks(null, Optional.of("short"), Duration.ofSeconds(2)));
    }
}
