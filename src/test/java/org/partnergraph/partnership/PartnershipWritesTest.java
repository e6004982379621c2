package org.partnergraph.partnership;

import static org.junit.jupiter.api.Assertions.assertEquals;
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

/** createPartnership and endPartnership: validated whole, recorded, applied; ended ones stay as history. */
@QuarkusTest
class PartnershipWritesTest extends WriteTest {

    static final String CREATE = "partnership/createPartnership";
    static final String END = "partnership/endPartnership";
    static final GraphQLClient EDITOR = GraphQLClient.as("eddie", "editor");

    /** A school of its own per test, so partnerships of one test never meet another's. */
    static String school(String id) {
        ok(EDITOR.file("organization/upsertOrganization", Map.of("input", Map.of("id", id, "name", "写测" + id,
                "kind", "SCHOOL", "source", WriteFixture.source("写测")))));
        return id;
    }

    static Map<String, Object> pairing(String supporter, String supported, Object... more) {
        Map<String, Object> input = new HashMap<>(Map.of("kind", "PAIRED_WITH", "supporterId", supporter,
                "supportedId", supported, "since", "2025-03", "scheme", "结对帮扶", "source", WriteFixture.source("结对帮扶")));
        for (int i = 0; i < more.length; i += 2) {
            input.put((String) more[i], more[i + 1]);
        }
        return input;
    }

    static JsonPath create(Map<String, Object> input) {
        return EDITOR.file(CREATE, Map.of("input", input));
    }

    static JsonPath end(Map<String, Object> input) {
        return EDITOR.file(END, Map.of("input", input));
    }

    @Test
    void aNewPairingAnswersTheHeadlineQuestion() {
        String school = school("test-w-p-headline");
        JsonPath body = ok(create(pairing(WriteFixture.COLLEGE, school)));
        String id = body.getString("data.createPartnership.partnership.id");

        assertEquals("APPLIED", body.getString("data.createPartnership.change.status"));
        assertTrue(id.startsWith("rel-paired-with-"), id);
        assertEquals(WriteFixture.COLLEGE, body.getString("data.createPartnership.partnership.supporter.id"));
        assertEquals(List.of(WriteFixture.DOCUMENT), body.getList("data.createPartnership.partnership.sources.id"));

        JsonPath supporters = ok(GraphQLClient.anonymous().file("partnership/supportersOf", Map.of("id", school)));
        assertEquals(List.of(id), supporters.getList("data.supportersOf.id"));
    }

    @Test
    void aDepartmentIsSupportedBySupports() {
        JsonPath body = ok(create(Map.of("kind", "SUPPORTS", "supporterId", WriteFixture.COLLEGE,
                "supportedId", WriteFixture.DEPARTMENT, "scheme", "以校包系", "source", WriteFixture.source("以校包系"))));
        assertEquals(WriteFixture.DEPARTMENT, body.getString("data.createPartnership.partnership.supported.id"));
    }

    @Test
    void endingKeepsThePartnershipAsHistory() {
        String school = school("test-w-p-end");
        String id = ok(create(pairing(WriteFixture.COLLEGE, school))).getString("data.createPartnership.partnership.id");

        JsonPath ended = ok(end(Map.of("id", id, "until", "2026-07", "reason", "帮扶期满")));
        assertEquals("END_PARTNERSHIP", ended.getString("data.endPartnership.change.kind"));
        assertEquals("2026-07", ended.getString("data.endPartnership.partnership.until"));
        assertEquals("帮扶期满", ended.getString("data.endPartnership.partnership.endReason"));
        assertEquals("2025-03", ended.getString("data.endPartnership.partnership.since"));

        JsonPath supporters = ok(GraphQLClient.anonymous().file("partnership/supportersOf", Map.of("id", school)));
        assertEquals(List.of(id), supporters.getList("data.supportersOf.id"), "ended partnerships stay as history");

        // Once ended, the same pair may be paired again.
        ok(create(pairing(WriteFixture.COLLEGE, school, "since", "2026-09")));
    }

    @Test
    void everyInvalidPartnershipIsRefusedNamingTheFieldAndNothingIsWritten() {
        String school = school("test-w-p-invalid");
        String active = ok(create(pairing(WriteFixture.COLLEGE, school))).getString("data.createPartnership.partnership.id");
        Snapshot before = snapshot();

        assertError(create(pairing("nobody", school)), "BAD_USER_INPUT", "input.supporterId: unknown reference 'nobody'");
        assertError(create(pairing(school, "nowhere")), "BAD_USER_INPUT", "input.supportedId: unknown reference 'nowhere'");
        assertError(create(pairing(school, school)), "BAD_USER_INPUT", "input.supportedId: a relationship cannot connect");
        assertError(create(pairing(WriteFixture.COLLEGE, school)), "BAD_USER_INPUT",
                "input.supportedId: an active PAIRED_WITH partnership from 'test-w-college' to 'test-w-p-invalid' already exists (" + active);
        assertError(create(pairing(school, WriteFixture.COLLEGE, "since", "2025-05", "until", "2024")), "BAD_USER_INPUT",
                "input.until: '2024' is before since '2025-05'");
        assertError(create(pairing(school, WriteFixture.COLLEGE, "since", "2025-13")), "BAD_USER_INPUT",
                "input.since: '2025-13' is not a date");
        assertError(create(pairing(school, WriteFixture.DEPARTMENT)), "BAD_USER_INPUT",
                "input.supportedId: 'test-w-school-civil' is a Department; expected Organization");
        assertError(create(pairing(WriteFixture.PROVINCE, school)), "BAD_USER_INPUT",
                "input.supporterId: 'test-w-province' is a Region; expected Organization");
        assertError(create(pairing(school, WriteFixture.COLLEGE, "kind", "PROGRAMME")), "BAD_USER_INPUT",
                "input.kind: must be one of");
        assertError(create(pairing(school, WriteFixture.COLLEGE, "scheme", "帮".repeat(201))), "BAD_USER_INPUT", "input.scheme");
        assertError(create(pairing(school, WriteFixture.COLLEGE, "source", Map.of("documentId", WriteFixture.DOCUMENT,
                "quote", " "))), "BAD_USER_INPUT", "input.source.quote");

        assertError(end(Map.of("id", "rel-nothing", "until", "2026", "reason", "无")), "BAD_USER_INPUT",
                "input.id: no PAIRED_WITH, SUPPORTS or CO_BUILDS partnership has the id 'rel-nothing'");
        assertError(end(Map.of("id", active, "until", "2024", "reason", "太早")), "BAD_USER_INPUT",
                "input.until: '2024' is before since '2025-03'");
        assertError(end(Map.of("id", active, "until", "2026", "reason", "因".repeat(201))), "BAD_USER_INPUT", "input.reason");

        assertEquals(before, snapshot());

        ok(end(Map.of("id", active, "until", "2026", "reason", "期满")));
        assertError(end(Map.of("id", active, "until", "2027", "reason", "再次")), "BAD_USER_INPUT",
                "input.id: '" + active + "' already ended (2026)");
    }

    @Test
    void onlyEditorsMayCreateOrEnd() {
        Map<String, Object> input = pairing(WriteFixture.COLLEGE, WriteFixture.SCHOOL, "until", "2025-12");
        assertError(GraphQLClient.anonymous().file(CREATE, Map.of("input", input)), "UNAUTHENTICATED", "editor");
        assertError(GraphQLClient.as("alice", "analyst").file(CREATE, Map.of("input", input)), "FORBIDDEN", "editor");
        Map<String, Object> ending = Map.of("id", "rel-test-good-supports", "until", "2026", "reason", "无");
        assertError(GraphQLClient.anonymous().file(END, Map.of("input", ending)), "UNAUTHENTICATED", "editor");
        assertError(GraphQLClient.as("victor", "viewer").file(END, Map.of("input", ending)), "FORBIDDEN", "editor");
    }
}
