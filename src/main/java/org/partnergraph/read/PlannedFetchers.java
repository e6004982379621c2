package org.partnergraph.read;

import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiPredicate;

import graphql.schema.DataFetcher;
import graphql.schema.DataFetchingEnvironment;
import graphql.schema.FieldCoordinates;
import graphql.schema.GraphQLCodeRegistry;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLSchema;
import io.quarkus.arc.Arc;

/**
 * Puts the read planner in front of SmallRye's data fetchers. Root query fields that a feature
 * compiles are answered by {@link CompiledReads}; every other field first looks for the value the
 * request's statement fetched ahead for its parent ({@link Prefetched}) and only without one calls its
 * resolver (a plain property is read directly: {@link PlainProperties}). Mutations are left alone: a
 * mutation's answer is read after its write, by its resolver.
 */
public final class PlannedFetchers {

    private PlannedFetchers() {
    }

    public static GraphQLSchema apply(GraphQLSchema schema) {
        GraphQLCodeRegistry registry = schema.getCodeRegistry();
        GraphQLCodeRegistry.Builder planned = GraphQLCodeRegistry.newCodeRegistry(registry);
        AtomicReference<CompiledReads> reads = new AtomicReference<>();
        // Which fields the planner can fetch ahead: only those look for a prefetched value first. Without the
        // container (a schema built outside the application) every field does.
        BiPredicate<String, String> plannable = Arc.container() == null || !Arc.container().isRunning()
                ? (type, field) -> true
                : Arc.container().instance(CompiledReads.class).get()::compilesField;
        String mutation = schema.getMutationType() == null ? null : schema.getMutationType().getName();
        for (var type : schema.getAllTypesAsList()) {
            if (!(type instanceof GraphQLObjectType object) || object.getName().startsWith("__")
                    || object.getName().equals(mutation)) {
                continue;
            }
            boolean query = object == schema.getQueryType();
            for (GraphQLFieldDefinition field : object.getFieldDefinitions()) {
                FieldCoordinates coordinates = FieldCoordinates.coordinates(object, field);
                DataFetcher<?> resolver = registry.getDataFetcher(coordinates, field);
                planned.dataFetcher(coordinates, query ? root(reads, field.getName(), resolver)
                        : prefetchedOr(resolver, plannable.test(object.getName(), field.getName())));
            }
        }
        return schema.transform(builder -> builder.codeRegistry(planned.build()));
    }

    private static DataFetcher<Object> root(AtomicReference<CompiledReads> reads, String field, DataFetcher<?> resolver) {
        return env -> {
            CompiledReads compiled = reads.updateAndGet(r -> r != null ? r : Arc.container().instance(CompiledReads.class).get());
            return compiled.compiles(field) ? compiled.fetch(env) : resolver.get(env);
        };
    }

    /**
     * A field the planner never fetches ahead that is a plain property is read straight from its object, as
     * a graphql-java LightDataFetcher: graphql-java then builds no DataFetchingEnvironment for it, which is
     * most of what a property costs on a long list.
     */
    private static DataFetcher<?> prefetchedOr(DataFetcher<?> smallRye, boolean plannable) {
        var plain = PlainProperties.of(smallRye);
        if (plain.isPresent() && !plannable) {
            return plain.get();
        }
        return new Planned(plain.<DataFetcher<?>>map(p -> p).orElse(smallRye));
    }

    /**
     * A field's value from what the request's statement fetched ahead for its object, else from its resolver
     * (a plain property's accessor, or SmallRye's fetcher).
     */
    static final class Planned implements DataFetcher<Object> {
        /** What {@link #answered} says when only the resolver can answer. */
        static final Object UNANSWERED = new Object();

        private final DataFetcher<?> resolver;

        Planned(DataFetcher<?> resolver) {
            this.resolver = resolver;
        }

        @Override
        public Object get(DataFetchingEnvironment env) throws Exception {
            Object source = env.getSource();
            Prefetched prefetched = source == null ? null : Prefetched.existing(env.getGraphQlContext());
            String key = env.getField().getResultKey();
            if (prefetched != null && prefetched.has(source, key)) {
                return prefetched.value(source, key);
            }
            return resolver.get(env);
        }

        /**
         * The value {@link #get} answers for {@code source}'s {@code resultKey} when no resolver but a plain
         * property's needs to run; otherwise {@link #UNANSWERED} (for {@link DirectCompletion}).
         */
        Object answered(Prefetched prefetched, Object source, String resultKey) {
            if (prefetched != null && source != null && prefetched.has(source, resultKey)) {
                return prefetched.value(source, resultKey);
            }
            return resolver instanceof PlainProperties.Accessor accessor ? accessor.read(source) : UNANSWERED;
        }
    }
}
