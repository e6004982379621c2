package org.partnergraph.common;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

import io.smallrye.graphql.api.ErrorCode;

/**
 * The records store (PostgreSQL: change log, documents) cannot be reached. A write refused with this
 * was not recorded and not applied anywhere; sending it again later is safe.
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

    /** SQLSTATE class 08 is "connection exception"; the pool reports an acquisition timeout as a transient one. */
    public static boolean isConnectionFailure(Throwable t) {
        return t instanceof SQLTransientConnectionException
                || t instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("08");
    }
}
