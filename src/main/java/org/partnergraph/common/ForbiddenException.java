package org.partnergraph.common;

import io.smallrye.graphql.api.ErrorCode;

/** The signed-in user lacks the role the operation needs. */
@ErrorCode("FORBIDDEN")
public class ForbiddenException extends ApiException {

    public ForbiddenException(String message) {
        super(message);
    }

    public ForbiddenException(String message, Throwable cause) {
        super(message, cause);
    }
}
