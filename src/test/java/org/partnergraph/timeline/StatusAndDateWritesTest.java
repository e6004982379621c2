package org.partnergraph.timeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
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

/**
 * createPartnership takes a status with its date and source, upsertProgramme a finer date and progress:
 * held to the importer's rules, refused whole naming the field, and then on the timeline.
 */
@QuarkusTest
class StatusAndDateWritesTest extends WriteTest {

    static final GraphQLClient EDITOR = GraphQLClient.as("eddie", "editor");

    static String school(String id) {
        ok(EDITOR.file("organization/upsertOrganization", Map.of("input", Map.of("id", id, "name", "写测" + id,
                "kind", "SCHOOL", "source", WriteFixture.source("写测")))));
        return id;
    }

    static Map<String, Object> pairing(String supported, Object... more) {
        return WriteFixture.input(Map.of("kind", "PAIRED_WITH", "supporterId", WriteFixture.COLLEGE,
                "supportedId", supported, "source", WriteFixture.source("结对帮扶"), "status", "IN_COORDINATION",
                "statusDate", "2025-04", "statusSource", WriteFixture.source("对接中")), more);
    }

    static JsonPath create(Map<String, Object> input) {
        return EDITOR.file("timeline/createWithStatus", Map.of("input", input));
    }

    static JsonPath upsert(Map<String, Object> input) {
        return EDITOR.file("timeline/upsertDated", Map.of("input", input));
    }

    static Map<String, Object> programme(String id, Object... more) {
        Map<String, Object> input = new HashMap<>(Map.of("id", id, "name", "测试日期项目", "category", "TRAINING",
                "mode", "OTHER", "year", 2025, "date", "2025-10", "progress", "PLANNED", "source",
                WriteFixture.source("将于10月")));
        for (int i = 0; i < more.length; i += 2) {
            input.put((String) more[i], more[i + 1]);
        }
        return input;
    }

    @Test
    void aPairingBeingCoordinatedIsRecordedWithItsDateAndSourceAndIsOnTheTimeline() {
        String school = school("test-w-s-coordinated");
        JsonPath body = ok(create(pairing(school)));
        String id = body.getString("data.createPartnership.partnership.id");
        assertEquals("IN_COORDINATION", body.getString("data.createPartnership.partnership.status"));
        assertEquals("2025-04", body.getString("data.createPartnership.partnership.statusDate"));
        assertEquals("MONTH", body.getString("data.createPartnership.partnership.statusDatePrecision"));
        assertEquals(List.of("对接中"), body.getList("data.createPartnership.partnership.statusCitations.quote"));
        assertEquals(List.of(WriteFixture.DOCUMENT),
                body.getList("data.createPartnership.partnership.statusCitations.document.id"));

        JsonPath timeline = ok(GraphQLClient.anonymous().file("timeline/timeline",
                Map.of("filter", Map.of("organizationId", school))));
        assertEquals(List.of("status~" + id), timeline.getList("data.timeline.edges.node.id"));
        assertEquals(List.of("IN_COORDINATION"), timeline.getList("data.timeline.edges.node.status"));
        assertEquals(List.of(school), timeline.getList("data.timeline.edges.node.partnership.supported.id"));
    }

    @Test
    void aPlannedProgrammeKeepsItsMonthAndYear() {
        JsonPath body = ok(upsert(programme("test-w-s-planned")));
        assertEquals(2025, body.getInt("data.upsertProgramme.programme.year"));
        assertEquals("2025-10", body.getString("data.upsertProgramme.programme.date"));
        assertEquals("MONTH", body.getString("data.upsertProgramme.programme.datePrecision"));
        assertEquals("PLANNED", body.getString("data.upsertProgramme.programme.progress"));

        JsonPath done = ok(upsert(Map.of("id", "test-w-s-planned", "progress", "DONE", "endDate", "2025-12-20")));
        assertEquals("DONE", done.getString("data.upsertProgramme.programme.progress"));
        assertEquals("2025-10", done.getString("data.upsertProgramme.programme.date"), "an update keeps the date");
        assertEquals("2025-12-20", done.getString("data.upsertProgramme.programme.endDate"));
    }

    @Test
    void badStatusesAndDatesAreRefusedNamingTheFieldAndNothingIsWritten() {
        String school = school("test-w-s-invalid");
        Snapshot before = snapshot();

        assertError(create(pairing(school, "statusDate", "2023-13")), "BAD_USER_INPUT",
                "input.statusDate: '2023-13' is not a date");
        assertError(create(pairing(school, "statusDate", "2023-02-30")), "BAD_USER_INPUT",
                "input.statusDate: '2023-02-30' is not a date");
        assertError(create(pairing(school, "statusSource", null)), "BAD_USER_INPUT",
                "input.statusDate: a status date needs the source that states it");
        assertError(create(pairing(school, "statusSource", null, "statusDate", null)), "BAD_USER_INPUT",
                "input.statusSource: a status needs the source that states it");
        assertError(create(pairing(school, "status", null)), "BAD_USER_INPUT",
                "input.statusDate: a status date needs the status it dates");
        assertError(create(pairing(school, "statusSource", Map.of("documentId", "doc-nothing", "quote", "对接中"))),
                "BAD_USER_INPUT", "input.statusSource.documentId: unknown document 'doc-nothing'");
        assertError(create(pairing(school, "statusSource", Map.of("documentId", WriteFixture.DOCUMENT, "quote", " "))),
                "BAD_USER_INPUT", "input.statusSource.quote");
        assertError(create(pairing(school, "status", "MAYBE")), "BAD_USER_INPUT", "MAYBE");

        assertError(upsert(programme("test-w-s-bad", "date", "2025-13")), "BAD_USER_INPUT",
                "input.date: '2025-13' is not a date");
        assertError(upsert(programme("test-w-s-bad", "date", "2025-02-30")), "BAD_USER_INPUT",
                "input.date: '2025-02-30' is not a date");
        assertError(upsert(programme("test-w-s-bad", "date", "2024-10")), "BAD_USER_INPUT",
                "input.date: '2024-10' is not in year 2025");
        assertError(upsert(programme("test-w-s-bad", "endDate", "2025-09")), "BAD_USER_INPUT",
                "input.endDate: '2025-09' is before date '2025-10'");

        assertEquals(before, snapshot());
    }
}
