package org.partnergraph.common;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

import org.dataloader.BatchLoaderEnvironment;
import org.dataloader.BatchLoaderWithContext;
import org.dataloader.CacheKey;
import org.dataloader.DataLoader;
import org.dataloader.DataLoaderFactory;
import org.dataloader.DataLoaderOptions;
import org.dataloader.DataLoaderRegistry;
import org.jboss.logging.Logger;

import graphql.ExecutionInput;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationExecutionParameters;
import io.quarkus.arc.Arc;
import io.smallrye.graphql.bootstrap.DataFetcherFactory;
import io.smallrye.graphql.execution.datafetcher.helper.BatchLoaderHelper;
import io.smallrye.graphql.schema.model.Argument;
import io.smallrye.graphql.schema.model.Operation;
import io.smallrye.graphql.schema.model.Schema;
import io.smallrye.graphql.schema.model.Type;

/**
 * The batched resolvers' DataLoaders, made when a request first asks for one instead of all of them for
 * every request. SmallRye builds a DataLoader (and a data fetcher behind it) for each of the schema's (60-odd)
 * batched fields on every request, and graphql-java then dispatches every one of them at every level;
 * a request the read planner answers in one statement uses none. Under load that was 16% of the
 * service's CPU. Here SmallRye is handed a schema model without batch operations (so it builds no
 * registry), and each request gets a registry that makes a field's DataLoader, as SmallRye would have,
 * the first time the field's batch fetcher looks it up; a field with arguments loads each set of
 * arguments apart ({@link #perArguments}).
 */
final class LazyDataLoaders extends SimplePerformantInstrumentation {

    private static final Logger LOG = Logger.getLogger(LazyDataLoaders.class);

    /** DataLoader name (SmallRye's: source type + field) to how to make one; null until taken over. */
    private static volatile Map<String, Function<String, DataLoader<?, ?>>> loaders;

    /**
     * Takes the batch operations over from SmallRye's schema model: called when SmallRye builds its engine,
     * which it does before it first looks the batch operations up for a request. Idempotent; without the
     * model (a schema built outside the application) SmallRye keeps doing it its own way.
     */
    static synchronized void takeOver() {
        if (Arc.container() == null || !Arc.container().isRunning()) {
            return;
        }
        var instance = Arc.container().instance(Schema.class);
        Schema model = instance.isAvailable() ? instance.get() : null;
        if (model == null) {
            LOG.warn("SmallRye's schema model is not available: every request builds every DataLoader");
            return;
        }
        List<Operation> batched = model.getBatchOperations();
        if (batched.isEmpty()) {
            return; // taken over already (SmallRye builds its engine once per schema, maybe more than once)
        }
        Map<String, Function<String, DataLoader<?, ?>>> made = new HashMap<>(loaders == null ? Map.of() : loaders);
        DataFetcherFactory fetchers = new DataFetcherFactory();
        BatchLoaderHelper names = new BatchLoaderHelper();
        Map<String, Type> types = model.getTypes();
        for (Operation operation : batched) {
            // As SmallRye's ExecutionService makes them, type lookup included.
            Type type = types.get(operation.getName());
            boolean arguments = !operation.getArguments().stream().allMatch(Argument::isSourceArgument);
            made.put(names.getName(operation), name -> {
                BatchLoaderWithContext<Object, Object> batch = arguments
                        ? perArguments(fetchers.getSourceBatchLoader(operation, type))
                        : fetchers.getSourceBatchLoader(operation, type);
                return arguments
                        ? DataLoaderFactory.newDataLoader(batch, DataLoaderOptions.newOptions().setCacheKeyFunction(BY_ARGUMENTS).build())
                        : DataLoaderFactory.newDataLoader(batch);
            });
        }
        loaders = Map.copyOf(made);
        for (Type type : types.values()) {
            if (type.hasBatchOperations()) {
                type.setBatchOperations(new HashMap<>());
            }
        }
    }

    /**
     * A key's DataLoader entry is the source and the field's arguments: two aliases of one field with
     * different arguments under one parent are two loads. (SmallRye keys by a hash of both, where two
     * different pairs can meet; equality cannot.)
     */
    private static final CacheKey<Object> BY_ARGUMENTS = new CacheKey<>() {
        @Override
        public Object getKey(Object input) {
            return input;
        }

        @Override
        public Object getKeyWithContext(Object input, Object context) {
            Object arguments = context instanceof Map<?, ?> batch ? batch.get(BatchLoaderHelper.ARGUMENTS) : null;
            return arguments == null ? input : Arrays.asList(input, arguments);
        }
    };

    /**
     * A batch that loads each set of arguments apart. SmallRye calls a batched resolver once per batch with
     * the arguments of the batch's first key, so two aliases of one field with different arguments under the
     * same parents (partners(first: 1) and partners(first: 2)) both got the first alias's answer. One
     * statement per distinct set of arguments at a level, each answer in its key's place.
     */
    private static BatchLoaderWithContext<Object, Object> perArguments(BatchLoaderWithContext<Object, Object> batch) {
        return (keys, environment) -> {
            List<Object> contexts = environment.getKeyContextsList();
            Map<Object, List<Integer>> groups = new LinkedHashMap<>();
            for (int i = 0; i < keys.size(); i++) {
                Object context = i < contexts.size() ? contexts.get(i) : null;
                Object arguments = context instanceof Map<?, ?> map ? map.get(BatchLoaderHelper.ARGUMENTS) : null;
                groups.computeIfAbsent(arguments, a -> new ArrayList<>()).add(i);
            }
            if (groups.size() <= 1) {
                return batch.load(keys, environment);
            }
            Object[] answers = new Object[keys.size()];
            List<CompletableFuture<?>> loads = new ArrayList<>();
            for (List<Integer> group : groups.values()) {
                List<Object> groupKeys = group.stream().map(keys::get).toList();
                List<Object> groupContexts = group.stream().map(contexts::get).toList();
                BatchLoaderEnvironment part = BatchLoaderEnvironment.newBatchLoaderEnvironment()
                        .context(environment.getContext()).keyContexts(groupKeys, groupContexts).build();
                loads.add(batch.load(groupKeys, part).toCompletableFuture().thenAccept(values -> {
                    for (int j = 0; j < group.size(); j++) {
                        answers[group.get(j)] = values.get(j);
                    }
                }));
            }
            return CompletableFuture.allOf(loads.toArray(CompletableFuture[]::new)).thenApply(done -> Arrays.asList(answers));
        };
    }

    @Override
    public ExecutionInput instrumentExecutionInput(ExecutionInput input, InstrumentationExecutionParameters parameters,
            InstrumentationState state) {
        Map<String, Function<String, DataLoader<?, ?>>> made = loaders;
        return made == null ? input : input.transform(builder -> builder.dataLoaderRegistry(new OnDemand(made)));
    }

    /** One request's DataLoaders: none until a batch fetcher asks for its own. */
    private static final class OnDemand extends DataLoaderRegistry {
        private final Map<String, Function<String, DataLoader<?, ?>>> made;

        OnDemand(Map<String, Function<String, DataLoader<?, ?>>> made) {
            this.made = made;
        }

        @Override
        public <K, V> DataLoader<K, V> getDataLoader(String key) {
            Function<String, DataLoader<?, ?>> make = made.get(key);
            return make == null ? super.getDataLoader(key) : computeIfAbsent(key, make);
        }
    }
}
