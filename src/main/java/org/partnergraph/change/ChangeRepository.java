package org.partnergraph.change;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The change log and its ledger in PostgreSQL, in plain SQL: advisory locks, jsonb and keyset pages
 * are clearer here than through an ORM. Every method works on the caller's connection, so the caller
 * decides the transaction (a write and its ledger rows commit together).
 */
@ApplicationScoped
class ChangeRepository {

    /** Held while a change is validated and recorded: ids follow commit order and checks see every earlier change. */
    static final long WRITE_LOCK = 0x5047_0001L;
    /** Held by whoever applies changes to the graph (one drainer at a time across all replicas). */
    static final long PROJECTOR_LOCK = 0x5047_0002L;

    static final String LOCK = "SELECT pg_advisory_xact_lock(?)";

    static final String COLUMNS = "id, kind, status, author, created_at, applied_at, summary, target_id, last_error, document_id";

    static final String BY_KEY = "SELECT " + COLUMNS + ", input_hash FROM change WHERE idempotency_key = ?";

    static final String BY_ID = "SELECT " + COLUMNS + " FROM change WHERE id = ?";

    static final String NEXT_ID = "SELECT coalesce(max(id), 0) + 1 FROM change";

    static final String INSERT = """
            INSERT INTO change (id, idempotency_key, kind, author, document_id, target_id, summary, input, input_hash, effect)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?::jsonb)
            RETURNING id, kind, status, author, created_at, applied_at, summary, target_id, last_error, document_id
            """;

    static final String INSERT_SUBJECT = "INSERT INTO change_subject (node_id, change_id) VALUES (?, ?) ON CONFLICT DO NOTHING";

    static final String UPSERT_NODE = """
            INSERT INTO ledger_node (id, label, row, change_id) VALUES (?, ?, ?::jsonb, ?)
            ON CONFLICT (id) DO UPDATE SET label = EXCLUDED.label, row = EXCLUDED.row, change_id = EXCLUDED.change_id
            """;

    static final String UPSERT_RELATIONSHIP = """
            INSERT INTO ledger_relationship (id, type, from_id, to_id, since, until, row, change_id)
            VALUES (?, ?, ?, ?, ?, ?, ?::jsonb, ?)
            ON CONFLICT (id) DO UPDATE SET type = EXCLUDED.type, from_id = EXCLUDED.from_id, to_id = EXCLUDED.to_id,
                since = EXCLUDED.since, until = EXCLUDED.until, row = EXCLUDED.row, change_id = EXCLUDED.change_id
            """;

    static final String NODE_LABELS = "SELECT id, label FROM ledger_node WHERE id = ANY(?)";

    static final String NODE_ROW = "SELECT row FROM ledger_node WHERE id = ?";

    static final String RELATIONSHIP_COLUMNS = "id, type, from_id, to_id, since, until, row";

    static final String RELATIONSHIP = "SELECT " + RELATIONSHIP_COLUMNS + " FROM ledger_relationship WHERE id = ?";

    static final String RELATIONSHIPS_BETWEEN = "SELECT " + RELATIONSHIP_COLUMNS
            + " FROM ledger_relationship WHERE type = ? AND from_id = ? AND to_id = ? ORDER BY id";

    static final String EFFECTS_AFTER = "SELECT id, effect FROM change WHERE id > ? ORDER BY id LIMIT ?";

    static final String MARK_APPLIED = """
            UPDATE change SET status = 'APPLIED', applied_at = coalesce(applied_at, now()), last_error = NULL
            WHERE id = ANY(?)
            """;

    /** The graph says it has these (a crash came between its commit and ours): record that. */
    static final String MARK_APPLIED_UP_TO = """
            UPDATE change SET status = 'APPLIED', applied_at = coalesce(applied_at, now())
            WHERE id <= ? AND status = 'PENDING'
            """;

    static final String MARK_FAILED = "UPDATE change SET status = 'FAILED', attempts = attempts + 1, last_error = ? WHERE id = ?";

    static final String MARK_PENDING_AFTER = "UPDATE change SET status = 'PENDING' WHERE id > ? AND status <> 'PENDING'";

    static final String LAG = """
            SELECT count(*) AS pending, min(created_at) AS oldest, (SELECT coalesce(max(id), 0) FROM change) AS last
            FROM change WHERE status = 'PENDING'
            """;

    static final String PAGE_OF_NODE = """
            SELECT c.id, c.kind, c.status, c.author, c.created_at, c.applied_at, c.summary, c.target_id, c.last_error,
                   c.document_id
            FROM change c JOIN change_subject s ON s.change_id = c.id
            WHERE s.node_id = ? AND c.id < ?
            ORDER BY c.id DESC LIMIT ?
            """;

    /** The newest changes of many nodes at once (a batched field): up to $2 per node. */
    static final String LATEST_OF_NODES = """
            SELECT node_id, id, kind, status, author, created_at, applied_at, summary, target_id, last_error, document_id
            FROM (SELECT s.node_id, c.*, row_number() OVER (PARTITION BY s.node_id ORDER BY c.id DESC) AS position
                  FROM change_subject s JOIN change c ON c.id = s.change_id
                  WHERE s.node_id = ANY(?)) latest
            WHERE position <= ?
            ORDER BY node_id, id DESC
            """;

    static final String COUNT_OF_NODE = "SELECT count(*) FROM change_subject WHERE node_id = ?";

    static final String PAGE_ALL = "SELECT " + COLUMNS + " FROM change WHERE id < ? ORDER BY id DESC LIMIT ?";

    static final String COUNT_ALL = "SELECT count(*) FROM change";

    /** Rows an import wrote, read back from its stored effect (for a re-sent import that changed nothing). */
    static final String IMPORT_COUNTS = """
            SELECT jsonb_array_length(coalesce(input -> 'documents', '[]'::jsonb)) AS documents,
                   (SELECT coalesce(sum(jsonb_array_length(rows)), 0) FROM jsonb_each(effect -> 'nodes') AS n(label, rows)) AS nodes,
                   (SELECT coalesce(sum(jsonb_array_length(rows)), 0) FROM jsonb_each(effect -> 'relationships') AS r(type, rows)) AS relationships
            FROM change WHERE id = ?
            """;

    static final String KNOWN_ID = """
            SELECT EXISTS (SELECT 1 FROM ledger_node WHERE id = ?) OR EXISTS (SELECT 1 FROM ledger_relationship WHERE id = ?)
            """;

    private final ObjectMapper json;

    ChangeRepository(ObjectMapper json) {
        this.json = json;
    }

    record Stored(long id, String effectJson) {
    }

    record Lag(long pending, Instant oldest, long lastChange) {
    }

    record Recorded(Change change, String inputHash) {
    }

    void lock(Connection c, long key) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(LOCK)) {
            s.setLong(1, key);
            s.execute();
        }
    }

    Optional<Recorded> byKey(Connection c, String key) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(BY_KEY)) {
            s.setString(1, key);
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? Optional.of(new Recorded(change(r), r.getString("input_hash"))) : Optional.empty();
            }
        }
    }

    Optional<Change> byId(Connection c, long id) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(BY_ID)) {
            s.setLong(1, id);
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? Optional.of(change(r)) : Optional.empty();
            }
        }
    }

    long nextId(Connection c) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(NEXT_ID); ResultSet r = s.executeQuery()) {
            r.next();
            return r.getLong(1);
        }
    }

    /** Records a change; answers it as stored (status PENDING, its created_at). */
    Change insert(Connection c, long id, String key, ChangeKind kind, String author, String documentId, String targetId,
            String summary, String input, String inputHash, String effect) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(INSERT)) {
            s.setLong(1, id);
            s.setString(2, key);
            s.setString(3, kind.name());
            s.setString(4, author);
            s.setString(5, documentId);
            s.setString(6, targetId);
            s.setString(7, summary);
            s.setString(8, input);
            s.setString(9, inputHash);
            s.setString(10, effect);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return change(r);
            }
        }
    }

    void insertSubjects(Connection c, long changeId, Collection<String> nodeIds) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(INSERT_SUBJECT)) {
            for (String nodeId : nodeIds) {
                s.setString(1, nodeId);
                s.setLong(2, changeId);
                s.addBatch();
            }
            s.executeBatch();
        }
    }

    void upsertNodes(Connection c, long changeId, List<Ledger.Node> nodes) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(UPSERT_NODE)) {
            for (Ledger.Node node : nodes) {
                s.setString(1, node.id());
                s.setString(2, node.label());
                s.setString(3, node.row().toString());
                s.setLong(4, changeId);
                s.addBatch();
            }
            s.executeBatch();
        }
    }

    void upsertRelationships(Connection c, long changeId, List<Ledger.Relationship> rows) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(UPSERT_RELATIONSHIP)) {
            for (Ledger.Relationship row : rows) {
                s.setString(1, row.id());
                s.setString(2, row.type());
                s.setString(3, row.fromId());
                s.setString(4, row.toId());
                s.setString(5, row.since());
                s.setString(6, row.until());
                s.setString(7, row.row().toString());
                s.setLong(8, changeId);
                s.addBatch();
            }
            s.executeBatch();
        }
    }

    /** The ledger as it stands in the caller's transaction (under the write lock, for a write). */
    Ledger ledger(Connection c) {
        return new Ledger() {
            @Override
            public Map<String, String> labelsOf(Collection<String> ids) {
                Map<String, String> labels = new HashMap<>();
                if (!ids.isEmpty()) {
                    query(c, NODE_LABELS, s -> s.setArray(1, c.createArrayOf("varchar", ids.toArray())),
                            r -> labels.put(r.getString("id"), r.getString("label")));
                }
                return labels;
            }

            @Override
            public Optional<ObjectNode> node(String id) {
                List<ObjectNode> rows = new ArrayList<>();
                query(c, NODE_ROW, s -> s.setString(1, id), r -> rows.add(object(r.getString("row"))));
                return rows.stream().findFirst();
            }

            @Override
            public Optional<Relationship> relationship(String id) {
                return relationships(c, RELATIONSHIP, id).stream().findFirst();
            }

            @Override
            public List<Relationship> between(String type, String fromId, String toId) {
                return relationships(c, RELATIONSHIPS_BETWEEN, type, fromId, toId);
            }
        };
    }

    private List<Ledger.Relationship> relationships(Connection c, String sql, String... parameters) {
        List<Ledger.Relationship> rows = new ArrayList<>();
        query(c, sql, s -> {
            for (int i = 0; i < parameters.length; i++) {
                s.setString(i + 1, parameters[i]);
            }
        }, r -> rows.add(new Ledger.Relationship(r.getString("id"), r.getString("type"), r.getString("from_id"),
                r.getString("to_id"), r.getString("since"), r.getString("until"), object(r.getString("row")))));
        return rows;
    }

    interface Parameters {
        void set(PreparedStatement statement) throws SQLException;
    }

    interface Rows {
        void each(ResultSet row) throws SQLException;
    }

    /** A ledger read inside a Ledger method (which cannot throw SQLException); the cause is kept for RECORDS_UNAVAILABLE. */
    private static void query(Connection c, String sql, Parameters parameters, Rows rows) {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            parameters.set(s);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    rows.each(r);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Ledger read failed", e);
        }
    }

    private ObjectNode object(String json) {
        try {
            return (ObjectNode) this.json.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Unreadable ledger row", e);
        }
    }

    List<Stored> effectsAfter(Connection c, long after, int limit) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(EFFECTS_AFTER)) {
            s.setLong(1, after);
            s.setInt(2, limit);
            List<Stored> rows = new ArrayList<>();
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    rows.add(new Stored(r.getLong(1), r.getString(2)));
                }
            }
            return rows;
        }
    }

    void markApplied(Connection c, List<Long> ids) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(MARK_APPLIED)) {
            Array array = c.createArrayOf("bigint", ids.toArray());
            s.setArray(1, array);
            s.executeUpdate();
        }
    }

    void markAppliedUpTo(Connection c, long id) throws SQLException {
        update(c, MARK_APPLIED_UP_TO, id);
    }

    void markPendingAfter(Connection c, long id) throws SQLException {
        update(c, MARK_PENDING_AFTER, id);
    }

    void markFailed(Connection c, long id, String error) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(MARK_FAILED)) {
            s.setString(1, error.length() > 500 ? error.substring(0, 500) : error);
            s.setLong(2, id);
            s.executeUpdate();
        }
    }

    Lag lag(Connection c) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(LAG); ResultSet r = s.executeQuery()) {
            r.next();
            Timestamp oldest = r.getTimestamp("oldest");
            return new Lag(r.getLong("pending"), oldest == null ? null : oldest.toInstant(), r.getLong("last"));
        }
    }

    /** Newest first, before the change {@code before} (exclusive), up to {@code limit} rows. */
    List<Change> page(Connection c, String nodeId, long before, int limit) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(nodeId == null ? PAGE_ALL : PAGE_OF_NODE)) {
            int i = 1;
            if (nodeId != null) {
                s.setString(i++, nodeId);
            }
            s.setLong(i++, before);
            s.setInt(i, limit);
            List<Change> changes = new ArrayList<>();
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    changes.add(change(r));
                }
            }
            return changes;
        }
    }

    Map<String, List<Change>> latest(Connection c, Collection<String> nodeIds, int limit) throws SQLException {
        Map<String, List<Change>> latest = new HashMap<>();
        try (PreparedStatement s = c.prepareStatement(LATEST_OF_NODES)) {
            s.setArray(1, c.createArrayOf("varchar", nodeIds.toArray()));
            s.setInt(2, limit);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    latest.computeIfAbsent(r.getString("node_id"), id -> new ArrayList<>()).add(change(r));
                }
            }
        }
        return latest;
    }

    int count(Connection c, String nodeId) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(nodeId == null ? COUNT_ALL : COUNT_OF_NODE)) {
            if (nodeId != null) {
                s.setString(1, nodeId);
            }
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getInt(1);
            }
        }
    }

    int[] importCounts(Connection c, long id) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(IMPORT_COUNTS)) {
            s.setLong(1, id);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return new int[] { r.getInt("documents"), r.getInt("nodes"), r.getInt("relationships") };
            }
        }
    }

    boolean known(Connection c, String id) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(KNOWN_ID)) {
            s.setString(1, id);
            s.setString(2, id);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getBoolean(1);
            }
        }
    }

    private static void update(Connection c, String sql, long id) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            s.setLong(1, id);
            s.executeUpdate();
        }
    }

    private static Change change(ResultSet r) throws SQLException {
        Timestamp applied = r.getTimestamp("applied_at");
        return new Change(String.valueOf(r.getLong("id")), ChangeKind.valueOf(r.getString("kind")),
                ChangeStatus.valueOf(r.getString("status")), r.getString("author"),
                r.getTimestamp("created_at").toInstant(), applied == null ? null : applied.toInstant(),
                r.getString("summary"), r.getString("target_id"), r.getString("last_error"), null, r.getString("document_id"));
    }
}
