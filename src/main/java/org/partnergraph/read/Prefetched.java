package org.partnergraph.read;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.function.Supplier;

import graphql.GraphQLContext;

/**
 * The values the request's statement fetched ahead for the objects it returned: per object (by
 * identity: records compare by value, and two equal organisations may carry different selections)
 * and per result key (alias or field name). A field whose value is here is answered without touching
 * Neo4j; one that is not goes to its resolver.
 */
final class Prefetched {

    private static final String KEY = Prefetched.class.getName();
    private static final Object NULL = new Object();
    private static final ThreadLocal<Prefetched> READING = new ThreadLocal<>();

    private final Map<Object, Map<String, Object>> values = Collections.synchronizedMap(new IdentityHashMap<>());

    static Prefetched of(GraphQLContext context) {
        return context.computeIfAbsent(KEY, key -> new Prefetched());
    }

    /**
     * Runs {@code read} (a compiled reader, on what the request's statement answered) with {@code into} as the
     * place where the objects it builds record their fields fetched ahead. Compiled readers are kept across
     * requests with their statement (CompiledReads), so the request's values cannot be captured in them: they
     * are bound for the read, on its thread, as a scoped value would be.
     */
    static <T> T reading(Prefetched into, Supplier<T> read) {
        Prefetched outer = READING.get();
        READING.set(into);
        try {
            return read.get();
        } finally {
            if (outer == null) {
                READING.remove();
            } else {
                READING.set(outer);
            }
        }
    }

    /** The request's values a compiled reader records into; only inside {@link #reading(Prefetched, Supplier)}. */
    static Prefetched reading() {
        Prefetched into = READING.get();
        if (into == null) {
            throw new IllegalStateException("A compiled reader ran outside Prefetched.reading: nowhere to record what it fetched ahead");
        }
        return into;
    }

    static Prefetched existing(GraphQLContext context) {
        return context == null ? null : context.get(KEY);
    }

    void put(Object source, String resultKey, Object value) {
        values.computeIfAbsent(source, s -> new java.util.concurrent.ConcurrentHashMap<>())
                .put(resultKey, value == null ? NULL : value);
    }

    /** True when {@code source}'s {@code resultKey} was fetched ahead; its value is then {@link #value}. */
    boolean has(Object source, String resultKey) {
        Map<String, Object> fields = values.get(source);
        return fields != null && fields.containsKey(resultKey);
    }

    Object value(Object source, String resultKey) {
        Object value = values.get(source).get(resultKey);
        return value == NULL ? null : value;
    }
}
