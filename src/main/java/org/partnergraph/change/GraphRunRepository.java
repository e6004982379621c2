package org.partnergraph.change;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * The runs of rebuildGraph and replayChanges in PostgreSQL (table graph_run), and the session advisory lock the
 * replica running one holds on it: PostgreSQL releases it when that replica's connection ends, however it ends,
 * so "RUNNING, and nobody holds its lock" means the run was cut short.
 */
@ApplicationScoped
class GraphRunRepository {

    /** The high half of a run's lock key; the low half is the run's id (the change log's locks are 0x5047_000n). */
    static final long RUN_LOCK = 0x5047_0003L << 32;

    static final String NEXT_ID = "SELECT nextval(pg_get_serial_sequence('graph_run', 'id'))";
    static final String HOLD = "SELECT pg_advisory_lock(?)";
    static final String RELEASE = "SELECT pg_advisory_unlock(?)";
    /** In a transaction of its own: true when nobody held the lock (then it is released at commit). */
    static final String UNHELD = "SELECT pg_try_advisory_xact_lock(?)";

    static final String INSERT = """
            INSERT INTO graph_run (id, kind, status, requested_by, after_change) VALUES (?, ?, 'RUNNING', ?, ?)
            """;
    static final String FINISH = """
            UPDATE graph_run SET status = ?, finished_at = now(), changes_applied = ?, last_change = ?, nodes = ?,
                   relationships = ?, took_millis = ?, error = ?
            WHERE id = ?
            """;
    static final String INTERRUPTED = """
            UPDATE graph_run SET status = 'INTERRUPTED', finished_at = now() WHERE id = ? AND status = 'RUNNING'
            """;
    static final String COLUMNS = """
            id, kind, status, requested_by, after_change, started_at, finished_at, changes_applied, last_change,
            nodes, relationships, took_millis, error
            """;
    static final String BY_ID = "SELECT " + COLUMNS + " FROM graph_run WHERE id = ?";
    static final String RUNNING = "SELECT " + COLUMNS + " FROM graph_run WHERE status = 'RUNNING'";
    /** Changes of the log a run has passed: after its start and up to where the graph now stands. */
    static final String PASSED = "SELECT count(*) FROM change WHERE id > ? AND id <= ?";

    /** One row of graph_run; the figures are null until the run ends. */
    record Row(long id, GraphRun.Kind kind, GraphRun.Status status, String requestedBy, long afterChange,
            Instant startedAt, Instant finishedAt, Integer changesApplied, Long lastChange, Long nodes,
            Long relationships, Long tookMillis, String error) {
    }

    static long lockKey(long id) {
        return RUN_LOCK | id;
    }

    long nextId(Connection c) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(NEXT_ID); ResultSet r = s.executeQuery()) {
            r.next();
            return r.getLong(1);
        }
    }

    void hold(Connection c, long id) throws SQLException {
        lock(c, HOLD, id);
    }

    void release(Connection c, long id) throws SQLException {
        lock(c, RELEASE, id);
    }

    /** Whether nobody holds the run's lock, i.e. no replica is running it. Call inside a transaction. */
    boolean unheld(Connection c, long id) throws SQLException {
        return lock(c, UNHELD, id);
    }

    void insert(Connection c, long id, GraphRun.Kind kind, String requestedBy, long afterChange) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(INSERT)) {
            s.setLong(1, id);
            s.setString(2, kind.name());
            s.setString(3, requestedBy);
            s.setLong(4, afterChange);
            s.executeUpdate();
        }
    }

    void finish(Connection c, long id, GraphRun.Status status, Projector.Run run, String error) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(FINISH)) {
            s.setString(1, status.name());
            if (run == null) {
                for (int i = 2; i <= 6; i++) {
                    s.setObject(i, null);
                }
            } else {
                s.setInt(2, run.changesApplied());
                s.setLong(3, run.lastChange());
                s.setLong(4, run.nodes());
                s.setLong(5, run.relationships());
                s.setLong(6, run.tookMillis());
            }
            s.setString(7, error);
            s.setLong(8, id);
            s.executeUpdate();
        }
    }

    void interrupted(Connection c, long id) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(INTERRUPTED)) {
            s.setLong(1, id);
            s.executeUpdate();
        }
    }

    Optional<Row> byId(Connection c, long id) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(BY_ID)) {
            s.setLong(1, id);
            return one(s);
        }
    }

    Optional<Row> running(Connection c) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(RUNNING)) {
            return one(s);
        }
    }

    long passed(Connection c, long after, long upTo) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(PASSED)) {
            s.setLong(1, after);
            s.setLong(2, upTo);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        }
    }

    private static boolean lock(Connection c, String sql, long id) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            s.setLong(1, lockKey(id));
            try (ResultSet r = s.executeQuery()) {
                r.next();
                Object value = r.getObject(1);
                return !(value instanceof Boolean b) || b;
            }
        }
    }

    private static Optional<Row> one(PreparedStatement s) throws SQLException {
        try (ResultSet r = s.executeQuery()) {
            if (!r.next()) {
                return Optional.empty();
            }
            return Optional.of(new Row(r.getLong("id"), GraphRun.Kind.valueOf(r.getString("kind")),
                    GraphRun.Status.valueOf(r.getString("status")), r.getString("requested_by"),
                    r.getLong("after_change"), instant(r.getTimestamp("started_at")),
                    instant(r.getTimestamp("finished_at")), (Integer) r.getObject("changes_applied"),
                    (Long) r.getObject("last_change"), (Long) r.getObject("nodes"),
                    (Long) r.getObject("relationships"), (Long) r.getObject("took_millis"), r.getString("error")));
        }
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
