package org.partnergraph.read;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.ObjIntConsumer;

import org.jboss.logging.Logger;

import graphql.GraphQLContext;
import graphql.TypeResolutionEnvironment;
import graphql.execution.AsyncExecutionStrategy;
import graphql.execution.DataFetcherExceptionHandler;
import graphql.execution.DataFetcherResult;
import graphql.execution.ExecutionContext;
import graphql.execution.ExecutionStrategyParameters;
import graphql.execution.FieldCollectorParameters;
import graphql.execution.MergedField;
import graphql.execution.MergedSelectionSet;
import graphql.execution.ResolveType;
import graphql.execution.TypeResolutionParameters;
import graphql.execution.ValueUnboxer;
import graphql.introspection.Introspection;
import graphql.language.OperationDefinition;
import graphql.schema.CoercingSerializeException;
import graphql.schema.DataFetcher;
import graphql.schema.GraphQLCodeRegistry;
import graphql.schema.GraphQLEnumType;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLInterfaceType;
import graphql.schema.GraphQLList;
import graphql.schema.GraphQLNonNull;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLOutputType;
import graphql.schema.GraphQLScalarType;
import graphql.schema.GraphQLSchema;
import graphql.schema.GraphQLType;
import graphql.schema.GraphQLUnionType;
import graphql.util.FpKit;
import io.quarkus.arc.Arc;

/**
 * graphql-java's query strategy with one shortcut: an object whose whole selection the request's statement
 * already fetched (every field below it is prefetched by the read planner or is a plain property, see
 * {@link PlannedFetchers}) is completed here in one walk over its values, instead of graphql-java's walk of one
 * fetch, one environment, one step info, one path and one future per field of every object. Profiled under load
 * (partners of partners, L graph), graphql-java's execution with the fetchers was over half of the service's CPU
 * on a compiled request (completing field values alone a quarter), for values already in memory.
 * <p>
 * The walk answers exactly what graphql-java would: the same field collection (fragments, aliases,
 * {@code @skip}/{@code @include}), the same values (the planned fetchers' own lookup), the same scalar and
 * enum serialisation, the same type resolution. Anything it does not answer itself — a field that needs its
 * resolver (a protected field, citations, sources), a null where the schema says non-null, a value a scalar
 * refuses, an unresolvable type — makes it give the object back to graphql-java untouched, which completes it
 * field by field as before (with its errors and null propagation); the objects below it that the walk can
 * answer are then walked again on their own ({@link Position}). It counts the objects it completes toward the
 * response-size limit, and tells the DataLoader dispatcher about each as graphql-java would about an object with
 * no fields left to fetch, so other objects' batched fields are dispatched as before. Query operations only,
 * and none with deferred fragments.
 */
public final class DirectCompletion extends AsyncExecutionStrategy {

    private static final Logger LOG = Logger.getLogger(DirectCompletion.class);
    /** Objects completed here since start (tests check the shortcut is taken). */
    private static final AtomicLong COMPLETED = new AtomicLong();
    /** The walk's "not mine": graphql-java completes the object. */
    private static final Object GIVE_BACK = new Object();

    private final BooleanSupplier enabled;
    private final ObjIntConsumer<GraphQLContext> objects;
    private final ResolveType types = new ResolveType();

    /**
     * @param enabled asked per object: whether the shortcut is on (it follows the read planner's switch)
     * @param objects told the number of objects each walk completed, for the response-size limit
     */
    DirectCompletion(DataFetcherExceptionHandler exceptionHandler, BooleanSupplier enabled,
            ObjIntConsumer<GraphQLContext> objects) {
        super(exceptionHandler);
        this.enabled = enabled;
        this.objects = objects;
    }

    /** The application's strategy: on when the read planner is ({@link CompiledReads#completesDirectly}). */
    public static DirectCompletion of(DataFetcherExceptionHandler exceptionHandler, ObjIntConsumer<GraphQLContext> objects) {
        AtomicReference<CompiledReads> reads = new AtomicReference<>();
        return new DirectCompletion(exceptionHandler, () -> {
            if (Arc.container() == null || !Arc.container().isRunning()) {
                return false; // a schema built outside the application: no planner, nothing prefetched
            }
            return reads.updateAndGet(r -> r != null ? r : Arc.container().instance(CompiledReads.class).get())
                    .completesDirectly();
        }, objects);
    }

    static long completed() {
        return COMPLETED.get();
    }

    @Override
    protected Object completeValueForObject(ExecutionContext context, ExecutionStrategyParameters parameters,
            GraphQLObjectType type, Object result) {
        if (!context.hasIncrementalSupport()
                && context.getOperationDefinition().getOperation() == OperationDefinition.Operation.QUERY
                && enabled.getAsBoolean()) {
            Set<Position> leftToGraphqlJava = context.getGraphQLContext().computeIfAbsent(Position.class,
                    key -> ConcurrentHashMap.newKeySet());
            if (!leftToGraphqlJava.contains(Position.of(parameters.getField(), type))) {
                Walk walk = new Walk(context, leftToGraphqlJava);
                Object answer = walk.object(type, parameters.getField(), result);
                if (answer != GIVE_BACK) {
                    announce(context, parameters, type, result);
                    objects.accept(context.getGraphQLContext(), walk.objects);
                    COMPLETED.addAndGet(walk.objects);
                    return answer;
                }
            }
        }
        return super.completeValueForObject(context, parameters, type, result);
    }

    /**
     * A place in the operation (the field's first node in the document, by identity) with the type of the object
     * there. A walk that gives an object back marks its place and every place above it: graphql-java then
     * completes those objects, and the walk is tried again only for the objects below them, off the path that
     * needs a resolver, instead of again for every object on it. The document's nodes are the same for every
     * object of a list (and for each use of a fragment: a fragment's place given back in one use is given
     * back in all, which costs time, never an answer).
     */
    record Position(graphql.language.Field node, String type) {
        static Position of(MergedField field, GraphQLObjectType type) {
            return new Position(field.getSingleField(), type.getName());
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Position p && p.node == node && p.type.equals(type);
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(node) * 31 + type.hashCode();
        }
    }

    /**
     * graphql-java's per-level DataLoader dispatcher counts, per level, the objects it expects and the fields
     * they fetch; it is told of this object as of one with no fields (none is fetched: the values are here), so
     * its counts for the level stay whole.
     */
    private static void announce(ExecutionContext context, ExecutionStrategyParameters parameters, GraphQLObjectType type,
            Object result) {
        ExecutionStrategyParameters object = parameters.transform(builder -> builder
                .executionStepInfo(parameters.getExecutionStepInfo().changeTypeWithPreservedNonNull(type))
                .fields(MergedSelectionSet.newMergedSelectionSet().build())
                .source(result));
        var dispatcher = context.getDataLoaderDispatcherStrategy();
        dispatcher.executeObject(context, object);
        dispatcher.executeObjectOnFieldValuesInfo(List.of(), object);
    }

    /** A field of an object type: its definition (null for introspection's) and the fetcher the schema has for it. */
    private record Step(GraphQLFieldDefinition definition, DataFetcher<?> fetcher) {
        static Step of(GraphQLCodeRegistry registry, GraphQLObjectType type, String name) {
            GraphQLFieldDefinition definition = type.getField(name);
            return new Step(definition, definition == null ? null : registry.getDataFetcher(type, definition));
        }
    }

    /** One walk from an object down; GIVE_BACK as soon as any part of it is not the walk's to answer. */
    private final class Walk {
        private final ExecutionContext context;
        private final GraphQLSchema schema;
        private final GraphQLCodeRegistry registry;
        private final GraphQLContext graphQLContext;
        private final ValueUnboxer unboxer;
        private final Prefetched prefetched;
        private final FieldCollectorParameters.Builder collecting;
        /** The sub-fields of one field on one type are the same for every object of a list: collected once. */
        private final Map<MergedField, Map<GraphQLObjectType, MergedSelectionSet>> collected = new IdentityHashMap<>();
        /**
         * Each collected sub-field's definition and fetcher: the sub-fields above are the same objects for every
         * object of a list, and the schema's lookups (coordinates, maps, the fetcher's factory) are a few percent
         * of the service's CPU on a long list when made per object.
         */
        private final Map<MergedField, Step> steps = new IdentityHashMap<>();
        private final Set<Position> leftToGraphqlJava;
        int objects;

        Walk(ExecutionContext context, Set<Position> leftToGraphqlJava) {
            this.leftToGraphqlJava = leftToGraphqlJava;
            this.context = context;
            this.schema = context.getGraphQLSchema();
            this.registry = schema.getCodeRegistry();
            this.graphQLContext = context.getGraphQLContext();
            this.unboxer = context.getValueUnboxer();
            this.prefetched = Prefetched.existing(graphQLContext);
            this.collecting = FieldCollectorParameters.newParameters().schema(schema)
                    .fragments(context.getFragmentsByName()).variables(context.getCoercedVariables().toMap())
                    .graphQLContext(graphQLContext);
        }

        Object object(GraphQLObjectType type, MergedField field, Object source) {
            MergedSelectionSet fields = collected.computeIfAbsent(field, f -> new IdentityHashMap<>())
                    .computeIfAbsent(type, t -> fieldCollector.collectFields(collecting.objectType(t).build(), field, false));
            Map<String, Object> answer = new LinkedHashMap<>(Math.max(4, fields.size() * 2));
            for (Map.Entry<String, MergedField> entry : fields.getSubFields().entrySet()) {
                MergedField sub = entry.getValue();
                String name = sub.getName();
                Object value;
                if (name.equals(Introspection.TypeNameMetaFieldDef.getName())) {
                    value = type.getName();
                } else {
                    Step step = steps.computeIfAbsent(sub, s -> Step.of(registry, type, name));
                    // No definition: __schema or __type, introspection is graphql-java's.
                    value = step.definition() == null ? GIVE_BACK : value(step.fetcher(), source, entry.getKey());
                    if (value != GIVE_BACK) {
                        value = complete(step.definition().getType(), sub, value);
                    }
                }
                if (value == GIVE_BACK) {
                    leftToGraphqlJava.add(Position.of(field, type));
                    if (LOG.isDebugEnabled()) {
                        LOG.debugf("%s.%s is left to graphql-java's walk, with its object", type.getName(), entry.getKey());
                    }
                    return GIVE_BACK;
                }
                answer.put(entry.getKey(), value);
            }
            objects++;
            return answer;
        }

        /** The field's value as its planned fetcher would answer it, when that needs no resolver. */
        private Object value(DataFetcher<?> fetcher, Object source, String resultKey) {
            Object value;
            if (fetcher instanceof PlainProperties.Accessor accessor) {
                value = accessor.read(source);
            } else if (fetcher instanceof PlannedFetchers.Planned planned) {
                value = planned.answered(prefetched, source, resultKey);
            } else {
                return GIVE_BACK;
            }
            if (value == PlannedFetchers.Planned.UNANSWERED || value == PlainProperties.Accessor.FAILED
                    || value instanceof DataFetcherResult<?> || value instanceof CompletionStage<?>) {
                return GIVE_BACK;
            }
            return value;
        }

        private Object complete(GraphQLOutputType type, MergedField field, Object raw) {
            Object value = unboxer.unbox(raw);
            if (value == null) {
                return type instanceof GraphQLNonNull ? GIVE_BACK : null;
            }
            GraphQLType unwrapped = type instanceof GraphQLNonNull nonNull ? nonNull.getWrappedType() : type;
            if (unwrapped instanceof GraphQLList list) {
                if (!FpKit.isIterable(value)) {
                    return GIVE_BACK;
                }
                GraphQLOutputType items = (GraphQLOutputType) list.getWrappedType();
                List<Object> answer = new ArrayList<>();
                for (Object item : FpKit.toIterable(value)) {
                    if (item instanceof DataFetcherResult<?> || item instanceof CompletionStage<?>) {
                        return GIVE_BACK;
                    }
                    Object completed = complete(items, field, item);
                    if (completed == GIVE_BACK) {
                        return GIVE_BACK;
                    }
                    answer.add(completed);
                }
                return answer;
            }
            Object serialized;
            try {
                if (unwrapped instanceof GraphQLScalarType scalar) {
                    serialized = scalar.getCoercing().serialize(value, graphQLContext, context.getLocale());
                } else if (unwrapped instanceof GraphQLEnumType enumType) {
                    serialized = enumType.serialize(value, graphQLContext, context.getLocale());
                } else {
                    GraphQLObjectType object = resolve((GraphQLOutputType) unwrapped, field, value);
                    return object == null ? GIVE_BACK : object(object, field, value);
                }
            } catch (CoercingSerializeException e) {
                return GIVE_BACK; // graphql-java reports it where it happens
            }
            return serialized == null && type instanceof GraphQLNonNull ? GIVE_BACK : serialized;
        }

        /** The object type of an interface or union value, as graphql-java resolves it; null when it does not. */
        private GraphQLObjectType resolve(GraphQLOutputType type, MergedField field, Object value) {
            if (type instanceof GraphQLObjectType object) {
                return object;
            }
            TypeResolutionEnvironment environment = TypeResolutionParameters.newParameters().field(field).fieldType(type)
                    .value(value).argumentValues(Map::of).context(context.getContext()).graphQLContext(graphQLContext)
                    .schema(schema).build();
            try {
                GraphQLObjectType resolved = type instanceof GraphQLInterfaceType face
                        ? types.resolveTypeForInterface(environment, face)
                        : types.resolveTypeForUnion(environment, (GraphQLUnionType) type);
                // The resolver may answer a type of the schema SmallRye built; the executable schema's is by name.
                return schema.getObjectType(resolved.getName());
            } catch (RuntimeException e) {
                return null;
            }
        }
    }
}
