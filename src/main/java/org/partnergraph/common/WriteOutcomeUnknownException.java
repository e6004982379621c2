package org.partnergraph.common;

import io.smallrye.graphql.api.ErrorCode;

/**
 * The records store (PostgreSQL) failed while committing a write: the COMMIT may have been carried out
 * or not, and the connection that would have said so is gone. The message names the idempotency key to
 * send the same write again with: that answers the recorded change if it was committed, and writes it
 * once if it was not. Never "nothing was written", which would be a guess.
 */
@ErrorCode("WRITE_OUTCOME_UNKNOWN")
public class WriteOutcomeUnknownException extends ApiException {

    public WriteOutcomeUnknownException(String message, Throwable cause) {
        super(message, cause);
    }
}
