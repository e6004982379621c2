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
    public static final int MAX_FIRST = 100;

    /** BAD_USER_INPUT for first outside 1..MAX_FIRST or a bad cursor. */
    public static PageRequest of(Integer first, String after, String sort) {
        int size = first == null ? DEFAULT_FIRST : first;
        if (size < 1 || size > MAX_FIRST) {
            throw new BadUserInputException("first: must be between 1 and " + MAX_FIRST + " (got " + size + ").");
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
