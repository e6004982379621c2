package org.partnergraph.change;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.partnergraph.testing.Responses.assertError;
import static org.partnergraph.testing.Responses.ok;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.partnergraph.graph.Graph;
import org.partnergraph.testing.GraphQLClient;
import org.partnergraph.testing.GraphRunsClient;
import org.partnergraph.testing.Snapshot;
import org.partnergraph.testing.WriteFixture;
import org.partnergraph.testing.WriteTest;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** The graph can always be rebuilt from the change log alone, and replayed from any point, to the same graph. */
@QuarkusTest
class RebuildTest extends WriteTest {

    static final GraphQLClient ADMIN = GraphQLClient.as("root", "admin");
    static final GraphQLClient EDITOR = GraphQLClient.as("eddie", "editor");

    @Inject
    Records records;

    @Inject
    ChangeRepository changes;

    @Inject
    GraphRunRepository runs;

    /** Every kind of change is in the log before the rebuild: imports, creates, updates, ends, status statements. */
    @BeforeEach
    void writes() {
        ok(EDITOR.file("organization/upsertOrganization", Map.of("input", Map.of("id", "test-w-rebuild-school",
                "name", "写测重建学校", "kind", "SCHOOL", "regionId", WriteFixture.COUNTY, "source", WriteFixture.source("写测")),
                "key", "test-rebuild-school")));
        ok(EDITOR.file("organization/upsertOrganization", Map.of("input", Map.of("id", "test-w-rebuild-school",
                "regionId", WriteFixture.EAST, "nameEn", "Rebuild School"), "key", "test-rebuild-school-moved")));
        JsonPath paired = EDITOR.file("partnership/createPartnership", Map.of("input", Map.of("kind", "PAIRED_WITH",
                "supporterId", WriteFixture.EAST_COLLEGE, "supportedId", "test-w-rebuild-school", "since", "2025",
                "source", WriteFixture.source("结对"), "facts", List.of(Map.of("name", "ACTIVITIES", "value", "跟岗研修",
                        "source", WriteFixture.source("结对跟岗研修")))), "key", "test-rebuild-pairing"));
        String pairing = ok(paired).getString("data.createPartnership.change.targetId");
        ok(EDITOR.file("timeline/setPartnershipStatus", Map.of("input", Map.of("partnershipId", pairing,
                "status", "ACTIVE", "statusDate", "2025-03", "source", WriteFixture.source("结对")), "key",
                "test-rebuild-active")));
        ok(EDITOR.file("partnership/endPartnership", Map.of("input", Map.of("id", pairing, "until", "2026",
                "reason", "期满"), "key", "test-rebuild-ended")));
        ok(EDITOR.file("timeline/setPartnershipStatus", Map.of("input", Map.of("partnershipId", pairing,
                "status", "ENDED", "statusDate", "2026", "source", WriteFixture.source("期满")), "key",
                "test-rebuild-status-ended")));
        WriteFixture.loadAgreement(datasets, "test-w-rebuild-agreement");
        ok(EDITOR.file("timeline/setAgreementStatus", Map.of("input", Map.of("agreementId", "test-w-rebuild-agreement",
                "status", "PROPOSED", "statusDate", "2025", "source", WriteFixture.source("写测")), "key",
                "test-rebuild-agreement-status")));
        ok(EDITOR.file("programme/upsertProgramme", Map.of("input", Map.of("id", "test-w-rebuild-programme",
                "name", "写测重建培训", "category", "TRAINING", "mode", "OTHER", "fundingWan", 3.5,
                "implementerIds", List.of(WriteFixture.EAST_COLLEGE), "targetIds", List.of("test-w-rebuild-school"),
                "source", WriteFixture.source("写测"), "facts", List.of(Map.of("name", "SUBJECTS", "value", "小学数学",
                        "source", WriteFixture.source("写测小学数学")))), "key", "test-rebuild-programme")));
        ok(EDITOR.file("programme/upsertProgramme", Map.of("input", Map.of("id", "test-w-rebuild-programme",
                "date", "2025-10", "dateQualifier", "左右", "endDate", "2025-12", "endDateQualifier", "预计"),
                "key", "test-rebuild-programme-dated")));
    }

    @Test
    void theRebuiltGraphEqualsTheLiveOne() {
        Snapshot live = snapshot();

        Map<String, Object> rebuilt = GraphRunsClient.rebuild(ADMIN);

        Snapshot after = snapshot();
        assertEquals(live.nodes().size(), after.nodes().size());
        assertEquals(live.relationships().size(), after.relationships().size());
        assertEquals(live, after, "same nodes, relationships and properties");
        assertEquals("DONE", rebuilt.get("status"));
        assertEquals("REBUILD", rebuilt.get("kind"));
        assertEquals("root", rebuilt.get("requestedBy"), "the admin's subject");
        assertEquals((long) live.nodes().size(), number(rebuilt, "nodes"));
        assertEquals((long) live.relationships().size(), number(rebuilt, "relationships"));
        assertEquals(live.changes(), number(rebuilt, "changesApplied"));
        assertTrue(live.nodes().size() > 300, "the curated dataset and the test writes: " + live.nodes().size());
        assertTrue(live.toString().contains("结对跟岗研修") && live.toString().contains("写测小学数学"),
                "the facts of the writes are in the graph the rebuild reproduced");
        assertTrue(live.toString().contains("dateQualifier=左右") && live.toString().contains("endDateQualifier=预计"),
                "the date qualifiers of the writes are in the graph the rebuild reproduced: " + live);
    }

    @Test
    void replayingFromAnyPointChangesNothing() {
        Snapshot live = snapshot();

        Map<String, Object> all = GraphRunsClient.replay(ADMIN, "0");
        assertEquals("REPLAY", all.get("kind"));
        assertEquals(live.changes(), number(all, "changesApplied"));
        assertEquals(live, snapshot());

        Map<String, Object> lacking = GraphRunsClient.replay(ADMIN, null);
        assertEquals(0L, number(lacking, "changesApplied"), "the graph lacks nothing");
        assertEquals(String.valueOf(live.changes()), lacking.get("lastChange"));
    }

    @Test
    void onlyAdminsRebuildOrReplay() {
        assertError(GraphQLClient.anonymous().file("change/rebuildGraph"), "UNAUTHENTICATED", "admin");
        assertError(EDITOR.file("change/rebuildGraph"), "FORBIDDEN", "admin");
        assertError(EDITOR.file("change/replayChanges", Map.of("after", "0")), "FORBIDDEN", "admin");
        assertError(ADMIN.file("change/replayChanges", Map.of("after", "-1")), "BAD_USER_INPUT", "after");
        assertError(ADMIN.file("change/replayChanges", Map.of("after", "99999999")), "BAD_USER_INPUT", "after: must be a change id from 0 to");
        assertError(ADMIN.file("change/rebuildGraph", Map.of("wait", -1)), "BAD_USER_INPUT", "waitSeconds: must be from 0 to 60");
        assertError(ADMIN.file("change/replayChanges", Map.of("wait", 61)), "BAD_USER_INPUT", "waitSeconds: must be from 0 to 60");
        assertError(GraphQLClient.anonymous().file("change/graphRun", Map.of("id", "1")), "UNAUTHENTICATED", "admin");
        assertError(EDITOR.file("change/graphRun", Map.of("id", "1")), "FORBIDDEN", "admin");
        assertError(ADMIN.file("change/graphRun", Map.of("id", "run-1")), "BAD_USER_INPUT", "id");
        assertNull(ok(ADMIN.file("change/graphRun", Map.of("id", "987654321"))).get("data.graphRun"), "no such run");
    }

    /**
     * A run that takes longer than the client waits answers RUNNING and goes on; graphRun follows it to DONE, and
     * a second request while it runs answers the same run instead of starting another. The run is held up by the
     * projector's lock, taken here as another replica's drain would.
     */
    @Test
    void aRunLongerThanTheWaitAnswersRunningAndGraphRunFollowsItToItsEnd() throws Exception {
        Snapshot live = snapshot();
        CountDownLatch held = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Thread drain = new Thread(() -> records.transaction(c -> {
            changes.lock(c, ChangeRepository.PROJECTOR_LOCK);
            held.countDown();
            try {
                release.await(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return null;
        }));
        drain.start();
        assertTrue(held.await(30, TimeUnit.SECONDS));
        Map<String, Object> started;
        try {
            started = ok(ADMIN.file("change/rebuildGraph", Map.of("wait", 1))).getMap("data.rebuildGraph");
            assertEquals("RUNNING", started.get("status"), "" + started);
            assertNull(started.get("finishedAt"));
            Map<String, Object> again = ok(ADMIN.file("change/replayChanges", Map.of("wait", 0))).getMap("data.replayChanges");
            assertEquals(started.get("id"), again.get("id"), "one run at a time: the one going on answers");
            assertEquals("RUNNING", again.get("status"));
            assertEquals("RUNNING", ok(ADMIN.file("change/graphRun", Map.of("id", started.get("id"))))
                    .getString("data.graphRun.status"));
        } finally {
            release.countDown();
            drain.join();
        }
        Map<String, Object> ended = GraphRunsClient.follow(ADMIN, started);
        assertEquals("DONE", ended.get("status"), "" + ended);
        assertTrue(ended.get("finishedAt") != null);
        assertEquals((long) live.nodes().size(), number(ended, "nodes"));
        assertEquals(live, snapshot(), "the rebuilt graph");
    }

    /** A RUNNING run whose replica is gone (nobody holds its lock) reads INTERRUPTED, and the next run can start. */
    @Test
    void aRunWhoseReplicaStoppedIsInterruptedAndAnotherCanStart() {
        long orphan = records.transaction(c -> {
            long id = runs.nextId(c);
            runs.insert(c, id, GraphRun.Kind.REBUILD, "root", 0);
            return id;
        });
        Map<String, Object> seen = ok(ADMIN.file("change/graphRun", Map.of("id", String.valueOf(orphan))))
                .getMap("data.graphRun");
        assertEquals("INTERRUPTED", seen.get("status"), "" + seen);
        assertTrue(seen.get("finishedAt") != null, "when it was noticed");

        records.transaction(c -> {
            long id = runs.nextId(c);
            runs.insert(c, id, GraphRun.Kind.REPLAY, "root", 0);
            return id;
        });
        Map<String, Object> next = GraphRunsClient.rebuild(ADMIN);
        assertEquals("DONE", next.get("status"), "the cut-short run did not block the next: " + next);
    }

    private static long number(Map<String, Object> run, String field) {
        return ((Number) run.get(field)).longValue();
    }
}
