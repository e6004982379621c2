package org.partnergraph.read;

import java.util.concurrent.atomic.AtomicReference;

import graphql.schema.DataFetcher;
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
                planned.dataFetcher(coordinates, query ? root(reads, field.getName(), resolver) : prefetchedOr(resolver));
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

    private static DataFetcher<Object> prefetchedOr(DataFetcher<?> smallRye) {
        DataFetcher<?> resolver = PlainProperties.of(smallRye).<DataFetcher<?>>map(plain -> plain).orElse(smallRye);
        return env -> {
            Object source = env.getSource();
            Prefetched prefetched = source == null ? null : Prefetched.existing(env.getGraphQlContext());
            String key = env.getField().getResultKey();
            if (prefetched != null && prefetched.has(source, key)) {
                return prefetched.value(source, key);
            }
            return resolver.get(env);
        };
    }
}
