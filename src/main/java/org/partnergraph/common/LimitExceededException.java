package org.partnergraph.common;

import io.smallrye.graphql.api.ErrorCode;

/** A request limit was exceeded; the message names it. */
@ErrorCode("LIMIT_EXCEEDED")
public class LimitExceededException extends ApiException {

    public LimitExceededException(String message) {
        super(message);
    }

    public LimitExceededException(String message, Throwable cause) {
        super(message, cause);
    }
}
