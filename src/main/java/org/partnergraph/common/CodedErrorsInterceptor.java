package org.partnergraph.common;

import java.time.Duration;
import java.util.UUID;

import jakarta.annotation.Priority;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.neo4j.driver.exceptions.ClientException;
import org.neo4j.driver.exceptions.ServiceUnavailableException;
import org.neo4j.driver.exceptions.TransientException;
import org.neo4j.driver.exceptions.SessionExpiredException;

/**
 * The one place where failures become client-facing error codes. Anything that is not already an
 * {@link ApiException} is logged with an id and reported as {@code INTERNAL} with that id, so no
 * stack trace or driver message ever reaches a client. A read that Neo4j stopped because it ran past
 * {@code partnergraph.graph.transaction-timeout} is the client asking for too much at once: LIMIT_EXCEEDED.
 */
@CodedErrors
@Interceptor
@Priority(Interceptor.Priority.PLATFORM_BEFORE + 100)
public class CodedErrorsInterceptor {

    private static final Logger LOG = Logger.getLogger(CodedErrorsInterceptor.class);
    /** Neo4j's codes for a transaction stopped by its timeout (TransactionTimedOut, …ClientConfiguration). */
    private static final String TIMED_OUT = "Neo.ClientError.Transaction.TransactionTimedOut";

    private final Duration readTimeout;

    CodedErrorsInterceptor(@ConfigProperty(name = "partnergraph.graph.transaction-timeout") Duration readTimeout) {
        this.readTimeout = readTimeout;
    }

    @AroundInvoke
    Object translate(InvocationContext context) throws Exception {
        try {
            return context.proceed();
        } catch (RuntimeException e) {
            throw coded(e, context.getMethod().getName(), readTimeout);
        }
    }

    /**
     * The coded error a failure during {@code where} becomes: ApiExceptions pass; Neo4j being away is
     * GRAPH_UNAVAILABLE, a read past the timeout LIMIT_EXCEEDED, a foreign bookmark BAD_USER_INPUT, a genuine
     * one the graph has not reached BOOKMARK_NOT_REACHED,
     * PostgreSQL being away RECORDS_UNAVAILABLE; anything else INTERNAL with a reference in the log.
     * Compiled reads, which run outside any resolver, use the same rules.
     */
    public static RuntimeException coded(RuntimeException e, String where, Duration readTimeout) {
        if (e instanceof ApiException) {
            return e;
        }
        if (e instanceof ServiceUnavailableException || e instanceof SessionExpiredException) {
            LOG.warnf("Neo4j unavailable during %s: %s", where, e.getMessage());
            return new GraphUnavailableException("The graph store is unavailable; retry later.");
        }
        if (e instanceof io.quarkus.security.UnauthorizedException) {
            return new UnauthenticatedException("Sign in to use this operation.");
        }
        if (e instanceof io.quarkus.security.ForbiddenException) {
            return new ForbiddenException("You lack the role this operation needs.");
        }
        if (e instanceof TransientException neo4j
                && "Neo.TransientError.Transaction.BookmarkTimeout".equals(neo4j.code())) {
            return new BookmarkNotReachedException("PartnerGraph-Bookmark header: the graph has not reached this write yet"
                    + " (a replica is still catching up); retry the read shortly.");
        }
        if (e instanceof ClientException client) {
            if (client.code() != null && client.code().startsWith(TIMED_OUT)) {
                LOG.infof("A graph read in %s ran past the %s transaction timeout", where, readTimeout);
                return new LimitExceededException("timeout: the graph query ran longer than " + human(readTimeout)
                        + ", the limit for one request; ask for less (a smaller page, fewer hops).");
            }
            if (client.code() != null && client.code().startsWith("Neo.ClientError.Transaction.InvalidBookmark")) {
                return new BadUserInputException("PartnerGraph-Bookmark header: not a bookmark of this graph.");
            }
            return internal(where, e);
        }
        RuntimeException records = RecordsUnavailableException.orRethrow(e);
        if (records instanceof ApiException) {
            LOG.warnf("PostgreSQL unavailable during %s: %s", where, e.getMessage());
            return records;
        }
        return internal(where, e);
    }

    private static String human(Duration duration) {
        long millis = duration.toMillis();
        return millis % 1000 == 0 ? millis / 1000 + " s" : millis + " ms";
    }

    private static InternalException internal(String where, RuntimeException e) {
        String id = UUID.randomUUID().toString();
        LOG.errorf(e, "Internal error %s in %s", id, where);
        return new InternalException("Internal error; reference " + id + ".");
    }
}
