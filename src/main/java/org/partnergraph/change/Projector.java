package org.partnergraph.change;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;
import org.neo4j.driver.exceptions.ClientException;
import org.partnergraph.common.RecordsUnavailableException;
import org.partnergraph.dataset.Effect;
import org.partnergraph.graph.GraphReady;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;

/**
 * Applies the change log to the graph, in log order, exactly once. Drives itself from the graph's
 * marker (the last change it holds): whatever the log has beyond it is pending. Runs inline after each
 * accepted write (so a mutation can answer APPLIED) and in a background thread that retries with
 * backoff while Neo4j is down and picks up changes other replicas committed. Only one drainer runs at
 * a time across all replicas (a PostgreSQL advisory lock).
 */
@ApplicationScoped
public class Projector {

    private static final Logger LOG = Logger.getLogger(Projector.class);

    /** Batches per PostgreSQL transaction: statuses become visible at least this often while catching up. */
    private static final int BATCHES_PER_TRANSACTION = 10;

    private final ChangeRepository changes;
    private final GraphProjection projection;
    private final Records records;
    private final ObjectMapper json;
    private final ProjectorConfig config;
    private final ReentrantLock drainLock = new ReentrantLock();
    private final Object signal = new Object();
    private final Counter appliedCounter;
    private final Counter failedCounter;
    private final AtomicLong lastChange = new AtomicLong();

    private volatile boolean graphReady;
    private volatile boolean graphReachable = true;
    private volatile Instant nextAttempt = Instant.MIN;
    private volatile Duration backoff;
    private volatile ChangeRepository.Lag lag = new ChangeRepository.Lag(0, null, 0);
    private volatile boolean running;
    private boolean woken;
    private Thread worker;

    Projector(ChangeRepository changes, GraphProjection projection, Records records, ObjectMapper json,
            ProjectorConfig config, MeterRegistry meters) {
        this.changes = changes;
        this.projection = projection;
        this.records = records;
        this.json = json;
        this.config = config;
        this.backoff = config.initialBackoff();
        Gauge.builder("partnergraph.projector.pending", this, p -> p.lag.pending())
                .description("Changes accepted into the log but not yet in the graph").register(meters);
        Gauge.builder("partnergraph.projector.lag.seconds", this, Projector::lagSeconds)
                .description("Age of the oldest change not yet in the graph (0 when none)").register(meters);
        this.appliedCounter = Counter.builder("partnergraph.projector.applied")
                .description("Changes applied to the graph").register(meters);
        this.failedCounter = Counter.builder("partnergraph.projector.failed")
                .description("Changes the graph refused (marked FAILED)").register(meters);
    }

    /** Report of rebuildGraph and replayChanges. */
    public record Run(int changesApplied, long lastChange, long nodes, long relationships, long tookMillis) {
    }

    /** Catches up before the service takes traffic, then keeps catching up in the background. */
    void onGraphReady(@Observes GraphReady ready) {
        graphReady = true;
        try {
            int applied = drain();
            LOG.infof("Change log applied to the graph up to change %d (%d applied now)", lastChange.get(), applied);
        } catch (RuntimeException e) {
            failed(e);
        }
        synchronized (signal) {
            if (worker == null) {
                running = true;
                worker = new Thread(this::work, "change-projector");
                worker.setDaemon(true);
                worker.start();
            }
        }
        wake();
    }

    void onStop(@Observes ShutdownEvent event) {
        running = false;
        Thread thread = worker;
        if (thread != null) {
            thread.interrupt();
        }
    }

    /**
     * Called right after {@code change} was committed: applies the log up to it unless the graph is
     * known to be down (then the background thread will), and answers the change as stored now.
     */
    Change applyUpTo(Change change) {
        if (config.inline() && graphReady && graphReachable) {
            try {
                drain();
            } catch (RuntimeException e) {
                failed(e);
            }
        } else {
            wake();
        }
        return inTransaction(c -> changes.byId(c, change.sequence())).orElse(change);
    }

    /** Everything the log has beyond the graph's marker, in order. Throws when the graph or the log is unreachable. */
    int drain() {
        drainLock.lock();
        try {
            int total = 0;
            int applied;
            do {
                applied = inTransaction(this::drainSlice);
                total += applied;
            } while (applied >= config.batchSize() * BATCHES_PER_TRANSACTION);
            if (projection.linksMayBePending()) {
                deriveOwedLinks();
            }
            reachable();
            return total;
        } finally {
            drainLock.unlock();
        }
    }

    /** After a rebuild (or one cut short), every partner link at once, under the projector's lock. */
    private void deriveOwedLinks() {
        long start = System.nanoTime();
        int organizations = inTransaction(c -> {
            changes.lock(c, ChangeRepository.PROJECTOR_LOCK);
            return projection.deriveOwedLinks();
        });
        if (organizations > 0) {
            LOG.infof("Partner links of %d organisations derived in %d ms", organizations,
                    (System.nanoTime() - start) / 1_000_000);
        }
    }

    /** rebuildGraph: empties the graph and applies the whole log again. */
    Run rebuild() {
        drainLock.lock();
        try {
            long start = System.nanoTime();
            inTransaction(c -> {
                changes.lock(c, ChangeRepository.PROJECTOR_LOCK);
                projection.clear();
                changes.markPendingAfter(c, 0);
                return null;
            });
            LOG.info("Graph cleared for a rebuild from the change log");
            Run run = report(drain(), start);
            LOG.infof("Graph rebuilt: %d changes applied in %d ms", run.changesApplied(), run.tookMillis());
            return run;
        } finally {
            drainLock.unlock();
        }
    }

    /** replayChanges: applies every change after {@code after} again (all the graph lacks when null). */
    Run replay(Long after) {
        drainLock.lock();
        try {
            long start = System.nanoTime();
            if (after != null) {
                inTransaction(c -> {
                    changes.lock(c, ChangeRepository.PROJECTOR_LOCK);
                    projection.setLastChange(after);
                    changes.markPendingAfter(c, after);
                    return null;
                });
            }
            return report(drain(), start);
        } finally {
            drainLock.unlock();
        }
    }

    /** The graph's marker as last read, and when (System.nanoTime); -1: read it again. */
    private volatile long knownPosition = -1;
    private volatile long knownAt;

    /**
     * The last change the graph holds, as the graph itself records it (its marker), read again only when the
     * reading is older than {@code staleness}: what HTTP caching tags answers with costs no Bolt round trip per
     * request. Every drain (this replica's writes, and its projector's polls) sets it to the marker it leaves;
     * another replica's writes are seen within {@code staleness}. Throws when Neo4j is unreachable.
     */
    /** Whether {@link #graphPosition} would answer from what it knows, without asking the graph. */
    boolean graphPositionKnown(Duration staleness) {
        return knownPosition >= 0 && System.nanoTime() - knownAt < staleness.toNanos();
    }

    long graphPosition(Duration staleness) {
        long now = System.nanoTime();
        long position = knownPosition;
        if (position >= 0 && now - knownAt < staleness.toNanos()) {
            return position;
        }
        position = projection.lastChange();
        knownAt = now;
        knownPosition = position;
        return position;
    }

    /** A fresh reading from the log; throws when PostgreSQL is unreachable. */
    ChangeRepository.Lag currentLag() {
        lag = inTransaction(changes::lag);
        return lag;
    }

    double lagSeconds() {
        Instant oldest = lag.oldest();
        return oldest == null ? 0 : Math.max(0, Duration.between(oldest, Instant.now()).toMillis() / 1000.0);
    }

    private int drainSlice(Connection c) throws SQLException {
        changes.lock(c, ChangeRepository.PROJECTOR_LOCK);
        long marker = projection.lastChange();
        changes.markAppliedUpTo(c, marker);
        int applied = 0;
        for (int round = 0; round < BATCHES_PER_TRANSACTION; round++) {
            List<ChangeRepository.Stored> batch = changes.effectsAfter(c, marker, config.batchSize());
            if (batch.isEmpty()) {
                break;
            }
            marker = applyBatch(c, batch);
            applied += batch.size();
            if (batch.size() < config.batchSize()) {
                break;
            }
        }
        lastChange.set(marker);
        // Where the graph now stands, known without asking it again (every drain and poll passes here).
        knownAt = System.nanoTime();
        knownPosition = marker;
        return applied;
    }

    private long applyBatch(Connection c, List<ChangeRepository.Stored> batch) throws SQLException {
        try {
            long marker = projection.apply(batch.stream().map(this::parse).toList());
            changes.markApplied(c, batch.stream().map(ChangeRepository.Stored::id).toList());
            appliedCounter.increment(batch.size());
            return marker;
        } catch (RuntimeException e) {
            if (!refused(e)) {
                throw e;
            }
        }
        // The graph refused something in the batch: apply one by one, so only the culprit is skipped.
        long marker = 0;
        for (ChangeRepository.Stored stored : batch) {
            try {
                marker = projection.apply(List.of(parse(stored)));
                changes.markApplied(c, List.of(stored.id()));
                appliedCounter.increment();
            } catch (RuntimeException e) {
                if (!refused(e)) {
                    throw e;
                }
                LOG.errorf(e, "Change %d was refused by the graph; marked FAILED and skipped (replayChanges applies it "
                        + "again once fixed)", stored.id());
                changes.markFailed(c, stored.id(), e.getClass().getSimpleName() + ": " + e.getMessage());
                projection.setLastChange(stored.id());
                marker = stored.id();
                failedCounter.increment();
            }
        }
        return marker;
    }

    /** A statement the graph rejects, as opposed to a graph that cannot be reached right now. */
    private static boolean refused(RuntimeException e) {
        if (e instanceof ClientException client && client.code() != null) {
            return client.code().startsWith("Neo.ClientError.Statement") || client.code().startsWith("Neo.ClientError.Schema");
        }
        return e instanceof UnreadableEffectException || e instanceof IllegalArgumentException;
    }

    private GraphProjection.Applied parse(ChangeRepository.Stored stored) {
        try {
            return new GraphProjection.Applied(stored.id(), json.readValue(stored.effectJson(), Effect.class));
        } catch (JsonProcessingException e) {
            throw new UnreadableEffectException(stored.id(), e);
        }
    }

    private Run report(int applied, long start) {
        long[] counts = projection.counts();
        return new Run(applied, lastChange.get(), counts[0], counts[1], (System.nanoTime() - start) / 1_000_000);
    }

    private void work() {
        while (running) {
            if (graphReady && !Instant.now().isBefore(nextAttempt)) {
                try {
                    // Idle replicas ask PostgreSQL only: the graph is read when the log has moved past what
                    // this replica last saw it hold (its own writes, another replica's), or after a failure.
                    // The lag the metrics show is refreshed here, off the writes' path.
                    if (!graphReachable || currentLag().lastChange() > lastChange.get()) {
                        drain();
                        refreshLag();
                    }
                } catch (RuntimeException e) {
                    failed(e);
                }
            } else {
                refreshLag();
            }
            long waitMillis = Instant.now().isBefore(nextAttempt)
                    ? Math.max(1, Duration.between(Instant.now(), nextAttempt).toMillis())
                    : config.pollInterval().toMillis();
            synchronized (signal) {
                try {
                    if (!woken) {
                        signal.wait(waitMillis);
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
                woken = false;
            }
        }
    }

    private void wake() {
        synchronized (signal) {
            woken = true;
            signal.notifyAll();
        }
    }

    private void reachable() {
        if (!graphReachable) {
            LOG.info("Graph reachable again; pending changes applied");
        }
        graphReachable = true;
        backoff = config.initialBackoff();
        nextAttempt = Instant.MIN;
    }

    /**
     * Backs off after a failed attempt. Only a graph failure marks the graph unreachable (so writes
     * answer PENDING at once instead of waiting for it); a change log that cannot be read only delays
     * the next background attempt, since a write that reaches the projector has just used it.
     */
    private synchronized void failed(RuntimeException e) {
        if (e instanceof RecordsUnavailableException) {
            LOG.debugf("Cannot read the change log to apply it: %s", e.getMessage());
        } else {
            if (graphReachable) {
                LOG.warnf("Cannot apply changes to the graph (%s); they stay PENDING and are retried with backoff",
                        e.getMessage());
            }
            graphReachable = false;
        }
        nextAttempt = Instant.now().plus(backoff);
        Duration doubled = backoff.multipliedBy(2);
        backoff = doubled.compareTo(config.maxBackoff()) > 0 ? config.maxBackoff() : doubled;
        wake();
    }

    private void refreshLag() {
        try {
            currentLag();
        } catch (RuntimeException e) {
            LOG.debugf("Cannot read the change log's lag: %s", e.getMessage());
        }
    }

    /** A drain may write a whole log to the graph (rebuild): allow it time. */
    private <T> T inTransaction(Records.Work<T> work) {
        return records.transaction(3600, work);
    }

    /** A stored effect that cannot be read back: a defect, not an outage. */
    static final class UnreadableEffectException extends RuntimeException {
        UnreadableEffectException(long id, Throwable cause) {
            super("Change " + id + " has an unreadable effect", cause);
        }
    }
}
