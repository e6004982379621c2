package org.partnergraph.search;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;
import org.partnergraph.graph.GraphReady;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;

/**
 * Gives the nodes of a graph written before pinyin was derived (V0006__Pinyin_in_name_index) the same
 * derived properties the writer gives new ones, in batches, in a background thread started when the graph is
 * ready: on the 660k-node synthetic graph the pass held the start (HTTP, health, every request) for 14.5 minutes,
 * long past any startup probe, and a pod killed before the end began again from the first id. Meanwhile
 * search works; searching by pinyin misses the nodes not reached yet.
 * <p>
 * Resumable: each batch records in the graph's marker, in its own transaction, the last id it did, and a pass
 * starts after it (a stop at shutdown, a crash, a killed pod lose at most the batch under way, written again).
 * Once a pass has ended, the marker says so and later starts skip it. A Neo4j failure mid-pass is retried with
 * backoff ({@link #FIRST_RETRY} doubling to {@link #LAST_RETRY}) from where it stopped, rather than left to the
 * next start: a Neo4j restart or failover should not leave pinyin search incomplete until the next deployment.
 * Idempotent, so replicas starting together at worst write equal values twice.
 */
@ApplicationScoped
class PinyinBackfill {

    private static final Logger LOG = Logger.getLogger(PinyinBackfill.class);
    static final int BATCH = 1_000;
    static final Duration FIRST_RETRY = Duration.ofSeconds(1);
    static final Duration LAST_RETRY = Duration.ofMinutes(5);
    private static final Duration PROGRESS_EVERY = Duration.ofMinutes(1);
    /** A batch takes well under a second; a shutdown waits this long for the one under way to commit. */
    private static final Duration STOP_WAIT = Duration.ofSeconds(30);

    /** Called before each batch with the id it starts after: tests hold a pass there or fail it. */
    @FunctionalInterface
    interface BeforeBatch {
        void at(String after);
    }

    private final SearchRepository repository;
    private final AtomicLong derived = new AtomicLong();
    private final Object sleep = new Object();
    private volatile boolean passing;
    private volatile boolean stopping;
    private Thread worker;
    private volatile BeforeBatch beforeBatch = after -> {
    };
    private volatile Duration firstRetry = FIRST_RETRY;
    private volatile int batch = BATCH;

    PinyinBackfill(SearchRepository repository, MeterRegistry meters) {
        this.repository = repository;
        FunctionCounter.builder("partnergraph.search.pinyin.backfilled", derived, AtomicLong::get)
                .description("Nodes written before search pinyin existed that the backfill gave it since start")
                .register(meters);
        Gauge.builder("partnergraph.search.pinyin.backfill.running", this, b -> b.passing ? 1 : 0)
                .description("1 while a pass deriving search pinyin for older nodes runs").register(meters);
    }

    /** Starts the pass in the background and returns at once: start-up does not wait for it. */
    void onGraphReady(@Observes GraphReady ready) {
        start();
    }

    void onStop(@Observes ShutdownEvent event) {
        stop(STOP_WAIT);
    }

    /** For tests (through the bean's proxy, so methods): what runs before each batch, ... */
    void setBeforeBatch(BeforeBatch beforeBatch) {
        this.beforeBatch = beforeBatch;
    }

    /** ... the nodes a background batch takes ... */
    void setBatch(int batch) {
        this.batch = batch;
    }

    /** ... and the first wait before a failed pass is tried again. */
    void setFirstRetry(Duration firstRetry) {
        this.firstRetry = firstRetry;
    }

    /** Starts the background pass unless one is running. */
    synchronized void start() {
        if (worker != null && worker.isAlive()) {
            return;
        }
        stopping = false;
        worker = new Thread(this::work, "search-pinyin-backfill");
        worker.setDaemon(true);
        worker.start();
    }

    /**
     * Asks the background pass to stop after the batch under way (a transaction of its own, so none is left half
     * done) and waits for it at most {@code wait}; answers whether it has stopped.
     */
    boolean stop(Duration wait) {
        requestStop();
        return awaitEnd(wait);
    }

    /** Asks the background pass to stop after the batch under way, without waiting. */
    void requestStop() {
        stopping = true;
        synchronized (sleep) {
            sleep.notifyAll();
        }
    }

    /** Waits at most {@code wait} for the background pass to end; answers whether it has. */
    boolean awaitEnd(Duration wait) {
        Thread thread;
        synchronized (this) {
            thread = worker;
        }
        if (thread == null || thread == Thread.currentThread()) {
            return thread == null;
        }
        try {
            thread.join(Math.max(1, wait.toMillis()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return !thread.isAlive();
    }

    /** Whether a pass is under way (in the background or through {@link #run}). */
    boolean passing() {
        return passing;
    }

    private void work() {
        Duration retry = firstRetry;
        int failures = 0;
        while (!stopping) {
            try {
                SearchRepository.Progress progress = repository.pinyinProgress();
                if (!progress.done()) {
                    pass(progress.after(), batch, () -> stopping);
                }
                return;
            } catch (RuntimeException e) {
                if (stopping) {
                    LOG.debugf("Search pinyin backfill ended by the shutdown: %s", e.getMessage());
                    return;
                }
                failures++;
                if (failures == 1) {
                    LOG.warnf(e, "Deriving search pinyin for older nodes failed; retrying in %.2f s from where it stopped",
                            retry.toMillis() / 1000.0);
                } else {
                    LOG.warnf("Deriving search pinyin for older nodes failed again (%d times; %s); retrying in %.2f s",
                            failures, e.getMessage(), retry.toMillis() / 1000.0);
                }
                synchronized (sleep) {
                    try {
                        if (!stopping) {
                            sleep.wait(retry.toMillis());
                        }
                    } catch (InterruptedException interrupted) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                }
                retry = retry.multipliedBy(2).compareTo(LAST_RETRY) > 0 ? LAST_RETRY : retry.multipliedBy(2);
            }
        }
    }

    /** A whole pass from the first id, or from where the graph's marker says the last one stopped. */
    int run() {
        return run(BATCH);
    }

    int run(int size) {
        return pass(repository.pinyinProgress().after(), size, () -> false);
    }

    /**
     * The nodes after {@code after} in id order, {@code size} at a time, to the last one (then the graph is marked
     * done) or until {@code stop} says so; answers how many got pinyin.
     */
    private int pass(String after, int size, BooleanSupplier stop) {
        long start = System.nanoTime();
        long reported = start;
        long scanned = 0;
        int total = 0;
        if (after.isEmpty()) {
            LOG.info("Deriving search pinyin for nodes written before it existed");
        } else {
            LOG.infof("Deriving search pinyin for nodes written before it existed, resuming after %s", after);
        }
        passing = true;
        try {
            SearchRepository.Batch batch;
            do {
                if (stop.getAsBoolean()) {
                    LOG.infof("Search pinyin backfill stopped after %d nodes looked at and %d given pinyin; the next "
                            + "start resumes after %s", scanned, total, after);
                    return total;
                }
                beforeBatch.at(after);
                batch = repository.backfillPinyin(after, size);
                scanned += batch.scanned();
                total += batch.derived();
                derived.addAndGet(batch.derived());
                after = batch.last();
                if (System.nanoTime() - reported > PROGRESS_EVERY.toNanos()) {
                    reported = System.nanoTime();
                    LOG.infof("Search pinyin backfill: %d nodes looked at, %d given pinyin, up to %s", scanned, total,
                            after);
                }
            } while (batch.scanned() == size);
            repository.markPinyinBackfilled();
            LOG.infof("Derived search pinyin for %d of %d nodes looked at in %d ms", total, scanned,
                    (System.nanoTime() - start) / 1_000_000);
            return total;
        } finally {
            passing = false;
        }
    }
}
