package org.partnergraph.common;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.Set;

import io.smallrye.graphql.api.ErrorCode;

/**
 * The records store (PostgreSQL: change log, documents) cannot be reached, or rolled the write back for
 * a retry. A write refused with this failed before its COMMIT: it was not recorded and not applied
 * anywhere; sending it again later is safe. A failure during the COMMIT is {@link WriteOutcomeUnknownException}.
 */
@ErrorCode("RECORDS_UNAVAILABLE")
public class RecordsUnavailableException extends ApiException {

    public RecordsUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }

    /** This exception if {@code e} was caused by an unreachable database; {@code e} itself otherwise. */
    public static RuntimeException orRethrow(RuntimeException e) {
        if (e instanceof ApiException) {
            return e;
        }
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof ApiException api) {
                return api;
            }
            if (isConnectionFailure(cause)) {
                return new RecordsUnavailableException("The records store is unavailable; nothing was written. Retry later.", e);
            }
        }
        return e;
    }

    /**
     * SQLSTATEs that mean "the database is not there for you now", each with nothing of the transaction
     * committed: class 08 (connection exception), 57P01-57P03 (admin shutdown, crash shutdown, cannot connect
     * now: starting up or shutting down), 53300 (too many connections); and 40001/40P01 (serialization
     * failure, deadlock), which PostgreSQL answers by rolling back and which a retry resolves. The pool
     * reports an acquisition timeout as a transient connection exception.
     */
    public static boolean isConnectionFailure(Throwable t) {
        if (t instanceof SQLTransientConnectionException) {
            return true;
        }
        if (!(t instanceof SQLException sql) || sql.getSQLState() == null) {
            return false;
        }
        String state = sql.getSQLState();
        return state.startsWith("08") || UNAVAILABLE.contains(state);
    }

    private static final Set<String> UNAVAILABLE = Set.of("57P01", "57P02", "57P03", "53300", "40001", "40P01");
}
