package org.partnergraph.graph;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.neo4j.driver.AccessMode;
import org.neo4j.driver.Bookmark;
import org.neo4j.driver.Driver;
import org.neo4j.driver.NotificationSeverity;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import org.neo4j.driver.Record;
import org.neo4j.driver.Result;
import org.neo4j.driver.SessionConfig;
import org.neo4j.driver.TransactionConfig;
import org.neo4j.driver.TransactionContext;
import org.neo4j.driver.async.AsyncSession;
import org.neo4j.driver.async.AsyncTransaction;
import org.neo4j.driver.async.ResultCursor;
import org.neo4j.driver.exceptions.RetryableException;
import org.neo4j.driver.exceptions.TransientException;
import org.neo4j.driver.summary.ResultSummary;
import org.partnergraph.common.BookmarkNotReachedException;

/**
 * The only door to Neo4j. Reads run in read transactions and writes in write transactions, so a
 * {@code neo4j://} routing URI sends reads to secondaries; all sessions share the driver's bookmark
 * manager, so a read on this replica always sees the writes this replica made before it, and a request
 * carrying another replica's bookmark waits for that replica's writes ({@link Bookmarks}).
 * Every query sent is counted ({@link #roundTrips()}): tests use it to prove that a nested GraphQL
 * request costs a constant number of queries, not one per parent.
 * Reads carry a transaction timeout ({@code partnergraph.graph.transaction-timeout}): Neo4j stops a read
 * that runs longer, so one expensive request cannot hold a connection and a CPU indefinitely. Writes
 * have none: an import must not stop half-way because it is large.
 */
@ApplicationScoped
public class Graph {

    private final Driver driver;
    private final Bookmarks bookmarks;
    private final AtomicLong roundTrips = new AtomicLong();
    private final TransactionConfig readConfig;
    /** Neo4j's code for a bookmark it did not reach within its own wait. */
    static final String BOOKMARK_TIMEOUT = "Neo.TransientError.Transaction.BookmarkTimeout";

    Graph(Driver driver, Bookmarks bookmarks, MeterRegistry meters,
            @ConfigProperty(name = "partnergraph.graph.transaction-timeout") Duration readTimeout) {
        this.driver = driver;
        this.bookmarks = bookmarks;
        this.readConfig = TransactionConfig.builder().withTimeout(readTimeout).build();
        FunctionCounter.builder("partnergraph.cypher.statements", roundTrips, AtomicLong::get)
                .description("Cypher statements sent to Neo4j (round trips)")
                .register(meters);
        FunctionCounter.builder("partnergraph.bolt.resets.skipped", CleanReleaseConnections.class, c -> CleanReleaseConnections.skipped())
                .description("Bolt connections taken back by the pool clean, without the RESET (see CleanReleaseConnections)")
                .register(meters);
        FunctionCounter.builder("partnergraph.bolt.resets.sent", CleanReleaseConnections.class, c -> CleanReleaseConnections.sent())
                .description("RESETs sent to Neo4j through CleanReleaseConnections: unclean releases, interrupts, liveness checks")
                .register(meters);
    }

    /** One Cypher statement inside a transaction; every call is one round trip. */
    public final class Tx {
        private final TransactionContext tx;

        private Tx(TransactionContext tx) {
            this.tx = tx;
        }

        public <T> List<T> list(String cypher, Map<String, Object> parameters, Function<Record, T> mapper) {
            roundTrips.incrementAndGet();
            return tx.run(cypher, parameters).list(mapper::apply);
        }

        public <T> Optional<T> single(String cypher, Map<String, Object> parameters, Function<Record, T> mapper) {
            List<T> rows = list(cypher, parameters, mapper);
            return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
        }

        /** A statement whose rows nobody reads; answers its summary (counters, plan, notifications). */
        public ResultSummary run(String cypher, Map<String, Object> parameters) {
            roundTrips.incrementAndGet();
            return tx.run(cypher, parameters).consume();
        }
    }

    public <T> T read(Function<Tx, T> work) {
        Set<Bookmark> requested = bookmarks.requested();
        if (!requested.isEmpty()) {
            awaitBookmarks(requested);
        }
        try (var session = driver.session(readSessionConfig(requested))) {
            return session.executeRead(tx -> work.apply(new Tx(tx)), readConfig);
        }
    }

    /**
     * One read statement that answers one row, without holding a thread while Neo4j works: what a
     * compiled GraphQL request sends (one statement, one round trip). {@code bookmarks} are those the
     * request carried ({@link #requestedBookmarks()}, read while the request was current).
     */
    public CompletionStage<Record> readOne(String cypher, Map<String, Object> parameters, Set<Bookmark> bookmarks) {
        return readOne(cypher, parameters, bookmarks, readConfig);
    }

    /** As {@link #readOne(String, Map, Set)}, with {@code extra} time on top of the read timeout. */
    public CompletionStage<Record> readOne(String cypher, Map<String, Object> parameters, Set<Bookmark> bookmarks,
            Duration extra) {
        return readOne(cypher, parameters, bookmarks, TransactionConfig.builder()
                .withTimeout(readConfig.timeout().plus(extra)).build());
    }

    private CompletionStage<Record> readOne(String cypher, Map<String, Object> parameters, Set<Bookmark> bookmarks,
            TransactionConfig config) {
        roundTrips.incrementAndGet();
        AsyncSession session = driver.session(AsyncSession.class, readSessionConfig(bookmarks));
        CompletableFuture<Record> answer = new CompletableFuture<>();
        // Without bookmarks, an auto-commit read: RUN and PULL, where a transaction function adds BEGIN and COMMIT,
        // two more messages for Neo4j to handle per request (a fifth of its CPU on the benchmark's questions).
        // What a transaction function would retry (the connection lost, a transient error) is retried as one.
        CompletionStage<Record> work = bookmarks.isEmpty()
                ? session.runAsync(cypher, parameters, config).thenCompose(ResultCursor::singleAsync)
                        .exceptionallyCompose(failure -> unwrap(failure) instanceof RetryableException
                                ? session.executeReadAsync(tx -> tx.runAsync(cypher, parameters)
                                        .thenCompose(ResultCursor::singleAsync), config)
                                : CompletableFuture.failedFuture(failure))
                : begin(session, config).thenCompose(tx -> tx.runAsync(cypher, parameters)
                        .thenCompose(ResultCursor::singleAsync)
                        .thenCompose(record -> tx.commitAsync().thenApply(committed -> record)));
        work.whenComplete((record, failure) -> {
            Throwable cause = unwrap(failure);
            if (cause instanceof BookmarkNotReachedException) {
                // Closing waits for the BEGIN still queued at Neo4j: the client is not kept waiting for it.
                answer.completeExceptionally(cause);
                session.closeAsync();
                return;
            }
            session.closeAsync().whenComplete((closed, ignored) -> {
                if (failure != null) {
                    answer.completeExceptionally(failure);
                } else {
                    answer.complete(record);
                }
            });
        });
        return answer;
    }

    /**
     * BEGIN, where Neo4j waits until it has every bookmark, bounded by {@code partnergraph.bookmarks.wait}
     * (Neo4j's own bound, {@code db.transaction.bookmark_ready_timeout}, is 30 s by default). Unmanaged,
     * so the driver does not retry the wait.
     */
    private CompletionStage<AsyncTransaction> begin(AsyncSession session, TransactionConfig config) {
        Duration wait = bookmarks.waitLimit();
        return session.beginTransactionAsync(config).toCompletableFuture()
                .orTimeout(wait.toMillis(), TimeUnit.MILLISECONDS)
                .handle((tx, failure) -> {
                    Throwable cause = unwrap(failure);
                    if (cause == null) {
                        return tx;
                    }
                    if (cause instanceof TimeoutException || cause instanceof TransientException neo4j
                            && BOOKMARK_TIMEOUT.equals(neo4j.code())) {
                        throw new BookmarkNotReachedException(notReached(wait));
                    }
                    throw cause instanceof RuntimeException runtime ? runtime : new CompletionException(cause);
                });
    }

    /** For reads through {@link #read}: waits, bounded, until the member has the request's bookmarks. */
    private void awaitBookmarks(Set<Bookmark> requested) {
        AsyncSession session = driver.session(AsyncSession.class, readSessionConfig(requested));
        try {
            begin(session, readConfig).thenCompose(AsyncTransaction::rollbackAsync).toCompletableFuture().join();
        } catch (CompletionException e) {
            throw unwrap(e) instanceof RuntimeException runtime ? runtime : e;
        } finally {
            session.closeAsync();
        }
    }

    static String notReached(Duration wait) {
        return Bookmarks.HEADER + " header: the graph has not reached this write within " + wait.toMillis()
                + " ms (a replica is still catching up); retry the read shortly.";
    }

    private static Throwable unwrap(Throwable failure) {
        Throwable cause = failure;
        while ((cause instanceof CompletionException || cause instanceof ExecutionException) && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }

    /** The bookmarks the current request carries (see {@link Bookmarks}); empty outside a request. */
    public Set<Bookmark> requestedBookmarks() {
        return bookmarks.requested();
    }

    public <T> T write(Function<Tx, T> work) {
        try (var session = driver.session(writeSessionConfig())) {
            return session.executeWrite(tx -> work.apply(new Tx(tx)));
        }
    }

    /** Runs statements in a streamed read (see {@link #stream}): each row goes to {@code row} as it arrives. */
    @FunctionalInterface
    public interface Rows {
        /** Answers how many rows there were. */
        long each(String cypher, Map<String, Object> parameters, Consumer<Record> row);
    }

    /**
     * A read far larger than memory (an export of the whole graph): Neo4j sends {@code fetchSize} records at a
     * time, and each is handed on before the next batch is pulled, so nothing holds the whole answer. The
     * statements {@code work} runs share one read transaction bounded by {@code timeout} rather than the API's
     * read timeout. Unmanaged: a managed transaction retries its work from the start after a transient
     * failure, and rows already handed on (written to a client) cannot be taken back.
     */
    public void stream(int fetchSize, Duration timeout, Consumer<Rows> work) {
        SessionConfig config = session().withDefaultAccessMode(AccessMode.READ).withFetchSize(fetchSize).build();
        try (var session = driver.session(config);
                var tx = session.beginTransaction(TransactionConfig.builder().withTimeout(timeout).build())) {
            work.accept((cypher, parameters, row) -> {
                roundTrips.incrementAndGet();
                Result result = tx.run(cypher, parameters);
                long rows = 0;
                while (result.hasNext()) {
                    row.accept(result.next());
                    rows++;
                }
                return rows;
            });
            tx.commit();
        }
    }

    public <T> List<T> readList(String cypher, Map<String, Object> parameters, Function<Record, T> mapper) {
        return read(tx -> tx.list(cypher, parameters, mapper));
    }

    public <T> Optional<T> readSingle(String cypher, Map<String, Object> parameters, Function<Record, T> mapper) {
        return read(tx -> tx.single(cypher, parameters, mapper));
    }

    /**
     * One batched statement for many parents: runs {@code cypher} with the distinct {@code $ids} (plus
     * {@code extra} parameters); its rows are tagged with an {@code id} column. Answers one list per
     * requested id, in request order and row order; an id without rows gets an empty list. This is
     * what a batched GraphQL field resolver needs: one round trip for all parents.
     */
    public <T> List<List<T>> readGrouped(String cypher, List<String> ids, Map<String, Object> extra,
            Function<Record, T> mapper) {
        Map<String, Object> parameters = new HashMap<>(extra);
        parameters.put("ids", List.copyOf(new LinkedHashSet<>(ids)));
        Map<String, List<T>> byId = new HashMap<>();
        for (Map.Entry<String, T> row : readList(cypher, parameters,
                r -> Map.entry(r.get("id").asString(), mapper.apply(r)))) {
            byId.computeIfAbsent(row.getKey(), id -> new ArrayList<>()).add(row.getValue());
        }
        return ids.stream().map(id -> byId.getOrDefault(id, List.of())).toList();
    }

    public <T> List<List<T>> readGrouped(String cypher, List<String> ids, Function<Record, T> mapper) {
        return readGrouped(cypher, ids, Map.of(), mapper);
    }

    /** For single-valued fields: the first row of each group, or null. */
    public static <T> List<T> firstOfEach(List<List<T>> groups) {
        return groups.stream().map(group -> group.isEmpty() ? null : group.get(0)).toList();
    }

    /**
     * Whether Neo4j answers within {@code timeout} (for health reporting; not a statement, so not counted).
     */
    public boolean reachable(Duration timeout) {
        try {
            driver.verifyConnectivityAsync().toCompletableFuture().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (ExecutionException | TimeoutException e) {
            return false;
        }
    }

    /** Number of Cypher statements sent since start. */
    public long roundTrips() {
        return roundTrips.get();
    }

    /** What a client carries to read this replica's writes on another replica (see {@link Bookmarks}). */
    public String bookmark() {
        return bookmarks.encode(driver.executableQueryBookmarkManager().getBookmarks());
    }

    /**
     * Every session: this replica's bookmarks, and no notifications. Neo4j attaches a notification to a
     * statement for each property key or relationship type the database does not hold yet (a graph
     * without OFFERS, without statuses) and for style warnings; a compiled read drew 16 per request,
     * which Neo4j serialised and the driver decoded and hashed on every request (6% of the service's CPU
     * under load), and nothing reads them. Cypher errors are not notifications and still fail a statement.
     */
    private SessionConfig.Builder session() {
        return SessionConfig.builder().withBookmarkManager(driver.executableQueryBookmarkManager())
                .withMinimumNotificationSeverity(NotificationSeverity.OFF);
    }

    /**
     * A read's session, in read mode: an auto-commit statement and an unmanaged transaction (a bookmarked read,
     * see begin) run, and are routed, as the session's mode says.
     */
    private SessionConfig readSessionConfig(Set<Bookmark> requested) {
        return withBookmarks(session().withDefaultAccessMode(AccessMode.READ), requested);
    }

    /** A write's session: it starts after the request's bookmarks (a transaction function sets its own mode). */
    private SessionConfig writeSessionConfig() {
        return withBookmarks(session(), bookmarks.requested());
    }

    private static SessionConfig withBookmarks(SessionConfig.Builder config, Set<Bookmark> requested) {
        return (requested.isEmpty() ? config : config.withBookmarks(requested)).build();
    }
}
