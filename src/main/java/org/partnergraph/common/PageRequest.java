package org.partnergraph.common;

import java.util.HashMap;
import java.util.Map;

/**
 * A validated page request: how many items (capped server-side) and where to start. Repositories
 * fetch {@code first + 1} rows to know whether another page follows, with a keyset condition on
 * (sort key, id) built from the cursor: {@code key > $afterKey OR (key = $afterKey AND id > $afterId)}.
 */
public record PageRequest(int first, Cursor after) {

    public static final int DEFAULT_FIRST = 20;

    /**
     * BAD_USER_INPUT for first below 1 or a bad cursor; LIMIT_EXCEEDED for first above the page-size
     * limit ({@code partnergraph.graphql.max-page-size}, 100 unless configured). Every connection, nested
     * ones included, pages through here.
     */
    public static PageRequest of(Integer first, String after, String sort) {
        int size = first == null ? DEFAULT_FIRST : first;
        if (size < 1) {
            throw new BadUserInputException("first: must be at least 1 (got " + size + ").");
        }
        int max = GraphQLSettings.current().maxPageSize();
        if (size > max) {
            throw new LimitExceededException("first: at most " + max + " items per page (got " + size
                    + "); follow pageInfo.endCursor for more.");
        }
        return new PageRequest(size, Cursor.decode(after, sort));
    }

    /** $limit, $afterKey and $afterId for the keyset query; null keys mean "from the start". */
    public Map<String, Object> parameters() {
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("limit", first + 1);
        parameters.put("afterKey", after == null ? null : after.key());
        parameters.put("afterId", after == null ? null : after.id());
        return parameters;
    }
}
