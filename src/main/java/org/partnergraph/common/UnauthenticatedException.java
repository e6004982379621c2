package org.partnergraph.common;

import io.smallrye.graphql.api.ErrorCode;

/** The operation needs a signed-in user. */
@ErrorCode("UNAUTHENTICATED")
public class UnauthenticatedException extends ApiException {

    public UnauthenticatedException(String message) {
        super(message);
    }

    public UnauthenticatedException(String message, Throwable cause) {
        super(message, cause);
    }
}
