package org.partnergraph.common;

/**
 * An error the API reports to clients on purpose. Each subclass carries one stable
 * {@code extensions.code} (SmallRye reads it from {@link io.smallrye.graphql.api.ErrorCode}),
 * and its message is shown to the client, so it must never contain internals.
 */
public abstract class ApiException extends RuntimeException {

    protected ApiException(String message) {
        super(message, null, false, false);
    }

    protected ApiException(String message, Throwable cause) {
        super(message, cause, false, false);
    }
}
