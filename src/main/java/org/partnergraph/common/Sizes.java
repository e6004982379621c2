package org.partnergraph.common;

/**
 * How much a request may ask for at once (a page, a result list, hops of a path): fewer than one is a
 * mistake (BAD_USER_INPUT), more than the cap is a limit (LIMIT_EXCEEDED), as for every other limit.
 */
public final class Sizes {

    private Sizes() {
    }

    public static int within(String field, int value, int max) {
        if (value < 1) {
            throw new BadUserInputException(field + ": must be at least 1 (got " + value + ").");
        }
        if (value > max) {
            throw new LimitExceededException(field + ": at most " + max + " (got " + value + ").");
        }
        return value;
    }
}
