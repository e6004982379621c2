package org.partnergraph.timeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.partnergraph.testing.Responses.assertError;
import static org.partnergraph.testing.Responses.ok;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.partnergraph.testing.GraphQLClient;
import org.partnergraph.testing.GraphRunsClient;
import org.partnergraph.testing.Snapshot;
import org.partnergraph.testing.WriteFixture;
import org.partnergraph.testing.WriteTest;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * The status history of partnerships and agreements: seeded statements served, setPartnershipStatus and
 * setAgreementStatus add one (status becomes the latest dated, the timeline lists each), every bad input refused
 * whole naming its field, ENDED kept consistent with endPartnership, and a rebuild from the log reproducing it.
 */
@QuarkusTest
class StatusHistoryTest extends WriteTest {

    static final GraphQLClient EDITOR = GraphQLClient.as("eddie", "editor");
    static final GraphQLClient ADMIN = GraphQLClient.as("root", "admin");
    static final GraphQLClient ANONYMOUS = GraphQLClient.anonymous();
    static final String CHUXIONG_PAIRING = "rel-sumhs-paired-with-chuxiong-medical-college";
    static final String HU_DIAN_AGREEMENT = "agr-2018-2020-hu-dian-education-poverty-cooperation";

    /** A new agreement without a status, party test-w-college. */
    String agreement(String id) {
        WriteFixture.loadAgreement(datasets, id);
        return id;
    }

    /** A pairing of the college with a new school, stated IN_COORDINATION in 2025-04 (createPartnership). */
    static String coordinatedPairing(String school) {
        StatusAndDateWritesTest.school(school);
        return ok(StatusAndDateWritesTest.create(StatusAndDateWritesTest.pairing(school)))
                .getString("data.createPartnership.partnership.id");
    }

    static JsonPath set(String partnershipId, Object... fields) {
        return EDITOR.file("timeline/setPartnershipStatus", variables("partnershipId", partnershipId, fields));
    }

    static JsonPath setAgreement(String agreementId, Object... fields) {
        return EDITOR.file("timeline/setAgreementStatus", variables("agreementId", agreementId, fields));
    }

    /** The input with {@code fields} changed, and the idempotency key when one of them is "key". */
    static Map<String, Object> variables(String idField, String id, Object... fields) {
        Map<String, Object> variables = new HashMap<>();
        Map<String, Object> input = input(idField, id, fields);
        if (input.containsKey("key")) {
            variables.put("key", input.remove("key"));
        }
        variables.put("input", input);
        return variables;
    }

    /** An ACTIVE statement on 2025-09-01 from the write fixture's document, with {@code fields} changed (null: left out). */
    static Map<String, Object> input(String idField, String id, Object... fields) {
        return WriteFixture.input(Map.of(idField, id, "status", "ACTIVE", "statusDate", "2025-09-01",
                "source", WriteFixture.source("已签署协议")), fields);
    }

    static List<Map<String, Object>> entries(JsonPath body) {
        return body.getList("data.timeline.edges.node");
    }

    static JsonPath timelineOf(String organizationId) {
        return ok(ANONYMOUS.file("timeline/timeline", Map.of("filter", Map.of("organizationId", organizationId,
                "kind", List.of("PARTNERSHIP_STATUS", "AGREEMENT_STATUS")), "first", 100)));
    }

    @Test
    void theSeededChuxiongPairingAndHuDianAgreementServeTheirHistories() {
        JsonPath body = ok(ANONYMOUS.file("timeline/statusHistory", Map.of("id", "chuxiong-medical-college")));
        List<Map<String, Object>> supporters = body.getList("data.supportersOf");
        Map<String, Object> pairing = supporters.stream().filter(p -> CHUXIONG_PAIRING.equals(p.get("id"))).findFirst()
                .orElseThrow(() -> new AssertionError(supporters.toString()));
        // D2023: "目前省上正在与上海方对接中", on the reply's date.
        assertEquals(List.of(Map.of("status", "IN_COORDINATION", "date", "2023-07-30", "precision", "DAY",
                "citations", List.of(Map.of("quote", "目前省上正在与上海方对接中", "implied", false,
                        "document", Map.of("id", "doc-2023-chu-jiaofu-31"))))), pairing.get("statusHistory"));
        assertEquals("IN_COORDINATION", pairing.get("status"));
        // D2018: the 2018-2020 agreement both sides signed.
        JsonPath agreement = ok(ANONYMOUS.file("timeline/agreementHistory", Map.of("id", HU_DIAN_AGREEMENT)));
        assertEquals(List.of("ACTIVE"), agreement.getList("data.node.statusHistory.status"));
        assertEquals(List.of("2018-08-13"), agreement.getList("data.node.statusHistory.date"));
        assertEquals(List.of("DAY"), agreement.getList("data.node.statusHistory.precision"));
    }

    @Test
    void aRecordedStatusChangeJoinsTheHistoryBecomesTheStatusAndIsOnTheTimeline() {
        String school = "test-w-h-change";
        String id = coordinatedPairing(school);

        JsonPath active = ok(set(id));
        assertEquals("APPLIED", active.getString("data.setPartnershipStatus.change.status"));
        assertEquals("SET_PARTNERSHIP_STATUS", active.getString("data.setPartnershipStatus.change.kind"));
        assertEquals(id, active.getString("data.setPartnershipStatus.change.targetId"));
        assertEquals("ACTIVE", active.getString("data.setPartnershipStatus.partnership.status"));
        assertEquals("2025-09-01", active.getString("data.setPartnershipStatus.partnership.statusDate"));
        assertEquals(List.of("已签署协议"), active.getList("data.setPartnershipStatus.partnership.statusCitations.quote"));
        assertEquals(List.of("IN_COORDINATION", "ACTIVE"),
                active.getList("data.setPartnershipStatus.partnership.statusHistory.status"));
        assertEquals(List.of("2025-04", "2025-09-01"), active.getList("data.setPartnershipStatus.partnership.statusHistory.date"));
        assertEquals(List.of("MONTH", "DAY"), active.getList("data.setPartnershipStatus.partnership.statusHistory.precision"));
        assertEquals(List.of(List.of("对接中"), List.of("已签署协议")),
                active.getList("data.setPartnershipStatus.partnership.statusHistory.citations.quote"));

        // A document found later states an earlier status: it takes its place by date; the status stays the latest.
        JsonPath earlier = ok(set(id, "status", "PROPOSED", "statusDate", "2025", "source",
                Map.of("documentId", WriteFixture.SECOND_DOCUMENT, "quote", "建议结对")));
        assertEquals("ACTIVE", earlier.getString("data.setPartnershipStatus.partnership.status"));
        assertEquals("2025-09-01", earlier.getString("data.setPartnershipStatus.partnership.statusDate"));
        assertEquals(List.of("PROPOSED", "IN_COORDINATION", "ACTIVE"),
                earlier.getList("data.setPartnershipStatus.partnership.statusHistory.status"));

        // The timeline lists every statement in date order; the first keeps the id it always had.
        List<Map<String, Object>> entries = entries(timelineOf(school));
        assertEquals(List.of("status~" + id + "~2", "status~" + id, "status~" + id + "~1"),
                entries.stream().map(e -> e.get("id")).toList());
        assertEquals(List.of("PROPOSED", "IN_COORDINATION", "ACTIVE"), entries.stream().map(e -> e.get("status")).toList());
        assertEquals(List.of("2025", "2025-04", "2025-09-01"), entries.stream().map(e -> e.get("date")).toList());
        assertEquals(List.of(List.of("建议结对"), List.of("对接中"), List.of("已签署协议")),
                timelineOf(school).getList("data.timeline.edges.node.citations.quote"));
        assertEquals(List.of("ACTIVE", "ACTIVE", "ACTIVE"),
                timelineOf(school).getList("data.timeline.edges.node.partnership.status"), "each entry's partnership is as it is now");
    }

    @Test
    void aPartnershipWithoutAStatusGetsItsFirstStatementUnderTheFirstTimelineId() {
        String school = StatusAndDateWritesTest.school("test-w-h-first");
        String id = ok(StatusAndDateWritesTest.create(StatusAndDateWritesTest.pairing(school, "status", null,
                "statusDate", null, "statusSource", null))).getString("data.createPartnership.partnership.id");
        JsonPath body = ok(set(id, "status", "IN_COORDINATION", "statusDate", "2025-05"));
        assertEquals("IN_COORDINATION", body.getString("data.setPartnershipStatus.partnership.status"));
        assertEquals(List.of("2025-05"), body.getList("data.setPartnershipStatus.partnership.statusHistory.date"));
        assertEquals(List.of("status~" + id), timelineOf(school).getList("data.timeline.edges.node.id"));
    }

    @Test
    void anAgreementsStatusChangeJoinsItsHistoryAndTheTimeline() {
        String agreement = agreement("test-w-h-agreement");
        JsonPath first = ok(setAgreement(agreement, "status", "PROPOSED", "statusDate", "2025-03",
                "source", WriteFixture.source("拟签协议")));
        assertEquals("SET_AGREEMENT_STATUS", first.getString("data.setAgreementStatus.change.kind"));
        assertEquals("PROPOSED", first.getString("data.setAgreementStatus.agreement.status"));
        JsonPath second = ok(setAgreement(agreement));
        assertEquals("ACTIVE", second.getString("data.setAgreementStatus.agreement.status"));
        assertEquals(List.of("PROPOSED", "ACTIVE"), second.getList("data.setAgreementStatus.agreement.statusHistory.status"));
        assertEquals(List.of(List.of("拟签协议"), List.of("已签署协议")),
                second.getList("data.setAgreementStatus.agreement.statusHistory.citations.quote"));
        List<String> ids = timelineOf(WriteFixture.COLLEGE).getList("data.timeline.edges.node.id");
        assertTrue(ids.containsAll(List.of("status~" + agreement, "status~" + agreement + "~1")),
                ids::toString);
    }

    @Test
    void badStatementsAreRefusedNamingTheFieldAndNothingIsWritten() {
        String id = coordinatedPairing("test-w-h-invalid");
        String agreement = agreement("test-w-h-invalid-agreement");
        Snapshot before = snapshot();

        assertError(set("rel-nothing"), "NOT_FOUND", "input.partnershipId: no PAIRED_WITH, SUPPORTS or CO_BUILDS");
        assertError(setAgreement("agr-nothing"), "NOT_FOUND", "input.agreementId: no agreement has the id 'agr-nothing'");
        assertError(setAgreement(WriteFixture.COLLEGE), "NOT_FOUND", "input.agreementId");
        for (String date : List.of("2025-13", "2025-02-30", "25", "2025-9-1", "")) {
            assertError(set(id, "statusDate", date), "BAD_USER_INPUT", "input.statusDate: '" + date + "' is not a date");
        }
        assertError(setAgreement(agreement, "statusDate", "2025-02-30"), "BAD_USER_INPUT",
                "input.statusDate: '2025-02-30' is not a date");
        assertError(set(id, "source", Map.of("documentId", WriteFixture.DOCUMENT, "quote", " ")), "BAD_USER_INPUT",
                "input.source.quote: a short supporting quote is required");
        assertError(set(id, "source", Map.of("documentId", "doc-nothing", "quote", "已签署")), "BAD_USER_INPUT",
                "input.source.documentId: unknown document 'doc-nothing'");
        assertError(set(id, "source", null), "BAD_USER_INPUT", "source");
        assertError(set(id, "source", Map.of("documentId", WriteFixture.DOCUMENT)), "BAD_USER_INPUT", "quote");
        assertError(set(id, "status", "MAYBE"), "BAD_USER_INPUT", "MAYBE");
        // The same status on the same date from the same document: already stated (another quote changes nothing).
        assertError(set(id, "status", "IN_COORDINATION", "statusDate", "2025-04", "source", WriteFixture.source("另一句")),
                "BAD_USER_INPUT", "input: IN_COORDINATION on 2025-04 is already stated by the same document");
        // A status does not end a partnership.
        assertError(set(id, "status", "ENDED"), "BAD_USER_INPUT", "input.status: ENDED, but '" + id + "' has not ended");

        assertEquals(before, snapshot());
    }

    @Test
    void endedFollowsEndPartnershipAndNothingElseIsStatedAfterTheEnd() {
        String id = coordinatedPairing("test-w-h-ended");
        ok(EDITOR.file("partnership/endPartnership", Map.of("input", Map.of("id", id, "until", "2026-06",
                "reason", "期满"))));
        Snapshot before = snapshot();
        assertError(set(id, "status", "ACTIVE", "statusDate", "2026-07"), "BAD_USER_INPUT",
                "input.statusDate: '2026-07' is after the partnership ended (2026-06): only ENDED may be stated then");
        assertError(set(id, "status", "ENDED", "statusDate", "2026-05-31"), "BAD_USER_INPUT",
                "input.statusDate: '2026-05-31' is before the partnership ended (2026-06)");
        assertEquals(before, snapshot());

        JsonPath ended = ok(set(id, "status", "ENDED", "statusDate", "2026-06-30", "source", WriteFixture.source("协议期满")));
        assertEquals("ENDED", ended.getString("data.setPartnershipStatus.partnership.status"));
        assertEquals("2026-06", ended.getString("data.setPartnershipStatus.partnership.until"));
        assertEquals(List.of("IN_COORDINATION", "ENDED"),
                ended.getList("data.setPartnershipStatus.partnership.statusHistory.status"));
        // Before its end any status may still be stated.
        ok(set(id, "status", "ACTIVE", "statusDate", "2026-01"));
    }

    @Test
    void createPartnershipKeepsAStatusConsistentWithItsEnd() {
        String school = StatusAndDateWritesTest.school("test-w-h-create-ended");
        Snapshot before = snapshot();
        assertError(StatusAndDateWritesTest.create(StatusAndDateWritesTest.pairing(school, "status", "ENDED")),
                "BAD_USER_INPUT", "input.status: ENDED, but the partnership has not ended");
        assertError(StatusAndDateWritesTest.create(StatusAndDateWritesTest.pairing(school, "status", "ACTIVE",
                "until", "2025-03")), "BAD_USER_INPUT", "input.statusDate: '2025-04' is after the partnership ended (2025-03)");
        assertEquals(before, snapshot());
        JsonPath ended = ok(StatusAndDateWritesTest.create(StatusAndDateWritesTest.pairing(school, "status", "ENDED",
                "until", "2025-04")));
        assertEquals("ENDED", ended.getString("data.createPartnership.partnership.status"));
    }

    @Test
    void aRetriedStatementWithItsKeyAnswersTheFirstChange() {
        String id = coordinatedPairing("test-w-h-retry");
        Map<String, Object> variables = Map.of("input", input("partnershipId", id), "key", "test-h-retry");
        JsonPath first = ok(EDITOR.file("timeline/setPartnershipStatus", variables));
        JsonPath again = ok(EDITOR.file("timeline/setPartnershipStatus", variables));
        assertEquals(first.getString("data.setPartnershipStatus.change.id"), again.getString("data.setPartnershipStatus.change.id"));
        assertEquals(List.of("IN_COORDINATION", "ACTIVE"),
                again.getList("data.setPartnershipStatus.partnership.statusHistory.status"));
    }

    @Test
    void anonymousAndViewersCannotStateAStatus() {
        String id = coordinatedPairing("test-w-h-roles");
        String agreement = agreement("test-w-h-roles-agreement");
        Snapshot before = snapshot();
        Map<String, Object> variables = Map.of("input", input("partnershipId", id));
        assertError(ANONYMOUS.file("timeline/setPartnershipStatus", variables), "UNAUTHENTICATED", "editor");
        assertError(GraphQLClient.as("victor", "viewer").file("timeline/setPartnershipStatus", variables), "FORBIDDEN",
                "editor");
        Map<String, Object> statement = Map.of("input", input("agreementId", agreement));
        assertError(ANONYMOUS.file("timeline/setAgreementStatus", statement), "UNAUTHENTICATED", "editor");
        assertError(GraphQLClient.as("victor", "viewer").file("timeline/setAgreementStatus", statement), "FORBIDDEN",
                "editor");
        assertEquals(before, snapshot());
    }

    @Test
    void aRebuildFromTheLogReproducesEveryHistory() {
        String id = coordinatedPairing("test-w-h-rebuild");
        String agreement = agreement("test-w-h-rebuild-agreement");
        ok(set(id, "key", "test-h-rebuild-active"));
        ok(setAgreement(agreement, "status", "ENDED", "statusDate", "2026",
                "source", WriteFixture.source("协议终止"), "key", "test-h-rebuild-agreement"));
        Map<String, Object> variables = Map.of("id", "test-w-h-rebuild", "filter", Map.of("organizationId",
                WriteFixture.COLLEGE));
        String live = ok(ANONYMOUS.file("timeline/statusHistory", variables)).prettify()
                + ok(ANONYMOUS.file("timeline/agreementHistory", Map.of("id", agreement))).prettify();
        Snapshot graph = snapshot();

        assertEquals("DONE", GraphRunsClient.rebuild(ADMIN).get("status"));

        assertEquals(graph, snapshot());
        assertEquals(live, ok(ANONYMOUS.file("timeline/statusHistory", variables)).prettify()
                + ok(ANONYMOUS.file("timeline/agreementHistory", Map.of("id", agreement))).prettify());
        assertTrue(live.contains("status~" + id + "~1") && live.contains("\"ENDED\""), live);
    }

    /**
     * A graph written before histories were kept (its changes' stored effects carry the status alone, and a rebuild
     * replays them as stored) has one statement: the status, under the timeline id it always had.
     */
    @Test
    void aStatusWrittenBeforeHistoriesIsItsOneStatement() {
        String school = "test-w-h-legacy";
        String id = coordinatedPairing(school);
        String forget = "MATCH ()-[r {id: $id}]->() WITH r, [r.statusHistoryStatuses, r.statusHistoryDates, "
                + "r.statusHistoryCitations] AS kept REMOVE r.statusHistoryStatuses, r.statusHistoryDates, "
                + "r.statusHistoryCitations RETURN kept";
        List<Object> kept = graph.write(tx -> tx.single(forget, Map.of("id", id), r -> r.get("kept").asList()))
                .orElseThrow();
        try {
            JsonPath body = ok(ANONYMOUS.file("timeline/statusHistory", Map.of("id", school,
                    "filter", Map.of("organizationId", school))));
            assertEquals(List.of(List.of(Map.of("status", "IN_COORDINATION", "date", "2025-04", "precision", "MONTH",
                    "citations", List.of(Map.of("quote", "对接中", "implied", false,
                            "document", Map.of("id", WriteFixture.DOCUMENT)))))),
                    body.getList("data.supportersOf.statusHistory"));
            assertEquals(List.of("status~" + id), body.getList("data.timeline.edges.node.id"));
            assertEquals(List.of(List.of("对接中")), body.getList("data.timeline.edges.node.citations.quote"));
        } finally {
            graph.write(tx -> tx.run("MATCH ()-[r {id: $id}]->() SET r.statusHistoryStatuses = $kept[0], "
                    + "r.statusHistoryDates = $kept[1], r.statusHistoryCitations = $kept[2]", Map.of("id", id, "kept", kept)));
        }
    }
}
