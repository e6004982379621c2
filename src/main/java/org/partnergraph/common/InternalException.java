package org.partnergraph.common;

import io.smallrye.graphql.api.ErrorCode;

/** An unexpected failure; the message carries an id that is in the server log. */
@ErrorCode("INTERNAL")
public class InternalException extends ApiException {

    public InternalException(String message) {
        super(message);
    }

    public InternalException(String message, Throwable cause) {
        super(message, cause);
    }
}
