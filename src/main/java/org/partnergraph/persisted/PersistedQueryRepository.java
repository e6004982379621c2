package org.partnergraph.persisted;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;

import org.partnergraph.common.RecordsUnavailableException;

/**
 * The {@code persisted_query} table. Each statement stands alone (autocommit): a lookup or one insert
 * needs no transaction, and the guard calls these outside any.
 */
@ApplicationScoped
class PersistedQueryRepository {

    static final String BY_HASH = """
            SELECT document, trusted FROM persisted_query WHERE sha256 = ?
            """;

    /**
     * Inserts an auto-registered document while fewer than the cap are stored. Two replicas racing at the
     * cap may both insert one: the cap bounds the table, it is not an exact count.
     */
    static final String REGISTER_AUTO = """
            INSERT INTO persisted_query (sha256, document, trusted)
            SELECT ?, ?, FALSE
            WHERE (SELECT count(*) FROM persisted_query WHERE NOT trusted) < ?
            ON CONFLICT (sha256) DO NOTHING
            """;

    /** An admin's registration; a document that was auto-registered before becomes trusted. */
    static final String REGISTER_TRUSTED = """
            INSERT INTO persisted_query (sha256, document, trusted)
            VALUES (?, ?, TRUE)
            ON CONFLICT (sha256) DO UPDATE SET trusted = TRUE
            """;

    record Stored(String document, boolean trusted) {
        static Stored from(ResultSet row) throws SQLException {
            return new Stored(row.getString("document"), row.getBoolean("trusted"));
        }
    }

    private final DataSource dataSource;

    PersistedQueryRepository(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    Optional<Stored> byHash(String sha256) {
        return withConnection(c -> {
            try (PreparedStatement statement = c.prepareStatement(BY_HASH)) {
                statement.setString(1, sha256);
                try (ResultSet row = statement.executeQuery()) {
                    return row.next() ? Optional.of(Stored.from(row)) : Optional.empty();
                }
            }
        });
    }

    /** Whether the document is stored now (false: the cap is reached). */
    boolean registerAuto(String sha256, String document, int cap) {
        return withConnection(c -> {
            try (PreparedStatement statement = c.prepareStatement(REGISTER_AUTO)) {
                statement.setString(1, sha256);
                statement.setString(2, document);
                statement.setInt(3, cap);
                statement.executeUpdate();
            }
            return byHash(c, sha256);
        });
    }

    /** All in one transaction: an admin's list is registered whole or not at all. */
    void registerTrusted(List<String> hashes, List<String> documents) {
        withConnection(c -> {
            boolean autoCommit = c.getAutoCommit();
            c.setAutoCommit(false);
            try (PreparedStatement statement = c.prepareStatement(REGISTER_TRUSTED)) {
                for (int i = 0; i < hashes.size(); i++) {
                    statement.setString(1, hashes.get(i));
                    statement.setString(2, documents.get(i));
                    statement.addBatch();
                }
                statement.executeBatch();
                c.commit();
            } catch (SQLException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(autoCommit);
            }
            return null;
        });
    }

    private static boolean byHash(Connection c, String sha256) throws SQLException {
        try (PreparedStatement statement = c.prepareStatement(BY_HASH)) {
            statement.setString(1, sha256);
            try (ResultSet row = statement.executeQuery()) {
                return row.next();
            }
        }
    }

    private interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    private <T> T withConnection(Work<T> work) {
        try (Connection c = dataSource.getConnection()) {
            return work.run(c);
        } catch (SQLException e) {
            throw RecordsUnavailableException.orRethrow(new IllegalStateException("persisted queries: " + e.getMessage(), e));
        }
    }
}
