package org.partnergraph.read;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.neo4j.driver.Bookmark;
import org.neo4j.driver.Record;
import org.partnergraph.common.CodedErrorsInterceptor;
import org.partnergraph.graph.Graph;
import org.partnergraph.security.Access;
import org.partnergraph.security.Roles;

import graphql.GraphQLContext;
import graphql.schema.DataFetchingEnvironment;
import graphql.schema.SelectedField;
import io.quarkus.arc.Unremovable;
import io.vertx.core.Context;
import io.vertx.core.Vertx;

/**
 * Answers the root query fields the features compile, all of one request's in one Cypher statement:
 * each root field becomes a {@code CALL () { … }} subquery with its whole compilable selection, the
 * request's root fields are gathered until graphql-java has asked every root field ({@link RootDispatch}),
 * and the statement is one round trip in one read transaction. What a field's nested
 * selection fetched ahead is kept in {@link Prefetched}, so those fields never reach their resolvers.
 */
// Looked up by the schema's data fetchers, which SmallRye builds outside CDI: keep it although nothing injects it.
@Unremovable
@ApplicationScoped
public class CompiledReads {

    private static final String STATE = CompiledReads.class.getName();
    private static final Logger LOG = Logger.getLogger(CompiledReads.class);
    /**
     * Neo4j plans a statement it has not seen inside the transaction, and the plan of a large nested
     * request can take seconds on a busy machine: the first run of each statement text with each set of
     * parameter types gets this much more than the read timeout (see {@link #planningKey}). Later runs hit
     * Neo4j's query cache and get the read timeout alone.
     */
    static final Duration PLANNING_ALLOWANCE = Duration.ofSeconds(10);
    private static final int REMEMBERED_STATEMENTS = 10_000;

    private final Graph graph;
    private final ReadCatalog catalog;
    private final Access access;
    private final boolean anonymousReads;
    private final Duration readTimeout;
    private volatile boolean enabled;
    private volatile boolean directCompletion;
    private final Set<PlanningKey> planned = java.util.concurrent.ConcurrentHashMap.newKeySet();

    CompiledReads(Graph graph, Instance<ReadContribution> contributions, Access access,
            @ConfigProperty(name = "partnergraph.security.anonymous-reads") boolean anonymousReads,
            @ConfigProperty(name = "partnergraph.graph.transaction-timeout") Duration readTimeout,
            @ConfigProperty(name = "partnergraph.graph.compiled-reads") boolean enabled,
            @ConfigProperty(name = "partnergraph.graph.direct-completion") boolean directCompletion) {
        this.enabled = enabled;
        this.directCompletion = directCompletion;
        this.graph = graph;
        this.catalog = ReadCatalog.of(contributions.stream().toList());
        this.access = access;
        this.anonymousReads = anonymousReads;
        this.readTimeout = readTimeout;
    }

    /** Whether the planner may fetch {@code type}'s {@code field} ahead (it compiles that field). */
    boolean compilesField(String type, String field) {
        return catalog.field(type, field) != null;
    }

    boolean compiles(String rootField) {
        return enabled && catalog.root(rootField) != null;
    }

    /**
     * Whether {@link DirectCompletion} may complete what the statement fetched without graphql-java's walk: with
     * the planner only (switched off, every field goes through graphql-java and its resolver, as before).
     */
    boolean completesDirectly() {
        return enabled && directCompletion;
    }

    /** Switches {@link DirectCompletion} alone off or on (the planner stays as it is): to compare both walks. */
    public void completeDirectly(boolean on) {
        directCompletion = on;
    }

    /**
     * Switches the planner off (every field then goes to its resolver, one statement per field level, as
     * before the planner) or on. For the tests that prove both paths answer the same, and for operators
     * who suspect the planner ({@code PARTNERGRAPH_COMPILED_READS=false}).
     */
    public void enabled(boolean on) {
        enabled = on;
    }

    /** One root field: planned now, answered when the request's statement has run. */
    CompletionStage<Object> fetch(DataFetchingEnvironment env) {
        RootRead root = catalog.root(env.getField().getName());
        try {
            if (!anonymousReads) {
                access.require(Roles.VIEWER);
            }
            Request request = request(env.getGraphQlContext());
            Part part;
            synchronized (request) {
                String column = "r" + request.parts.size();
                Compiled compiled = root.compile(request.plan, env.getArguments(), selection(env), column);
                part = new Part(column, compiled, new CompletableFuture<>());
                request.parts.add(part);
            }
            return part.answer;
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(CodedErrorsInterceptor.coded(e, env.getField().getName(), readTimeout));
        }
    }

    /** The root field's immediate selection, read from the syntax tree where it can be (see Selections). */
    private static List<SelectedField> selection(DataFetchingEnvironment env) {
        List<SelectedField> selection = Selections.immediate(env).orElse(null);
        if (selection == null) {
            return env.getSelectionSet().getImmediateFields();
        }
        assert Selections.sameAs(selection, env.getSelectionSet().getImmediateFields());
        return selection;
    }

    /**
     * Called by {@link RootDispatch} once graphql-java has asked every root field of the operation: the
     * statement of the compiled ones can go.
     */
    static void dispatch(GraphQLContext context) {
        Request request = context.get(STATE);
        if (request != null) {
            request.run();
        }
    }

    private Request request(GraphQLContext context) {
        return context.computeIfAbsent(STATE, key -> new Request(new ReadPlan(catalog, Prefetched.of(context)),
                graph.requestedBookmarks(), Vertx.currentContext()));
    }

    /**
     * What Neo4j's query cache keys a plan by: the statement's text and its parameters' types. The same text with
     * a null where a list was (a filter left out, the first page without a cursor) is planned again, so it is a
     * statement not seen yet.
     */
    static PlanningKey planningKey(String cypher, Map<String, Object> parameters) {
        StringBuilder types = new StringBuilder(8 * parameters.size());
        new java.util.TreeMap<>(parameters).forEach((name, value) -> types.append(name).append(':').append(typeOf(value)).append(';'));
        return new PlanningKey(cypher, types.toString());
    }

    /** A statement's text and its parameters' types ({@code p0:String;p1:null;…}). */
    record PlanningKey(String cypher, String types) {
    }

    private static String typeOf(Object value) {
        if (value == null) {
            return "null";
        }
        if (value instanceof List<?> list) {
            return "list<" + list.stream().map(CompiledReads::typeOf).distinct().sorted().collect(Collectors.joining("|")) + ">";
        }
        if (value instanceof Map<?, ?>) {
            return "map";
        }
        return value.getClass().getSimpleName();
    }

    /** One root field's part of the statement and the answer its fetcher waits for. */
    record Part(String column, Compiled compiled, CompletableFuture<Object> answer) {
    }

    /** The request's statement while root fields join it. */
    final class Request {
        final ReadPlan plan;
        final Set<Bookmark> bookmarks;
        final Context vertx;
        final List<Part> parts = new ArrayList<>();

        Request(ReadPlan plan, Set<Bookmark> bookmarks, Context vertx) {
            this.plan = plan;
            this.bookmarks = bookmarks;
            this.vertx = vertx;
        }

        /** Every root field that joined, in one statement; once, when all root fields have been asked. */
        void run() {
            String cypher;
            Map<String, Object> parameters;
            List<Part> batch;
            synchronized (this) {
                batch = List.copyOf(parts);
                parts.clear();
                if (batch.isEmpty()) {
                    return;
                }
                cypher = batch.stream().map(p -> "CALL () {\n" + p.compiled().expression() + "\n}")
                        .collect(Collectors.joining("\n"))
                        + "\nRETURN " + batch.stream().map(Part::column).collect(Collectors.joining(", "));
                parameters = new HashMap<>(plan.parameters());
            }
            LOG.debugf("compiled statement:%n%s%nparameters: %s", cypher, parameters);
            try {
                PlanningKey statement = planningKey(cypher, parameters);
                boolean seen = planned.contains(statement);
                (seen ? graph.readOne(cypher, parameters, bookmarks)
                        : graph.readOne(cypher, parameters, bookmarks, PLANNING_ALLOWANCE))
                        .whenComplete((record, failure) -> onContext(() -> {
                    if (failure == null && !seen) {
                        if (planned.size() >= REMEMBERED_STATEMENTS) {
                            planned.clear();
                        }
                        planned.add(statement);
                    }
                    for (Part part : batch) {
                        complete(part, record, failure);
                    }
                }));
            } catch (RuntimeException e) {
                batch.forEach(part -> complete(part, null, e));
            }
        }

        private void complete(Part part, Record record, Throwable failure) {
            try {
                if (failure != null) {
                    throw failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
                }
                part.answer.complete(part.compiled().reader().apply(record.get(part.column())));
            } catch (RuntimeException e) {
                part.answer.completeExceptionally(CodedErrorsInterceptor.coded(e, part.column(), readTimeout));
            } catch (Throwable e) {
                part.answer.completeExceptionally(e);
            }
        }

        /**
         * Continues the request where it started (its Vert.x context), as SmallRye's resolvers do: the
         * driver's own threads must never run the rest of the request, whose resolvers may block.
         */
        private void onContext(Runnable work) {
            if (vertx != null) {
                vertx.runOnContext(ignored -> work.run());
            } else {
                work.run();
            }
        }
    }
}
