package org.partnergraph.common;

import java.io.StringReader;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.stream.JsonParser;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import graphql.language.Document;
import graphql.language.OperationDefinition;
import graphql.language.SourceLocation;
import graphql.parser.InvalidSyntaxException;
import graphql.parser.Parser;
import graphql.parser.ParserEnvironment;
import graphql.parser.ParserOptions;
import graphql.parser.exceptions.ParseCancelledException;
import graphql.parser.exceptions.ParseCancelledTooDeepException;
import graphql.parser.exceptions.ParseCancelledTooManyCharsException;
import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;

import org.partnergraph.httpcache.HttpCaching;
import org.partnergraph.persisted.PersistedQueries;
import org.partnergraph.common.GraphQLOverHttp.Media;

/**
 * Stands in front of SmallRye's {@code /graphql} handler and answers, with a coded error, every request
 * that SmallRye would answer without a code, with a plain-text 400 or with a 500: a body that is not a
 * JSON object (batched JSON arrays included: SmallRye does not run batches), a missing or non-string
 * query, variables that are not an object, a document that does not parse or is too long, an
 * {@code operationName} that picks no operation. It also refuses documents over the alias, directive,
 * depth and complexity limits before graphql-java validates them (see {@link DocumentLimits}), refuses
 * introspection where it is off, and refuses WebSocket upgrades: this API has no subscriptions, and
 * GraphQL over a WebSocket would go around every check here.
 * <p>
 * As the GraphQL-over-HTTP spec asks, a POST must say its body is {@code application/json} (or, as
 * SmallRye also offers, {@code application/graphql}): anything else, {@code text/plain} and form bodies
 * included, is answered 415 and not executed, since those are the types a browser on another site may
 * send without asking (CORS). Content after the JSON request object is refused, not ignored. A body that
 * has not fully arrived {@code partnergraph.http.body-timeout} after the request began is answered 408 and
 * its connection closed: a client that stalls must not hold a connection and a buffer for ever.
 * <p>
 * Queries may also be sent as GET ({@code /graphql?query=…&variables=<JSON>&operationName=…}), as the spec
 * allows: the parameters go through the same checks as a POST body, and a mutation is refused 405 with
 * {@code Allow: POST} (a GET must not change anything: links, prefetching and caches repeat GETs). They are
 * executed by {@link Execution}, not by SmallRye's GET support, which decodes the parameters a second
 * time (a {@code %} or {@code +} in a query breaks or changes it) and passes the query text as the
 * operation name. POST requests are executed by {@link Execution} too, from the request read here: SmallRye's
 * handler would read and parse the body again. Status and media type of every answer follow {@link GraphQLOverHttp}.
 * <p>
 * The body is read here with the same size limit as Quarkus' own body handler (which then sees it is
 * done and passes), and parsed the same way SmallRye parses it, so what passes here parses there.
 * The verdict on a document depends only on its text and the operation named, so it is kept (bounded, least
 * recently used out): a client sending the same document with new variables costs no parse here, as SmallRye
 * keeps its own parsed and validated documents. Variables are checked on every request.
 */
@ApplicationScoped
public class GraphQLRequestGuard {

    /** Before SmallRye's WebSocket route (-99) and its execution route. */
    static final int ORDER = -110;

    private static final Logger LOG = Logger.getLogger(GraphQLRequestGuard.class);
    private static final String ALLOW = "GET, POST, OPTIONS";
    /** Where a checked request (POST or GET) waits for {@link Execution}, as the JSON request SmallRye executes. */
    static final String REQUEST = "partnergraph.request";

    private static final JsonProvider JSON = JsonProvider.provider();
    /** SmallRye turns raw tabs and line breaks into spaces before parsing the JSON body; so must we. */
    private static final Pattern NEWLINE_OR_TAB = Pattern.compile("\\n|\\t");

    private final GraphQLSettings settings;
    private final PersistedQueries persistedQueries;
    private final HttpCaching httpCaching;
    private final long maxBody;
    private final String path;
    private final ParserOptions parserOptions;
    private final long bodyTimeoutMillis;
    private final boolean compression;
    private final boolean runBlocking;
    private final AtomicLong parses = new AtomicLong();
    private final AtomicLong checkedInline = new AtomicLong();
    private final AtomicLong checkedOnWorkers = new AtomicLong();
    /**
     * Verdicts of the documents seen last, by text and operation: bounded by their total length
     * ({@code partnergraph.graphql.document-cache}), least recently used first out, so a flood of distinct
     * documents costs memory once and evicts itself.
     */
    private final Cache<DocumentKey, Checked> documents;

    GraphQLRequestGuard(GraphQLSettings settings, PersistedQueries persistedQueries, HttpCaching httpCaching,
            @ConfigProperty(name = "quarkus.http.limits.max-body-size") MemorySize maxBody,
            @ConfigProperty(name = "quarkus.smallrye-graphql.root-path") String rootPath,
            @ConfigProperty(name = "partnergraph.http.body-timeout") Duration bodyTimeout,
            @ConfigProperty(name = "partnergraph.http.compression") boolean compression,
            @ConfigProperty(name = "quarkus.smallrye-graphql.nonblocking.enabled") Optional<Boolean> nonBlocking) {
        this.settings = settings;
        this.persistedQueries = persistedQueries;
        this.httpCaching = httpCaching;
        this.compression = compression;
        // As Quarkus decides for SmallRye's own route, so that GET runs on the same threads as POST.
        this.runBlocking = nonBlocking.map(enabled -> !enabled).orElse(false);
        this.bodyTimeoutMillis = Math.max(1, bodyTimeout.toMillis());
        this.documents = Caffeine.newBuilder().maximumWeight(settings.documentCache().asLongValue())
                .weigher((DocumentKey key, Checked checked) -> key.query().length()
                        + (key.operationName() == null ? 0 : key.operationName().length()))
                .build();
        this.maxBody = maxBody.asLongValue();
        this.path = rootPath.startsWith("/") ? rootPath : "/" + rootPath;
        this.parserOptions = ParserOptions.getDefaultOperationParserOptions()
                .transform(options -> options.maxTokens(settings.maxTokens()));
    }

    void routes(@Observes Router router) {
        // graphql-java parses operations with its own default options (15000 tokens), which SmallRye's
        // parser-max-tokens does not reach; align them, so the limit holds wherever a document is parsed.
        ParserOptions.setDefaultOperationParserOptions(parserOptions);
        router.route(path).order(ORDER).handler(this::gate);
        // Two routes: Vert.x allows a body handler only before a route's own handlers.
        router.post(path).order(ORDER).handler(this::mediaType).handler(this::bodyDeadline);
        // The check runs on the event loop when it needs no store, else on a worker (see check below).
        var post = router.post(path).order(ORDER).handler(BodyHandler.create(false).setBodyLimit(maxBody))
                .handler(this::check);
        var get = router.get(path).order(ORDER).handler(this::checkGet);
        for (var route : List.of(post, get)) {
            if (runBlocking) {
                route.blockingHandler(new Execution(true));
            } else {
                route.handler(new Execution(false));
            }
        }
        router.get(path + "/schema.graphql").order(ORDER).handler(context -> {
            if (settings.introspection()) {
                context.next();
            } else {
                context.response().setStatusCode(404).end();
            }
        });
    }

    /**
     * WebSocket upgrades are refused; so are methods SmallRye does not handle (it passes them on, and they
     * would end on the HTML not-found page). OPTIONS is answered here with the methods there are (a CORS
     * preflight never gets here: Quarkus' CORS filter answers it). A GET or POST whose Accept header allows
     * no GraphQL answer is 406; the others have their media type and status fixed as the answer goes out.
     */
    private void gate(RoutingContext context) {
        String upgrade = context.request().getHeader(HttpHeaders.UPGRADE);
        String method = context.request().method().name();
        Optional<Media> media = GraphQLOverHttp.negotiate(context.request().getHeader(HttpHeaders.ACCEPT));
        if (upgrade != null && upgrade.toLowerCase(Locale.ROOT).contains("websocket")) {
            respond(context, media.orElse(Media.JSON), new Refusal("BAD_USER_INPUT",
                    "transport: GraphQL is served over HTTP GET and POST only; WebSocket is not offered.", null, 400));
        } else if (method.equals("OPTIONS")) {
            context.response().setStatusCode(204).putHeader(HttpHeaders.ALLOW, ALLOW).end();
        } else if (!List.of("POST", "GET").contains(method)) {
            context.response().setStatusCode(405).putHeader(HttpHeaders.ALLOW, ALLOW).end();
        } else if (media.isEmpty()) {
            ErrorCodes.count("invalid", "NOT_ACCEPTABLE");
            context.response().setStatusCode(406).end();
        } else {
            GraphQLOverHttp.finish(context, media.get(), compression);
            context.next();
        }
    }

    /** application/json, or application/graphql (the body is the document); anything else is 415. */
    private void mediaType(RoutingContext context) {
        String contentType = context.request().getHeader(HttpHeaders.CONTENT_TYPE);
        String media = contentType == null ? "" : contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        if (media.equals("application/json") || media.equals("application/graphql")) {
            context.next();
        } else {
            ErrorCodes.count("invalid", "UNSUPPORTED_MEDIA_TYPE");
            // The body is not read: close the connection rather than drain whatever the client still sends.
            context.response().setStatusCode(415).putHeader(HttpHeaders.ACCEPT, "application/json")
                    .putHeader(HttpHeaders.CONNECTION, "close").end();
        }
    }

    /**
     * Bounds the time a body may take to arrive. Quarkus' idle timeout only sees a connection with no
     * traffic at all; a client trickling a byte now and then, or stopping half-way, would otherwise keep the
     * request open. Once the body is in, the deadline no longer matters (execution has its own limits).
     */
    private void bodyDeadline(RoutingContext context) {
        HttpServerRequest request = context.request();
        long timer = context.vertx().setTimer(bodyTimeoutMillis, id -> {
            if (!request.isEnded() && !context.response().ended() && !context.response().closed()) {
                ErrorCodes.count("invalid", "REQUEST_TIMEOUT");
                context.response().setStatusCode(408).putHeader(HttpHeaders.CONNECTION, "close").end()
                        .onComplete(done -> request.connection().close());
            }
        });
        context.addEndHandler(done -> context.vertx().cancelTimer(timer));
        context.next();
    }

    /** A POST, once its body is in. */
    private void check(RoutingContext context) {
        if (context.response().ended()) {
            return; // Answered 408 while the body was still arriving.
        }
        check(context, inline -> post(context, inline), false);
    }

    /** A GET: what passes is handed to {@link Execution} as the JSON request SmallRye reads from a body. */
    private void checkGet(RoutingContext context) {
        check(context, inline -> get(context, inline), true);
    }

    /**
     * The one check of a request, however it was sent. It may need a store: PostgreSQL for a persisted query or
     * trusted documents, the graph's position for the ETag when the one known is stale, and a first parse of a
     * document not seen yet (bounded, but not for the event loop). A request that needs none of these — the same
     * documents sent again, which is nearly every request — is checked on the event loop and goes on to execution
     * there; profiled, the hop to a worker and back was ~5–10% of a compiled read's CPU and of its latency alone.
     * Any other is checked again from the start on a worker, which may block.
     */
    private void check(RoutingContext context, Function<Boolean, Either<GraphQLRequest, Refusal>> read, boolean viaGet) {
        boolean passed;
        try {
            passed = check(context, read, viaGet, true);
        } catch (WouldBlock e) {
            checkedOnWorkers.incrementAndGet();
            context.vertx().executeBlocking(() -> check(context, read, viaGet, false), false).onComplete(checked -> {
                if (checked.failed()) {
                    context.fail(checked.cause());
                } else if (checked.result()) {
                    context.next();
                }
            });
            return;
        }
        checkedInline.incrementAndGet();
        if (passed) {
            context.next();
        }
    }

    /**
     * Reads and judges a request, and answers a refusal or a 304; true when it goes on to execution. Inline (on the
     * event loop), throws {@link WouldBlock} before anything that may block, having answered nothing yet.
     */
    private boolean check(RoutingContext context, Function<Boolean, Either<GraphQLRequest, Refusal>> read, boolean viaGet,
            boolean inline) {
        Either<GraphQLRequest, Refusal> request = null;
        Optional<Refusal> refusal;
        try {
            request = read.apply(inline);
            refusal = request.fold(parsed -> verdict(parsed, viaGet, inline), Optional::of);
        } catch (WouldBlock e) {
            throw e;
        } catch (RuntimeException | StackOverflowError e) {
            // Not expected (the parser and the JSON reader bound nesting), but a request must never get a
            // 500 page from here: INTERNAL with a reference, the stack trace in the log.
            String reference = UUID.randomUUID().toString();
            LOG.errorf(e, "Internal error %s while checking a GraphQL request", reference);
            refusal = Optional.of(new Refusal("INTERNAL", "Internal error; reference " + reference + ".", null));
        }
        if (refusal.isPresent()) {
            if (refusal.get().status() == 405) {
                context.response().putHeader(HttpHeaders.ALLOW, "POST");
            }
            respond(context, context.get(GraphQLOverHttp.MEDIA), refusal.get());
            return false;
        }
        GraphQLRequest accepted = request.left();
        if (inline && !httpCaching.decidesWithoutStores(context)) {
            throw WOULD_BLOCK;
        }
        if (httpCaching.answerIfNotModified(context, accepted.query(), accepted.operationName(), accepted.variables())) {
            return false; // 304: the client's copy is current; nothing is executed.
        }
        context.put(REQUEST, accepted.json());
        return true;
    }

    /** The inline check met something that may block: the request is checked on a worker instead. */
    private static final class WouldBlock extends RuntimeException {
        WouldBlock() {
            super(null, null, false, false);
        }
    }

    private static final WouldBlock WOULD_BLOCK = new WouldBlock();

    /**
     * A client error with its code; location is the place in the document, if any. Status 200 stands for a
     * request error, whose status depends on the media type (see {@link GraphQLOverHttp}); any other status
     * is what the answer has whatever the media type (400 for a body that is not JSON, 405 …).
     */
    public record Refusal(String code, String message, SourceLocation location, int status) {
        Refusal(String code, String message, SourceLocation location) {
            this(code, message, location, 200);
        }
    }

    /** A request as sent, by POST body or GET parameters: what every check looks at. */
    record GraphQLRequest(String query, String operationName, JsonValue variables, JsonValue extensions) {

        /** The JSON request SmallRye executes. */
        JsonObject json() {
            JsonObjectBuilder json = JSON.createObjectBuilder().add("query", query);
            if (operationName != null) {
                json.add("operationName", operationName);
            }
            if (variables instanceof JsonObject) {
                json.add("variables", variables);
            }
            if (extensions instanceof JsonObject) {
                json.add("extensions", extensions);
            }
            return json.build();
        }
    }

    /** One of two values: a request, or why there is none. */
    record Either<L, R>(L left, R right) {
        static <L, R> Either<L, R> left(L value) {
            return new Either<>(value, null);
        }

        static <L, R> Either<L, R> right(R value) {
            return new Either<>(null, value);
        }

        <T> T fold(Function<L, T> ifLeft, Function<R, T> ifRight) {
            return left != null ? ifLeft.apply(left) : ifRight.apply(right);
        }
    }

    /** The POST body, as JSON or as the document itself (application/graphql). */
    Either<GraphQLRequest, Refusal> post(RoutingContext context, boolean inline) {
        String body = context.body() == null ? null : context.body().asString();
        body = body == null ? "" : NEWLINE_OR_TAB.matcher(body).replaceAll(" ");
        String contentType = context.request().getHeader(HttpHeaders.CONTENT_TYPE);
        if (contentType != null && contentType.startsWith("application/graphql")) {
            // SmallRye's rule: with this content type (also application/graphql+json) the body is the document.
            // Trusted-only mode decides on the document itself.
            if (inline && !persistedQueries.resolvesWithoutStore(null)) {
                throw WOULD_BLOCK;
            }
            PersistedQueries.Resolution resolved = persistedQueries.resolve(body, null, null);
            if (resolved.refusal().isPresent()) {
                return refuse(resolved.refusal());
            }
            return Either.left(new GraphQLRequest(body, null, null, null));
        }
        if (body.isBlank()) {
            return refuse(bad("body: empty; send a JSON object such as {\"query\": \"{ documents { id } }\"}."));
        }
        JsonValue value;
        try (JsonParser parser = JSON.createParser(new StringReader(body))) {
            parser.next();
            value = parser.getValue();
            if (trailing(parser)) {
                // Not a GraphQL-over-HTTP request at all (two requests glued together, or a truncated
                // upload of something else): HTTP 400, as the spec asks, with the coded error.
                return refuse(Optional.of(new Refusal("BAD_USER_INPUT",
                        "body: unexpected content after the JSON request object; send exactly one JSON object.", null, 400)));
            }
        } catch (JsonException e) {
            // The spec asks for 400 when the body is not JSON, whatever the media type.
            return refuse(Optional.of(new Refusal("BAD_USER_INPUT",
                    "body: not valid JSON; send a JSON object such as {\"query\": \"{ documents { id } }\"}.", null, 400)));
        } catch (RuntimeException e) {
            // Parsson reports JSON nested beyond its depth limit (1000) with a plain RuntimeException.
            return refuse(bad("body: not valid JSON, or nested more deeply than JSON input may be."));
        }
        if (value instanceof JsonArray) {
            return refuse(bad("batch: batched requests (a JSON array) are not accepted; send one operation per request."));
        }
        if (!(value instanceof JsonObject request)) {
            return refuse(bad("body: must be a JSON object such as {\"query\": \"{ documents { id } }\"}."));
        }
        JsonValue name = request.get("operationName");
        // Persisted queries decide the document first: a request may name it by hash instead of sending it.
        if (inline && !persistedQueries.resolvesWithoutStore(request.get("extensions"))) {
            throw WOULD_BLOCK;
        }
        PersistedQueries.Resolution resolved = persistedQueries.resolve(request.get("query"), request.get("extensions"),
                name instanceof jakarta.json.JsonString string ? string.getString() : null);
        if (resolved.refusal().isPresent()) {
            return refuse(resolved.refusal());
        }
        JsonValue queryValue = resolved.fromStore() ? JSON.createValue(resolved.query()) : request.get("query");
        if (!(queryValue instanceof jakarta.json.JsonString text) || text.getString().isBlank()) {
            return refuse(bad("query: missing; the body must carry the GraphQL document as a string in \"query\"."));
        }
        return parameters(text.getString(), request.get("operationName"), request.get("variables"), request.get("extensions"));
    }

    /**
     * The GET parameters, already URL-decoded by Vert.x (once); {@code variables} and {@code extensions} are
     * JSON text. A parameter given twice is refused rather than one of them picked.
     */
    Either<GraphQLRequest, Refusal> get(RoutingContext context, boolean inline) {
        for (String name : List.of("query", "operationName", "variables", "extensions")) {
            if (context.queryParam(name).size() > 1) {
                return refuse(bad(name + ": given more than once; send each parameter once."));
            }
        }
        String operationName = first(context, "operationName");
        Either<JsonValue, Refusal> variables = json(first(context, "variables"), "variables");
        if (variables.right() != null) {
            return Either.right(variables.right());
        }
        Either<JsonValue, Refusal> extensions = json(first(context, "extensions"), "extensions");
        if (extensions.right() != null) {
            return Either.right(extensions.right());
        }
        // Persisted queries first: a GET may name its document by hash (Apollo's GET for cacheable reads). The
        // document found goes on in the request Execution runs, so nothing else needs to be rewritten.
        String sent = first(context, "query");
        if (inline && !persistedQueries.resolvesWithoutStore(extensions.left())) {
            throw WOULD_BLOCK;
        }
        PersistedQueries.Resolution resolved = persistedQueries.resolve(sent == null || sent.isEmpty() ? null : sent,
                extensions.left(), operationName);
        if (resolved.refusal().isPresent()) {
            return refuse(resolved.refusal());
        }
        String query = resolved.fromStore() ? resolved.query() : sent;
        if (query == null || query.isBlank()) {
            return refuse(bad("query: missing; send the GraphQL document as ?query=… (URL-encoded)."));
        }
        return parameters(query, operationName == null || operationName.isEmpty() ? null : JSON.createValue(operationName),
                variables.left(), extensions.left());
    }

    private static String first(RoutingContext context, String name) {
        List<String> values = context.queryParam(name);
        return values.isEmpty() ? null : values.get(0);
    }

    /** A JSON parameter of a GET; absent or empty is JSON null. */
    private static Either<JsonValue, Refusal> json(String text, String name) {
        if (text == null || text.isEmpty()) {
            return Either.left(JsonValue.NULL);
        }
        try (JsonParser parser = JSON.createParser(new StringReader(text))) {
            parser.next();
            JsonValue value = parser.getValue();
            if (trailing(parser)) {
                return Either.right(new Refusal("BAD_USER_INPUT", name + ": not one JSON object.", null));
            }
            return Either.left(value);
        } catch (RuntimeException e) {
            return Either.right(new Refusal("BAD_USER_INPUT",
                    name + ": not valid JSON; send a URL-encoded JSON object, e.g. {\"id\":\"kashgar-polytechnic\"}.", null));
        }
    }

    /** The rules for the parameters, whichever way they came. */
    private static Either<GraphQLRequest, Refusal> parameters(String query, JsonValue operationName, JsonValue variables,
            JsonValue extensions) {
        if (!absentOr(variables, JsonValue.ValueType.OBJECT)) {
            return refuse(bad("variables: must be a JSON object, e.g. {\"id\": \"kashgar-polytechnic\"}."));
        }
        if (!absentOr(extensions, JsonValue.ValueType.OBJECT)) {
            return refuse(bad("extensions: must be a JSON object."));
        }
        if (!absentOr(operationName, JsonValue.ValueType.STRING)) {
            return refuse(bad("operationName: must be a string."));
        }
        String name = operationName instanceof jakarta.json.JsonString string ? string.getString() : null;
        return Either.left(new GraphQLRequest(query, name, variables, extensions));
    }

    private static Either<GraphQLRequest, Refusal> refuse(Optional<Refusal> refusal) {
        return Either.right(refusal.orElseThrow());
    }

    /**
     * The verdict on a request, the same for POST and GET: the document's (kept, see {@link #documents}),
     * and its variables' control characters. Over GET, an operation that is not a query is 405.
     */
    Optional<Refusal> verdict(GraphQLRequest request, boolean viaGet, boolean inline) {
        if (request.query().isBlank()) {
            return bad("query: missing; the body must carry the GraphQL document.");
        }
        DocumentKey document = new DocumentKey(request.query(), request.operationName());
        Checked checked = inline ? documents.getIfPresent(document) : documents.get(document, key -> check(key.query(), key.operationName()));
        if (checked == null) {
            throw WOULD_BLOCK; // a document not seen yet (or evicted): parsed on a worker
        }
        if (checked.syntax().isPresent()) {
            return checked.syntax();
        }
        if (viaGet && checked.mutates()) {
            return Optional.of(new Refusal("BAD_USER_INPUT",
                    "method: a GET may only run a query; send mutations with POST.", null, 405));
        }
        JsonValue variables = request.variables();
        Optional<String> control = variables == null || variables.getValueType() != JsonValue.ValueType.OBJECT
                ? Optional.empty() : ControlCharacters.inVariables(variables);
        if (control.isPresent()) {
            return bad(control.get());
        }
        return checked.rest();
    }

    /**
     * The verdict on a document as this guard gives it (syntax, the operation named, control characters,
     * limits, introspection), kept like every verdict: persisted queries register only documents that pass.
     */
    public Optional<Refusal> verdict(String query, String operationName) {
        Checked checked = documents.get(new DocumentKey(query, operationName), key -> check(key.query(), key.operationName()));
        return checked.syntax().isPresent() ? checked.syntax() : checked.rest();
    }

    /** A document with the operation asked for: what decides the document's own verdict. */
    record DocumentKey(String query, String operationName) {
    }

    /**
     * A document's verdict, in two parts around the per-request check of the variables: whether it parses
     * and names a runnable operation (and whether that is a mutation, which GET may not run); then control
     * characters in its literals, its limits and introspection.
     */
    record Checked(Optional<Refusal> syntax, boolean mutates, Optional<Refusal> rest) {
    }

    /**
     * Checks a document: parses it (the one parse this guard does per distinct document; clients send the
     * same few documents with different variables, so the verdict is kept) and applies the document rules.
     */
    Checked check(String query, String operationName) {
        parses.incrementAndGet();
        Document document;
        try {
            document = Parser.parse(ParserEnvironment.newParserEnvironment().document(query)
                    .parserOptions(parserOptions).locale(Locale.ENGLISH).build());
        } catch (ParseCancelledTooDeepException e) {
            return refused(limit("nesting: the document nests more than " + parserOptions.getMaxRuleDepth()
                    + " levels of grammar; send a flatter document."));
        } catch (ParseCancelledTooManyCharsException e) {
            return refused(limit("characters: the document has more than " + parserOptions.getMaxCharacters() + " characters."));
        } catch (ParseCancelledException e) {
            boolean whitespace = e.getMessage() != null && e.getMessage().contains("whitespace");
            return refused(limit("tokens: the document has more than " + (whitespace
                    ? parserOptions.getMaxWhitespaceTokens() + " whitespace tokens"
                    : settings.maxTokens() + " tokens") + "; at most " + (whitespace
                    ? parserOptions.getMaxWhitespaceTokens()
                    : settings.maxTokens()) + " are allowed."));
        } catch (InvalidSyntaxException e) {
            return refused(Optional.of(new Refusal("BAD_USER_INPUT", "document: " + e.getMessage(), e.getLocation())));
        }
        List<OperationDefinition> operations = document.getDefinitionsOfType(OperationDefinition.class);
        Optional<OperationDefinition> operation = Optional.empty();
        if (operationName != null && !operationName.isEmpty()) {
            String wanted = operationName;
            operation = operations.stream().filter(o -> wanted.equals(o.getName())).findFirst();
            if (operation.isEmpty()) {
                return refused(bad("operationName: the document has no operation named '" + abbreviate(wanted) + "'."));
            }
        } else if (operations.size() > 1) {
            return refused(bad("operationName: the document has " + operations.size() + " operations; name the one to run."));
        } else if (operations.size() == 1) {
            operation = Optional.of(operations.get(0));
        }
        boolean mutates = operation.isPresent() && operation.get().getOperation() != OperationDefinition.Operation.QUERY;
        Optional<String> control = ControlCharacters.inDocument(document);
        if (control.isPresent()) {
            return new Checked(Optional.empty(), mutates, bad(control.get()));
        }
        Optional<String> exceeded = DocumentLimits.exceeded(document, settings);
        if (exceeded.isPresent()) {
            return new Checked(Optional.empty(), mutates, limit(exceeded.get()));
        }
        if (!settings.introspection() && operation.isPresent() && DocumentLimits.introspects(document, operation.get())) {
            return new Checked(Optional.empty(), mutates, bad("introspection: __schema and __type are off in this deployment; "
                    + "the schema is published as graphql-schema/schema.graphql."));
        }
        return new Checked(Optional.empty(), mutates, Optional.empty());
    }

    private static Checked refused(Optional<Refusal> refusal) {
        return new Checked(refusal, false, Optional.empty());
    }

    /** Documents parsed so far (tests: a document sent again is not parsed again). */
    long parses() {
        return parses.get();
    }

    /** Requests checked on the event loop, and on a worker, so far (tests). */
    long checkedInline() {
        return checkedInline.get();
    }

    long checkedOnWorkers() {
        return checkedOnWorkers.get();
    }

    private static boolean trailing(JsonParser parser) {
        try {
            return parser.hasNext();
        } catch (JsonException e) {
            return true; // Parsson reports trailing text that is not JSON as a parse error.
        }
    }

    private static boolean absentOr(JsonValue value, JsonValue.ValueType type) {
        return value == null || value.getValueType() == JsonValue.ValueType.NULL || value.getValueType() == type;
    }

    private static String abbreviate(String text) {
        return text.length() <= 100 ? text : text.substring(0, 100) + "…";
    }

    private static Optional<Refusal> bad(String message) {
        return Optional.of(new Refusal("BAD_USER_INPUT", message, null));
    }

    private static Optional<Refusal> limit(String message) {
        return Optional.of(new Refusal("LIMIT_EXCEEDED", message, null));
    }

    /** The refusal as a GraphQL answer without data, in the media type negotiated (JSON if none was). */
    private static void respond(RoutingContext context, Media media, Refusal refusal) {
        Media answer = media == null ? Media.JSON : media;
        ErrorCodes.count("invalid", refusal.code());
        JsonObjectBuilder error = JSON.createObjectBuilder().add("message", refusal.message());
        if (refusal.location() != null) {
            JsonArrayBuilder locations = JSON.createArrayBuilder().add(JSON.createObjectBuilder()
                    .add("line", refusal.location().getLine()).add("column", refusal.location().getColumn()));
            error.add("locations", locations);
        }
        error.add("extensions", JSON.createObjectBuilder().add("code", refusal.code()));
        String json = JSON.createObjectBuilder().add("errors", JSON.createArrayBuilder().add(error)).build().toString();
        int status = refusal.status() == 200 ? answer.requestErrorStatus() : refusal.status();
        context.response().setStatusCode(status).putHeader(HttpHeaders.CACHE_CONTROL, "no-store")
                .putHeader(HttpHeaders.CONTENT_TYPE, answer.type() + ";charset=utf-8")
                .end(json);
    }
}
