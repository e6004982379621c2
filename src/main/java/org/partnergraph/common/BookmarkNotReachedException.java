package org.partnergraph.common;

import io.smallrye.graphql.api.ErrorCode;

/**
 * A genuine bookmark that the Neo4j member serving the read has not reached within the bounded wait
 * ({@code partnergraph.bookmarks.wait}): the write is committed but not yet replicated there. Retryable.
 */
@ErrorCode("BOOKMARK_NOT_REACHED")
public class BookmarkNotReachedException extends ApiException {

    public BookmarkNotReachedException(String message) {
        super(message);
    }
}
