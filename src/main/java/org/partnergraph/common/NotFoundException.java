package org.partnergraph.common;

import io.smallrye.graphql.api.ErrorCode;

/** The requested object does not exist. */
@ErrorCode("NOT_FOUND")
public class NotFoundException extends ApiException {

    public NotFoundException(String message) {
        super(message);
    }

    public NotFoundException(String message, Throwable cause) {
        super(message, cause);
    }
}
