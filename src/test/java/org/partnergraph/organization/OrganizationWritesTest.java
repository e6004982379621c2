package org.partnergraph.organization;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.partnergraph.testing.Responses.assertError;
import static org.partnergraph.testing.Responses.ok;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.partnergraph.testing.GraphQLClient;
import org.partnergraph.testing.Snapshot;
import org.partnergraph.testing.WriteFixture;
import org.partnergraph.testing.WriteTest;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** upsertOrganization: creates and updates through the change log; every invalid input is refused whole. */
@QuarkusTest
class OrganizationWritesTest extends WriteTest {

    static final String UPSERT = "organization/upsertOrganization";
    static final GraphQLClient EDITOR = GraphQLClient.as("eddie", "editor");

    static Map<String, Object> input(Object... pairs) {
        Map<String, Object> input = new HashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            input.put((String) pairs[i], pairs[i + 1]);
        }
        return input;
    }

    static JsonPath upsert(GraphQLClient client, Map<String, Object> input) {
        return client.file(UPSERT, Map.of("input", input));
    }

    @Test
    void createsAnOrganisationThatIsReadableAtOnce() {
        JsonPath body = ok(upsert(EDITOR, input("id", "test-w-new-school", "name", "写测新建学校", "kind", "SCHOOL",
                "shortNames", List.of("写测新校"), "regionId", WriteFixture.COUNTY, "parentId", WriteFixture.COLLEGE,
                "source", WriteFixture.source("写测新建学校"))));

        assertEquals("APPLIED", body.getString("data.upsertOrganization.change.status"));
        assertEquals("UPSERT_ORGANIZATION", body.getString("data.upsertOrganization.change.kind"));
        assertEquals("eddie", body.getString("data.upsertOrganization.change.author"));
        assertNotNull(body.getString("data.upsertOrganization.change.appliedAt"), "an APPLIED change says when");
        assertEquals(WriteFixture.DOCUMENT, body.getString("data.upsertOrganization.change.document.id"));
        assertEquals("test-w-new-school", body.getString("data.upsertOrganization.organization.id"));
        assertEquals(WriteFixture.COUNTY, body.getString("data.upsertOrganization.organization.region.id"));
        assertEquals(WriteFixture.COLLEGE, body.getString("data.upsertOrganization.organization.parent.id"));
        assertEquals(List.of(WriteFixture.DOCUMENT), body.getList("data.upsertOrganization.organization.sources.id"));

        JsonPath read = ok(GraphQLClient.anonymous().file("organization/organization", Map.of("id", "test-w-new-school")));
        assertEquals("写测新建学校", read.getString("data.organization.name"));
        assertTrue(ok(GraphQLClient.anonymous().file("search/search", Map.of("text", "写测新校")))
                .getList("data.search.node.id").contains("test-w-new-school"), "the new name is searchable");
    }

    @Test
    void anOrganisationWithoutAnIdGetsAGeneratedOne() {
        JsonPath body = ok(upsert(EDITOR, input("name", "写测无编号学校", "kind", "SCHOOL",
                "source", WriteFixture.source("写测无编号学校"))));
        String id = body.getString("data.upsertOrganization.organization.id");
        assertTrue(id.matches("org-[a-z]{12}"), id);
        assertEquals(id, body.getString("data.upsertOrganization.change.targetId"));
    }

    @Test
    void anUpdateKeepsWhatItDoesNotMentionAndAddsTheSource() {
        ok(upsert(EDITOR, input("id", "test-w-update", "name", "写测更新前", "kind", "SCHOOL", "nameEn", "Before",
                "regionId", WriteFixture.COUNTY, "source", WriteFixture.source("写测更新前"))));

        JsonPath body = ok(upsert(EDITOR, input("id", "test-w-update", "name", "写测更新后",
                "source", Map.of("documentId", WriteFixture.SECOND_DOCUMENT, "quote", "写测更新"))));

        String path = "data.upsertOrganization.organization.";
        assertEquals("写测更新后", body.getString(path + "name"));
        assertEquals("SCHOOL", body.getString(path + "kind"));
        assertEquals("Before", body.getString(path + "nameEn"));
        assertEquals(WriteFixture.COUNTY, body.getString(path + "region.id"));
        assertEquals(List.of(WriteFixture.DOCUMENT, WriteFixture.SECOND_DOCUMENT), body.getList(path + "sources.id"));
    }

    @Test
    void movingAnOrganisationReplacesItsRegionLink() {
        ok(upsert(EDITOR, input("id", "test-w-mover", "name", "写测搬迁学校", "kind", "SCHOOL",
                "regionId", WriteFixture.COUNTY, "source", WriteFixture.source("写测搬迁学校"))));
        ok(upsert(EDITOR, input("id", "test-w-mover", "regionId", WriteFixture.PROVINCE)));

        List<String> regions = graph.readList("MATCH (:Organization {id: 'test-w-mover'})-[:LOCATED_IN]->(r) RETURN r.id AS id",
                Map.of(), r -> r.get("id").asString());
        assertEquals(List.of(WriteFixture.PROVINCE), regions);
    }

    @Test
    void everyInvalidInputIsRefusedNamingTheFieldAndNothingIsWritten() {
        Snapshot before = snapshot();

        assertError(upsert(EDITOR, input("id", "test-w-bad", "name", "写测", "kind", "SCHOOL", "regionId", "nowhere",
                "source", WriteFixture.source("写测"))), "BAD_USER_INPUT", "input.regionId: unknown reference 'nowhere'");
        assertError(upsert(EDITOR, input("id", "test-w-bad", "name", "写测", "kind", "SCHOOL",
                "regionId", WriteFixture.COLLEGE, "source", WriteFixture.source("写测"))),
                "BAD_USER_INPUT", "input.regionId: 'test-w-college' is a Organization; expected Region");
        assertError(upsert(EDITOR, input("id", "test-w-bad", "name", "长".repeat(201), "kind", "SCHOOL",
                "source", WriteFixture.source("写测"))), "BAD_USER_INPUT", "input.name");
        assertError(upsert(EDITOR, input("id", "test-w-bad", "kind", "SCHOOL", "source", WriteFixture.source("写测"))),
                "BAD_USER_INPUT", "input.name: is required");
        assertError(upsert(EDITOR, input("id", "test-w-bad", "name", "写测", "kind", "SCHOOL")),
                "BAD_USER_INPUT", "input.source: at least one source");
        assertError(upsert(EDITOR, input("id", "test-w-bad", "name", "写测", "kind", "SCHOOL",
                "source", Map.of("documentId", "doc-nope", "quote", "写测"))),
                "BAD_USER_INPUT", "input.source.documentId: unknown document 'doc-nope'");
        assertError(upsert(EDITOR, input("id", WriteFixture.DEPARTMENT, "name", "写测", "kind", "SCHOOL",
                "source", WriteFixture.source("写测"))), "BAD_USER_INPUT", "input.id: 'test-w-school-civil' is a Department");
        assertError(upsert(EDITOR, input("id", "Not A Slug", "name", "写测", "kind", "SCHOOL",
                "source", WriteFixture.source("写测"))), "BAD_USER_INPUT", "input.id");
        assertError(upsert(EDITOR, input("id", "test-w-bad", "name", "写测", "kind", "SCHOOL", "parentId", "test-w-bad",
                "source", WriteFixture.source("写测"))), "BAD_USER_INPUT", "input.parentId: an organisation cannot be its own parent");
        assertError(upsert(EDITOR, input("id", "test-w-bad", "name", "写测 联系电话：13812345678", "kind", "SCHOOL",
                "source", WriteFixture.source("写测"))), "BAD_USER_INPUT", "input.name");
        assertError(upsert(EDITOR, input("id", "test-w-bad", "name", "写测", "kind", "CASTLE",
                "source", WriteFixture.source("写测"))), "BAD_USER_INPUT", "CASTLE");

        assertEquals(before, snapshot());
    }

    @Test
    void onlyEditorsMayWrite() {
        Map<String, Object> valid = input("id", "test-w-roles", "name", "写测角色", "kind", "SCHOOL",
                "source", WriteFixture.source("写测角色"));
        Snapshot before = snapshot();

        assertError(upsert(GraphQLClient.anonymous(), valid), "UNAUTHENTICATED", "editor");
        assertError(upsert(GraphQLClient.as("victor", "viewer"), valid), "FORBIDDEN", "editor");
        assertError(upsert(GraphQLClient.as("alice", "analyst"), valid), "FORBIDDEN", "editor");
        assertEquals(before, snapshot());

        ok(upsert(GraphQLClient.as("root", "admin"), valid));
    }

    @Test
    void theSameIdempotencyKeyAnswersTheFirstChange() {
        Map<String, Object> first = input("id", "test-w-key", "name", "写测幂等", "kind", "SCHOOL",
                "source", WriteFixture.source("写测幂等"));
        JsonPath one = ok(EDITOR.file(UPSERT, Map.of("input", first, "key", "test-key-organization-1")));
        Snapshot after = snapshot();
        JsonPath two = ok(EDITOR.file(UPSERT, Map.of("input", first, "key", "test-key-organization-1")));

        assertEquals(one.getString("data.upsertOrganization.change.id"), two.getString("data.upsertOrganization.change.id"));
        assertEquals(after, snapshot());

        Map<String, Object> other = new HashMap<>(first);
        other.put("name", "写测幂等改");
        assertError(EDITOR.file(UPSERT, Map.of("input", other, "key", "test-key-organization-1")), "BAD_USER_INPUT",
                "idempotencyKey: already used by change " + one.getString("data.upsertOrganization.change.id"));
        assertError(EDITOR.file(UPSERT, Map.of("input", other, "key", "has spaces")), "BAD_USER_INPUT", "idempotencyKey");
        assertEquals(after, snapshot());
    }
}
