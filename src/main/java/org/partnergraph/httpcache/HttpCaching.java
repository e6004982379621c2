package org.partnergraph.httpcache;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonValue;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.partnergraph.change.ChangeService;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import graphql.language.Document;
import graphql.language.OperationDefinition;
import graphql.parser.Parser;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;

/**
 * HTTP caching of GraphQL answers. Only anonymous queries answered without errors may be kept by shared
 * caches ({@code Cache-Control: public, max-age=N}, {@code partnergraph.http-cache.max-age}); a request with an
 * {@code Authorization} header gets {@code private, no-store} (what a signed-in user sees must never sit in a
 * proxy), and mutations and errors {@code no-store}.
 * <p>
 * Anonymous query answers carry a strong ETag: a digest of the graph's position (the last change applied to
 * it, {@link ChangeService#graphPosition()}), which every write moves, and of the request (document,
 * operation name, variables, and the Accept and Accept-Encoding that choose the representation). The position
 * is read before execution, so an answer is never tagged with a position newer than what it read. A request
 * whose If-None-Match holds the current tag is answered 304 without being executed.
 * <p>
 * {@code GraphQLRequestGuard} calls {@link #answerIfNotModified} for every request it lets through.
 */
@ApplicationScoped
public class HttpCaching {

    private static final Logger LOG = Logger.getLogger(HttpCaching.class);
    /** Answers differ by who asks, which type is asked for, and how it is encoded. */
    static final String VARY = "Authorization, Accept, Accept-Encoding";
    static final String NO_STORE = "no-store";

    private final ChangeService changes;
    private final Duration maxAge;
    /** How old the graph position in a tag may be: reading it per request would double every read's round trips. */
    private final Duration positionStaleness;
    /**
     * What the tag needs of a document and operation name, which repeat from request to request: whether the chosen
     * operation is a query, and the digest of both, so the document's text is digested once, not per request.
     * Bounded by length.
     */
    private final Cache<List<String>, Operation> operations;

    /** A document's chosen operation: a query or not, and the digest state after the document and operation name. */
    private record Operation(boolean query, MessageDigest digested) {

        /** A copy of the digest state to go on from (the kept state is shared by every request). */
        MessageDigest digest() {
            try {
                return (MessageDigest) digested.clone();
            } catch (CloneNotSupportedException e) {
                throw new IllegalStateException("the JDK's SHA-256 can be cloned", e);
            }
        }
    }

    HttpCaching(ChangeService changes, @ConfigProperty(name = "partnergraph.http-cache.max-age") Duration maxAge,
            @ConfigProperty(name = "partnergraph.http-cache.position-staleness") Duration positionStaleness) {
        this.changes = changes;
        this.maxAge = maxAge;
        this.positionStaleness = positionStaleness;
        this.operations = Caffeine.newBuilder().maximumWeight(4L << 20)
                .weigher((List<String> key, Operation operation) -> key.get(0).length() + key.get(1).length())
                .build();
    }

    /**
     * For a request the guard accepted, before it is executed (may read the graph: call it off the event loop):
     * answers 304 and returns true when If-None-Match holds the current tag; otherwise arranges the caching
     * headers of the answer to come and returns false.
     */
    /**
     * Whether {@link #answerIfNotModified} would decide without asking a store: a signed-in request is never
     * tagged, and any other is tagged with a graph position known and fresh enough (the request guard then checks
     * on the event loop).
     */
    public boolean decidesWithoutStores(RoutingContext context) {
        return context.request().getHeader(HttpHeaders.AUTHORIZATION) != null || changes.graphPositionKnown(positionStaleness);
    }

    public boolean answerIfNotModified(RoutingContext context, String query, String operationName, JsonValue variables) {
        HttpServerResponse response = context.response();
        response.putHeader(HttpHeaders.VARY, VARY);
        if (context.request().getHeader(HttpHeaders.AUTHORIZATION) != null) {
            response.putHeader(HttpHeaders.CACHE_CONTROL, "private, no-store");
            return false;
        }
        Operation operation = operation(query, operationName);
        if (!operation.query()) {
            response.putHeader(HttpHeaders.CACHE_CONTROL, NO_STORE);
            return false;
        }
        Optional<String> tag = tag(context, operation, variables);
        if (tag.isEmpty()) {
            response.putHeader(HttpHeaders.CACHE_CONTROL, NO_STORE);
            return false;
        }
        if (matches(context.request().getHeader(HttpHeaders.IF_NONE_MATCH), tag.get())) {
            response.setStatusCode(304).putHeader(HttpHeaders.ETAG, tag.get())
                    .putHeader(HttpHeaders.CACHE_CONTROL, cacheControl()).end();
            return true;
        }
        context.addHeadersEndHandler(done -> {
            ExecutionOutcomes.Outcome outcome = ExecutionOutcomes.take();
            if (response.getStatusCode() == 200 && outcome != null && outcome.cacheable() && query.equals(outcome.query())) {
                response.putHeader(HttpHeaders.ETAG, tag.get()).putHeader(HttpHeaders.CACHE_CONTROL, cacheControl());
            } else {
                response.putHeader(HttpHeaders.CACHE_CONTROL, NO_STORE);
            }
        });
        return false;
    }

    /** max-age 0: caches may keep the answer but must ask again each time (and get a 304 while it holds). */
    private String cacheControl() {
        return maxAge.isZero() ? "public, no-cache" : "public, max-age=" + maxAge.toSeconds();
    }

    private Optional<String> tag(RoutingContext context, Operation operation, JsonValue variables) {
        long position;
        try {
            position = changes.graphPosition(positionStaleness);
        } catch (RuntimeException e) {
            // The graph cannot say how far it is: answer (or fail) uncached, as the execution decides.
            LOG.debugf(e, "No graph position for an ETag");
            return Optional.empty();
        }
        MessageDigest digest = operation.digest();
        update(digest, Long.toString(position), variables == null ? null : variables.toString(),
                context.request().getHeader(HttpHeaders.ACCEPT), context.request().getHeader(HttpHeaders.ACCEPT_ENCODING));
        return Optional.of("\"" + Base64.getUrlEncoder().withoutPadding().encodeToString(digest.digest()) + "\"");
    }

    /** Length-prefixed, so no two different requests feed the digest the same bytes. */
    private static void update(MessageDigest digest, String... parts) {
        for (String part : parts) {
            byte[] bytes = part == null ? new byte[0] : part.getBytes(StandardCharsets.UTF_8);
            digest.update((part == null ? "-1:" : bytes.length + ":").getBytes(StandardCharsets.US_ASCII));
            digest.update(bytes);
        }
    }

    /** If-None-Match: "*" or a list of tags; a weak tag (W/) matches as the strong one (weak comparison, RFC 9110). */
    static boolean matches(String ifNoneMatch, String tag) {
        if (ifNoneMatch == null) {
            return false;
        }
        for (String candidate : ifNoneMatch.split(",")) {
            String trimmed = candidate.trim();
            if (trimmed.equals("*") || (trimmed.startsWith("W/") ? trimmed.substring(2) : trimmed).equals(tag)) {
                return true;
            }
        }
        return false;
    }

    private Operation operation(String query, String operationName) {
        return operations.get(List.of(query, Objects.requireNonNullElse(operationName, "")), key -> {
            boolean isQuery;
            try {
                Document document = Parser.parse(key.get(0));
                isQuery = document.getDefinitionsOfType(OperationDefinition.class).stream()
                        .filter(operation -> key.get(1).isEmpty() || key.get(1).equals(operation.getName()))
                        .findFirst().map(operation -> operation.getOperation() == OperationDefinition.Operation.QUERY)
                        .orElse(false);
            } catch (RuntimeException e) {
                isQuery = false;
            }
            MessageDigest digest;
            try {
                digest = MessageDigest.getInstance("SHA-256");
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("SHA-256 is part of every JDK", e);
            }
            update(digest, key.get(0), key.get(1));
            return new Operation(isQuery, digest);
        });
    }
}
