package org.partnergraph.common;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Opaque keyset cursors: the sort key and id of an item, so the next page starts right after it
 * even when items were added or removed meanwhile (a cursor never goes stale the way an offset does).
 * The sort a cursor was made for is part of it; using it with another sort is a client error.
 */
public record Cursor(String sort, String key, String id) {

    private static final String VERSION = "c1";
    private static final char SEP = '\u001f';

    public String encode() {
        String raw = VERSION + SEP + sort + SEP + key + SEP + id;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    public static Cursor of(String sort, String key, String id) {
        return new Cursor(sort, key == null ? "" : key, id);
    }

    /** Null for no cursor; BAD_USER_INPUT for a cursor this server did not make or made for another sort. */
    public static Cursor decode(String after, String expectedSort) {
        if (after == null) {
            return null;
        }
        String raw;
        try {
            raw = new String(Base64.getUrlDecoder().decode(after), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new BadUserInputException("after: not a cursor from this API.");
        }
        String[] parts = raw.split(String.valueOf(SEP), -1);
        if (parts.length != 4 || !VERSION.equals(parts[0]) || parts[3].isEmpty()) {
            throw new BadUserInputException("after: not a cursor from this API.");
        }
        if (!parts[1].equals(expectedSort)) {
            throw new BadUserInputException("after: this cursor belongs to a list sorted by " + parts[1]
                    + "; ask again without `after` when changing the sort.");
        }
        return new Cursor(parts[1], parts[2], parts[3]);
    }
}
