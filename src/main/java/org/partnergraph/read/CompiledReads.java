package org.partnergraph.read;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicLong;
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

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

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
    /**
     * How many compiled root fields the planner keeps, weighed roughly in characters held (the variables in the key
     * and the parameters made from them, the subquery and its statement, see {@link #weight}): a few tens of MB at
     * most, least used first out, whatever the variables' size.
     */
    private static final long KEPT_COMPILED_WEIGHT = 16_000_000;
    /** How many root fields were answered with what was compiled for an earlier request (tests check reuse). */
    private static final AtomicLong REUSED = new AtomicLong();

    private final Graph graph;
    private final ReadCatalog catalog;
    private final Access access;
    private final boolean anonymousReads;
    private final Duration readTimeout;
    private volatile boolean enabled;
    private volatile boolean directCompletion;
    private final Set<PlanningKey> planned = java.util.concurrent.ConcurrentHashMap.newKeySet();
    /**
     * Root fields compiled, kept by what they were compiled from: the root field's kept walk (its document's
     * syntax nodes, see Selections), the request's variables, its column in the statement and its locale. A
     * root field's compiled form depends on nothing else (not on the caller: authorisation is applied to
     * what was read, see DirectCompletion; not on the graph), and compiling it was the largest part of the
     * planner's cost, ~17% of the service's CPU on partners of partners in a profile under load. So the
     * repeated requests of a page, an app's list or a dashboard skip it.
     */
    private final Cache<RootKey, Planned> kept = Caffeine.newBuilder()
            .maximumWeight(KEPT_COMPILED_WEIGHT)
            .weigher((RootKey key, Planned value) -> 2 * weight(key.variables) + 2 * value.alone().length())
            .build();

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
            Selections.Root selected = Selections.root(env).orElse(null);
            List<SelectedField> selection = selection(env, selected);
            Part part;
            synchronized (request) {
                String column = "r" + request.parts.size();
                Planned compiled;
                if (selected == null || selected.walk() == null) {
                    compiled = compile(root, env, selection, column);
                } else {
                    RootKey key = new RootKey(selected.walk(), env.getVariables(), column, env.getLocale());
                    compiled = kept.getIfPresent(key);
                    if (compiled == null) {
                        compiled = compile(root, env, selection, column);
                        kept.put(key, compiled);
                    } else {
                        REUSED.incrementAndGet();
                    }
                }
                part = new Part(column, compiled, new CompletableFuture<>());
                request.parts.add(part);
            }
            return part.answer;
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(CodedErrorsInterceptor.coded(e, env.getField().getName(), readTimeout));
        }
    }

    /** Compiles one root field on its own plan: its parameters are named apart from the other root fields'. */
    private Planned compile(RootRead root, DataFetchingEnvironment env, List<SelectedField> selection, String column) {
        ReadPlan plan = new ReadPlan(catalog, column + "_");
        Compiled compiled = root.compile(plan, env.getArguments(), selection, column);
        return Planned.of(compiled, Collections.unmodifiableMap(new LinkedHashMap<>(plan.parameters())), column);
    }

    /**
     * The root field's immediate selection, read from the syntax tree where it can be (see Selections), else
     * graphql-java's.
     */
    private static List<SelectedField> selection(DataFetchingEnvironment env, Selections.Root selected) {
        if (selected == null) {
            return env.getSelectionSet().getImmediateFields();
        }
        assert Selections.sameAs(selected.fields(), env.getSelectionSet().getImmediateFields());
        return selected.fields();
    }

    /** How many root fields reused what was compiled for an earlier request, since start (for the tests). */
    static long reused() {
        return REUSED.get();
    }

    /** Roughly how many characters {@code value} (a request's variables) holds: what keeping it in a key costs. */
    static int weight(Object value) {
        if (value instanceof CharSequence text) {
            return 16 + text.length();
        }
        if (value instanceof Map<?, ?> map) {
            int weight = 16;
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                weight += weight(entry.getKey()) + weight(entry.getValue());
            }
            return weight;
        }
        if (value instanceof Collection<?> values) {
            int weight = 16;
            for (Object each : values) {
                weight += weight(each);
            }
            return weight;
        }
        return 16;
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
        return context.computeIfAbsent(STATE, key -> new Request(Prefetched.of(context), graph.requestedBookmarks(),
                Vertx.currentContext()));
    }

    /**
     * What Neo4j's query cache keys a plan by: the statement's text and its parameters' types. The same text with
     * a null where a list was (a filter left out, the first page without a cursor) is planned again, so it is a
     * statement not seen yet.
     */
    static PlanningKey planningKey(String cypher, Map<String, Object> parameters) {
        StringBuilder types = new StringBuilder(16 * parameters.size());
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
        return value.getClass().getName();
    }

    /** One root field's part of the statement and the answer its fetcher waits for. */
    record Part(String column, Planned planned, CompletableFuture<Object> answer) {
    }

    /**
     * A root field compiled: its subquery and reader, the parameters its subquery binds, and, for the usual request
     * of one compiled root field, the whole statement and its planning key, made once for every request it answers.
     */
    record Planned(Compiled compiled, Map<String, Object> parameters, String alone, PlanningKey aloneKey) {

        static Planned of(Compiled compiled, Map<String, Object> parameters, String column) {
            String alone = statement(List.of(compiled), List.of(column));
            return new Planned(compiled, parameters, alone, planningKey(alone, parameters));
        }
    }

    /** One statement of the root fields' subqueries, returning each root field's column. */
    private static String statement(List<Compiled> compiled, List<String> columns) {
        StringBuilder cypher = new StringBuilder();
        for (Compiled each : compiled) {
            cypher.append("CALL () {\n").append(each.expression()).append("\n}\n");
        }
        return cypher.append("RETURN ").append(String.join(", ", columns)).toString();
    }

    /**
     * What a compiled root field is kept by: the walk by identity (graphql-java's syntax nodes compare by
     * identity, and a walk is kept once per document), the variables and the rest by value.
     */
    static final class RootKey {
        private final Object walk;
        private final Map<String, Object> variables;
        private final String column;
        private final Locale locale;
        private final int hash;

        RootKey(Object walk, Map<String, Object> variables, String column, Locale locale) {
            this.walk = walk;
            this.variables = variables;
            this.column = column;
            this.locale = locale;
            this.hash = Objects.hash(System.identityHashCode(walk), variables, column, locale);
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof RootKey key && key.walk == walk && key.hash == hash && key.column.equals(column)
                    && Objects.equals(key.locale, locale) && key.variables.equals(variables);
        }

        @Override
        public int hashCode() {
            return hash;
        }
    }

    /** The request's statement while root fields join it. */
    final class Request {
        final Prefetched prefetched;
        final Set<Bookmark> bookmarks;
        final Context vertx;
        final List<Part> parts = new ArrayList<>();

        Request(Prefetched prefetched, Set<Bookmark> bookmarks, Context vertx) {
            this.prefetched = prefetched;
            this.bookmarks = bookmarks;
            this.vertx = vertx;
        }

        /** Every root field that joined, in one statement; once, when all root fields have been asked. */
        void run() {
            String cypher;
            Map<String, Object> parameters;
            PlanningKey statement;
            List<Part> batch;
            synchronized (this) {
                batch = List.copyOf(parts);
                parts.clear();
                if (batch.isEmpty()) {
                    return;
                }
                if (batch.size() == 1) {
                    Planned only = batch.get(0).planned();
                    cypher = only.alone();
                    parameters = only.parameters();
                    statement = only.aloneKey();
                } else {
                    cypher = statement(batch.stream().map(p -> p.planned().compiled()).toList(),
                            batch.stream().map(Part::column).toList());
                    parameters = new LinkedHashMap<>();
                    for (Part part : batch) {
                        parameters.putAll(part.planned().parameters());
                    }
                    statement = planningKey(cypher, parameters);
                }
            }
            LOG.debugf("compiled statement:%n%s%nparameters: %s", cypher, parameters);
            try {
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
                Object answer = Prefetched.reading(prefetched,
                        () -> part.planned().compiled().reader().apply(record.get(part.column())));
                part.answer.complete(answer);
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
