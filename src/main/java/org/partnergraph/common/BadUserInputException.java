package org.partnergraph.common;

import io.smallrye.graphql.api.ErrorCode;

/** An argument is invalid; the message names it. */
@ErrorCode("BAD_USER_INPUT")
public class BadUserInputException extends ApiException {

    public BadUserInputException(String message) {
        super(message);
    }

    public BadUserInputException(String message, Throwable cause) {
        super(message, cause);
    }
}
