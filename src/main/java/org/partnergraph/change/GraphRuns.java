package org.partnergraph.change;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;
import org.partnergraph.common.BadUserInputException;
import org.partnergraph.common.RecordsUnavailableException;

import io.quarkus.runtime.ShutdownEvent;

/**
 * rebuildGraph and replayChanges as runs that may outlast the request: a rebuild of a large log takes longer
 * than the service's idle timeout (and any proxy's), which used to cut the connection while the rebuild went on
 * unseen. The run goes on in a thread of its own; the mutation waits for it up to the client's waitSeconds and
 * answers DONE or RUNNING; graphRun(id) answers from PostgreSQL on any replica. One run at a time across
 * replicas (a partial unique index), and a second request while one goes on answers that one.
 * <p>
 * The replica running a run holds a session advisory lock on it, on a connection of its own, from before the
 * row exists until its outcome is written. PostgreSQL drops the lock with the connection, however the replica
 * ends, so a RUNNING row nobody holds was cut short: it is marked INTERRUPTED when next read.
 */
@ApplicationScoped
public class GraphRuns {

    private static final Logger LOG = Logger.getLogger(GraphRuns.class);
    /** Below the service's idle timeout (2 min) and the 60 s most proxies allow. */
    static final int MAX_WAIT_SECONDS = 60;
    /** How long the mutations wait by default (their schema default, ChangeApi). */
    static final String DEFAULT_WAIT_SECONDS = "20";
    private static final String UNIQUE_VIOLATION = "23505";

    private final DataSource dataSource;
    private final Records records;
    private final GraphRunRepository runs;
    private final Projector projector;
    private final GraphProjection projection;
    private final ExecutorService executor = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "graph-run");
        thread.setDaemon(true);
        return thread;
    });

    GraphRuns(DataSource dataSource, Records records, GraphRunRepository runs, Projector projector,
            GraphProjection projection) {
        this.dataSource = dataSource;
        this.records = records;
        this.runs = runs;
        this.projector = projector;
        this.projection = projection;
    }

    void onStop(@Observes ShutdownEvent event) {
        executor.shutdownNow();
    }

    /**
     * Starts a run (or finds the one going on) and answers it as it stands after up to {@code waitSeconds}.
     * {@code after}: for a replay, the change to apply after (null: whatever the graph lacks).
     */
    GraphRun start(GraphRun.Kind kind, Long after, Integer waitSeconds, String requestedBy) {
        int wait = waitSeconds == null ? Integer.parseInt(DEFAULT_WAIT_SECONDS) : waitSeconds;
        if (wait < 0 || wait > MAX_WAIT_SECONDS) {
            throw new BadUserInputException("waitSeconds: must be from 0 to " + MAX_WAIT_SECONDS + " (got " + wait + ").");
        }
        Connection hold = null;
        long id = -1;
        long locked = -1;
        try {
            hold = dataSource.getConnection();
            hold.setAutoCommit(true);
            id = runs.nextId(hold);
            runs.hold(hold, id);
            locked = id;
            long from = kind == GraphRun.Kind.REBUILD ? 0 : after != null ? after : projection.lastChange();
            while (!inserted(hold, id, kind, requestedBy, from)) {
                // Another run holds the one RUNNING row: if it goes on (here or on another replica), it is the
                // answer; if it was cut short, reading it marked it INTERRUPTED and this run can start.
                GraphRun other = records.transaction(runs::running).map(this::view).orElse(null);
                if (other != null && other.status() == GraphRun.Status.RUNNING) {
                    let(hold, id);
                    return other;
                }
            }
        } catch (SQLException e) {
            let(hold, locked);
            throw RecordsUnavailableException.orRethrow(new IllegalStateException(e));
        } catch (RuntimeException e) {
            let(hold, locked);
            throw RecordsUnavailableException.orRethrow(e);
        }
        Connection held = hold;
        long run = id;
        LOG.infof("Graph run %d (%s) started by %s", run, kind, requestedBy);
        Future<?> done = executor.submit(() -> execute(held, run, kind, after));
        if (wait > 0) {
            try {
                done.get(wait, TimeUnit.SECONDS);
            } catch (TimeoutException | ExecutionException e) {
                // Still going on (answered RUNNING), or failed (recorded as FAILED): the row says which.
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return byId(run).orElseThrow();
    }

    /** Writes the RUNNING row; false when another RUNNING row is there (one run at a time). */
    private boolean inserted(Connection hold, long id, GraphRun.Kind kind, String requestedBy, long from)
            throws SQLException {
        try {
            runs.insert(hold, id, kind, requestedBy, from);
            return true;
        } catch (SQLException e) {
            if (UNIQUE_VIOLATION.equals(e.getSQLState())) {
                return false;
            }
            throw e;
        }
    }

    /** The run as it stands; empty when there is none with this id. */
    java.util.Optional<GraphRun> byId(long id) {
        return records.transaction(c -> runs.byId(c, id)).map(this::view);
    }

    private void execute(Connection hold, long id, GraphRun.Kind kind, Long after) {
        try {
            Projector.Run run;
            try {
                run = kind == GraphRun.Kind.REBUILD ? projector.rebuild() : projector.replay(after);
            } catch (RuntimeException e) {
                LOG.errorf(e, "Graph run %d (%s) failed", id, kind);
                runs.finish(hold, id, GraphRun.Status.FAILED, null, e.getClass().getSimpleName() + ": " + e.getMessage());
                return;
            }
            runs.finish(hold, id, GraphRun.Status.DONE, run, null);
            LOG.infof("Graph run %d (%s) done: %d changes applied in %d ms", id, kind, run.changesApplied(), run.tookMillis());
        } catch (SQLException | RuntimeException e) {
            // The lock goes with the connection below: readers then see the run as INTERRUPTED.
            LOG.errorf(e, "Graph run %d (%s) ended, but its outcome could not be recorded", id, kind);
        } finally {
            let(hold, id);
        }
    }

    /**
     * Releases the run's lock and hands the connection back. The pool keeps the PostgreSQL session open, so the
     * lock must be released explicitly; a connection that cannot release it is closed for good instead.
     */
    private void let(Connection hold, long id) {
        if (hold == null) {
            return;
        }
        try {
            if (id >= 0) {
                runs.release(hold, id);
            }
            hold.close();
        } catch (SQLException e) {
            // Ending the session drops its locks; the pool then discards the broken connection.
            try {
                hold.unwrap(Connection.class).abort(Runnable::run);
                hold.close();
            } catch (SQLException ignored) {
                // The session is gone, and its lock with it.
            }
        }
    }

    /**
     * A row as clients see it. A RUNNING row whose lock nobody holds was cut short and is marked so. A run that
     * did not end DONE has no figures of its own: the graph's position and size now, and the changes of the log
     * between the run's start and that position.
     */
    private GraphRun view(GraphRunRepository.Row row) {
        GraphRunRepository.Row current = row;
        if (row.status() == GraphRun.Status.RUNNING && records.transaction(c -> runs.unheld(c, row.id()))) {
            current = records.transaction(c -> {
                runs.interrupted(c, row.id());
                return runs.byId(c, row.id()).orElseThrow();
            });
        }
        if (current.status() == GraphRun.Status.DONE) {
            return new GraphRun(String.valueOf(current.id()), current.kind(), current.status(), current.requestedBy(),
                    current.startedAt(), current.finishedAt(), null, current.changesApplied(),
                    String.valueOf(current.lastChange()), current.nodes(), current.relationships(), current.tookMillis());
        }
        long marker = projection.lastChange();
        long[] counts = projection.counts();
        long from = current.afterChange();
        long passed = records.transaction(c -> runs.passed(c, from, marker));
        Instant end = current.finishedAt() == null ? Instant.now() : current.finishedAt();
        return new GraphRun(String.valueOf(current.id()), current.kind(), current.status(), current.requestedBy(),
                current.startedAt(), current.finishedAt(), current.error(), (int) passed, String.valueOf(marker),
                counts[0], counts[1], Math.max(0, Duration.between(current.startedAt(), end).toMillis()));
    }
}
