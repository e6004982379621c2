package org.partnergraph.change;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicBoolean;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;

import org.partnergraph.common.RecordsUnavailableException;

import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * PostgreSQL transactions for the change log, on a plain JDBC connection (enlisted in the JTA
 * transaction, so ORM work in the same transaction, such as storing documents, commits with it).
 * A database that cannot be reached surfaces as RECORDS_UNAVAILABLE.
 */
@ApplicationScoped
class Records {

    interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    private final DataSource dataSource;

    Records(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    <T> T transaction(Work<T> work) {
        return transaction(60, work);
    }

    <T> T transaction(int timeoutSeconds, Work<T> work) {
        try {
            return QuarkusTransaction.requiringNew().timeout(timeoutSeconds).call(() -> {
                try (Connection c = dataSource.getConnection()) {
                    return work.run(c);
                }
            });
        } catch (RuntimeException e) {
            throw RecordsUnavailableException.orRethrow(e);
        }
    }

    /**
     * A transaction that writes, for which a failure is reported by when it happened: before the COMMIT
     * was sent, PostgreSQL rolls the transaction back (RECORDS_UNAVAILABLE: nothing was written); during
     * the COMMIT, the connection that would have told may be gone after the server committed, so the
     * outcome is unknown ({@link CommitOutcomeUnknown}), unless PostgreSQL itself answered the COMMIT
     * with an error, which is a rollback.
     */
    <T> T write(Work<T> work) {
        AtomicBoolean committing = new AtomicBoolean();
        try {
            return QuarkusTransaction.requiringNew().timeout(60).call(() -> {
                try (Connection c = dataSource.getConnection()) {
                    T result = work.run(c);
                    committing.set(true);
                    return result;
                }
            });
        } catch (RuntimeException e) {
            if (committing.get() && !answeredByServer(e)) {
                throw new CommitOutcomeUnknown(e);
            }
            throw RecordsUnavailableException.orRethrow(e);
        }
    }

    /** A failure of the COMMIT itself; the caller knows what to tell the client to retry with. */
    static final class CommitOutcomeUnknown extends RuntimeException {
        CommitOutcomeUnknown(Throwable cause) {
            super("The outcome of a COMMIT to the records store is unknown", cause);
        }
    }

    /** PostgreSQL's own verdict on the COMMIT (a constraint checked at commit, a serialization failure). */
    private static boolean answeredByServer(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && sql.getSQLState() != null
                    && !RecordsUnavailableException.isConnectionFailure(sql) && !sql.getSQLState().startsWith("57")) {
                return true;
            }
        }
        return false;
    }
}
