package org.partnergraph.common;

import io.smallrye.graphql.api.ErrorCode;

/** The graph store (Neo4j) cannot be reached; retry later. */
@ErrorCode("GRAPH_UNAVAILABLE")
public class GraphUnavailableException extends ApiException {

    public GraphUnavailableException(String message) {
        super(message);
    }

    public GraphUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
