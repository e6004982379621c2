package org.partnergraph.common;

import java.util.List;
import java.util.function.Function;

/**
 * One page of items as read from the graph: up to {@code first + 1} rows (the extra one only says
 * that more follow) and the total counted in the database.
 */
public record Page<T>(List<T> rows, int totalCount, PageRequest request) {

    public List<T> items() {
        return rows.size() > request.first() ? rows.subList(0, request.first()) : rows;
    }

    public boolean hasNextPage() {
        return rows.size() > request.first();
    }

    public PageInfo pageInfo(Function<T, String> cursor) {
        List<T> items = items();
        return new PageInfo(hasNextPage(), request.after() != null,
                items.isEmpty() ? null : cursor.apply(items.get(0)),
                items.isEmpty() ? null : cursor.apply(items.get(items.size() - 1)));
    }

    public <R> Page<R> map(Function<T, R> mapper) {
        return new Page<>(rows.stream().map(mapper).toList(), totalCount, request);
    }
}
