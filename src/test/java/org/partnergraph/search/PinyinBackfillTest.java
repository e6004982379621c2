package org.partnergraph.search;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.partnergraph.search.PinyinWritesTest.found;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Value;
import org.neo4j.driver.exceptions.ServiceUnavailableException;
import org.partnergraph.graph.GraphReady;
import org.partnergraph.testing.WriteTest;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The backfill of search pinyin runs behind the start, not in it: the start-up hook returns while a pass is
 * held mid-way, and the service answers meanwhile; a pass cut short (a stop, a Neo4j failure) resumes after the
 * last batch it committed, not from the first id; what it derives is what the writer stores.
 */
@QuarkusTest
class PinyinBackfillTest extends WriteTest {

    /** Last in id order, so a pass started just before them walks only these. */
    static final String PREFIX = "zzzz-test-backfill-";
    static final Duration WAIT = Duration.ofSeconds(60);
    static final String RUNNING = "partnergraph_search_pinyin_backfill_running";
    static final String BACKFILLED = "partnergraph_search_pinyin_backfilled_total";

    @Inject
    PinyinBackfill backfill;

    @Inject
    SearchRepository repository;

    @AfterEach
    void leaveTheBackfillAsTheStartLeftIt() {
        assertTrue(backfill.awaitEnd(WAIT), "no pass left running");
        backfill.setBeforeBatch(after -> {
        });
        backfill.setBatch(PinyinBackfill.BATCH);
        backfill.setFirstRetry(PinyinBackfill.FIRST_RETRY);
        graph.write(tx -> {
            tx.run("MATCH (n:Entity) WHERE n.id STARTS WITH $prefix DETACH DELETE n", Map.of("prefix", PREFIX));
            return null;
        });
        repository.markPinyinBackfilled();
    }

    /**
     * A graph whose pass has not ended (here: just begun) at start: GraphReady's observer returns while the pass
     * is held at its first batch (on another thread: held on the start-up thread, it fails at once), and
     * meanwhile readiness is UP, /q/metrics shows it running and search answers, by Chinese name, not yet by
     * pinyin. Released, the pass gives the node the values the writer stores for a node of the same names.
     */
    @Test
    void theStartDoesNotWaitForThePassAndSearchAnswersMeanwhile() throws InterruptedException {
        String writer = "test-w-backfill-writer-school";
        PinyinWritesTest.upsert(writer, "写测后台学校", "写测后台校");
        String old = PREFIX + "old-school";
        createWithoutPinyin(old, "写测后台学校", List.of("写测后台校"));
        graph.write(tx -> {
            tx.run("MERGE (m:__Backfill {id: 'search-pinyin'}) SET m.after = ''", Map.of());
            return null;
        });
        Thread start = Thread.currentThread();
        CountDownLatch held = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        backfill.setBeforeBatch(after -> {
            assertNotSame(start, Thread.currentThread(), "the pass runs on the start-up thread");
            held.countDown();
            try {
                assertTrue(release.await(WAIT.toSeconds(), TimeUnit.SECONDS), "released");
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });

        double backfilledBefore = metric(BACKFILLED);
        backfill.onGraphReady(new GraphReady());
        try {
            assertTrue(held.await(WAIT.toSeconds(), TimeUnit.SECONDS), "the pass began in the background");
            assertTrue(backfill.passing());
            assertEquals(1, metric(RUNNING), RUNNING);
            given().get("/q/health/ready").then().statusCode(200);
            assertTrue(found("写测后台学校").contains(old), "found by its Chinese name meanwhile");
            assertFalse(found("xiece houtai xuexiao").contains(old), "not by pinyin: the pass has not reached it");
            assertFalse(repository.pinyinBackfilled());
        } finally {
            release.countDown();
        }
        assertTrue(backfill.awaitEnd(WAIT), "the pass ended");

        assertTrue(repository.pinyinBackfilled(), "the pass ended and marked the graph");
        assertEquals(0, metric(RUNNING), RUNNING);
        assertTrue(metric(BACKFILLED) - backfilledBefore >= 1, BACKFILLED);
        assertTrue(found("xiece houtai xuexiao").contains(old), "found by pinyin once the pass is done");
        Map<String, Object> stored = derived(writer);
        assertEquals(SearchNames.derive("写测后台学校", List.of("写测后台校")), stored, "the writer's values");
        assertEquals(stored, derived(old), "the backfill's values are the writer's");
    }

    /**
     * A pass stopped by the shutdown while its second batch runs leaves the marker at the last id that batch did; the
     * next pass begins there: a node before it whose pinyin is gone again is not looked at, the rest are done.
     */
    @Test
    void aStoppedPassResumesAfterTheLastBatchItCommitted() {
        List<String> ids = seedAfterTheMarker(5);
        List<String> afters = Collections.synchronizedList(new ArrayList<>());
        backfill.setBatch(2);
        backfill.setBeforeBatch(after -> {
            afters.add(after);
            if (after.equals(ids.get(1))) {
                backfill.onStop(new ShutdownEvent());
            }
        });
        backfill.start();
        assertTrue(backfill.awaitEnd(WAIT), "the pass stopped");

        assertEquals(List.of(PREFIX + "0", ids.get(1)), afters, "two batches, then the stop");
        assertEquals(new SearchRepository.Progress(false, ids.get(3)), repository.pinyinProgress());
        assertEquals(List.of(true, true, true, true, false), ids.stream().map(this::hasPinyin).toList());

        graph.write(tx -> {
            tx.run("MATCH (n:Entity {id: $id}) REMOVE n.namePinyin", Map.of("id", ids.get(0)));
            return null;
        });
        afters.clear();
        backfill.start();
        assertTrue(backfill.awaitEnd(WAIT), "the second pass ended");

        assertEquals(ids.get(3), afters.get(0), "resumed after the last id the stopped pass committed");
        assertEquals(List.of(false, true, true, true, true), ids.stream().map(this::hasPinyin).toList(),
                "the first node was not looked at again");
        assertTrue(repository.pinyinBackfilled());
    }

    /**
     * Neo4j failing mid-pass (the third batch's transaction) does not end the pass until the next start: it is
     * retried after a backoff, from the last batch committed, and ends.
     */
    @Test
    void aNeo4jFailureMidPassIsRetriedFromTheLastBatchCommitted() {
        List<String> ids = seedAfterTheMarker(5);
        List<String> afters = Collections.synchronizedList(new ArrayList<>());
        AtomicBoolean failed = new AtomicBoolean();
        backfill.setBatch(2);
        backfill.setFirstRetry(Duration.ofMillis(10));
        backfill.setBeforeBatch(after -> {
            afters.add(after);
            if (after.equals(ids.get(3)) && failed.compareAndSet(false, true)) {
                throw new ServiceUnavailableException("Neo4j went away (test)");
            }
        });
        backfill.start();
        assertTrue(backfill.awaitEnd(WAIT), "the pass ended");

        assertEquals(List.of(PREFIX + "0", ids.get(1), ids.get(3), ids.get(3)), afters,
                "the failed batch was tried again, not the pass from its start");
        assertEquals(List.of(true, true, true, true, true), ids.stream().map(this::hasPinyin).toList());
        assertTrue(repository.pinyinBackfilled());
    }

    /** The value of a series on /q/metrics (0 when it has none). */
    static double metric(String series) {
        return given().get("/q/metrics").then().statusCode(200).extract().asString().lines()
                .filter(line -> line.startsWith(series + " ")).mapToDouble(line -> Double.parseDouble(
                        line.substring(series.length()).trim().split("\\s+")[0])).findFirst().orElse(0);
    }

    /** {@code count} nodes without pinyin, PREFIX1..., and a marker saying a pass got up to PREFIX0. */
    private List<String> seedAfterTheMarker(int count) {
        List<String> ids = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            ids.add(PREFIX + i);
            createWithoutPinyin(PREFIX + i, "写测续跑学校" + i, List.of());
        }
        graph.write(tx -> {
            tx.run("MERGE (m:__Backfill {id: 'search-pinyin'}) SET m.after = $after", Map.of("after", PREFIX + "0"));
            return null;
        });
        return ids;
    }

    private void createWithoutPinyin(String id, String name, List<String> shortNames) {
        graph.write(tx -> {
            tx.run("CREATE (:Entity:Organization {id: $id, name: $name, shortNames: $shortNames, kind: 'SCHOOL'})",
                    Map.of("id", id, "name", name, "shortNames", shortNames));
            return null;
        });
    }

    private boolean hasPinyin(String id) {
        return graph.readSingle("MATCH (n:Entity {id: $id}) RETURN n.namePinyin IS NOT NULL AS has", Map.of("id", id),
                r -> r.get("has").asBoolean()).orElseThrow();
    }

    private Map<String, Object> derived(String id) {
        return graph.readSingle("MATCH (n:Entity {id: $id}) RETURN n {.namePinyin, .aliasPinyin, .nameInitials} AS p",
                Map.of("id", id), r -> r.get("p").asMap(Value::asObject)).orElseThrow();
    }
}
