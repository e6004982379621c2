package org.partnergraph.common;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import org.jboss.logging.Logger;

import graphql.ErrorClassification;
import graphql.ErrorType;
import graphql.ExceptionWhileDataFetching;
import graphql.ExecutionResult;
import graphql.ExecutionResultImpl;
import graphql.GraphQL;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.execution.AsyncExecutionStrategy;
import graphql.execution.DataFetcherExceptionHandler;
import graphql.execution.ExecutionStrategy;
import graphql.execution.NonNullableFieldWasNullError;
import graphql.introspection.GoodFaithIntrospection;
import graphql.language.OperationDefinition;
import graphql.schema.GraphQLSchema;
import io.micrometer.core.instrument.Metrics;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.SimpleInstrumentationContext;
import graphql.execution.instrumentation.Instrumentation;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationCreateStateParameters;
import graphql.execution.instrumentation.parameters.InstrumentationExecuteOperationParameters;
import graphql.execution.instrumentation.parameters.InstrumentationExecutionParameters;
import io.smallrye.graphql.api.ErrorCode;
import io.smallrye.graphql.spi.EventingService;
import io.vertx.ext.web.RoutingContext;
import org.partnergraph.read.DirectCompletion;
import org.partnergraph.read.PlannedFetchers;
import org.partnergraph.read.RootDispatch;

/**
 * Makes {@code extensions.code} total: every error in every response carries one of the codes of the
 * contract. Errors the services raise on purpose keep theirs; an invalid document becomes BAD_USER_INPUT;
 * anything else becomes INTERNAL with a reference that is in the log, and its message (which may name
 * internals) is dropped. Requests that never reach graphql-java (bodies that are not a GraphQL request,
 * documents that do not parse or are over a limit) are answered by {@link GraphQLRequestGuard}.
 * SmallRye has no setting for this, so it is an instrumentation chained after SmallRye's own.
 * The same instrumentation measures each request ({@code partnergraph.graphql.requests}) and counts
 * errors by code ({@code partnergraph.graphql.errors}). Their {@code operation} tag is the operation
 * type and its first root field (query:supportersOf): operation names are chosen by clients and
 * would let them create unbounded numbers of time series; root fields are bounded by the schema.
 */
public class ErrorCodes implements EventingService {

    private static final Logger LOG = Logger.getLogger(ErrorCodes.class);

    private static final Pattern SMALLRYE_MESSAGE_ID = Pattern.compile("SRGQL\\d+: ");

    static final Set<String> CODES = Set.of("NOT_FOUND", "BAD_USER_INPUT", "UNAUTHENTICATED", "FORBIDDEN",
            "LIMIT_EXCEEDED", "GRAPH_UNAVAILABLE", "RECORDS_UNAVAILABLE", "BOOKMARK_NOT_REACHED",
            "WRITE_OUTCOME_UNKNOWN", "INTERNAL");

    @Override
    public String getConfigKey() {
        return "partnergraph.graphql.coded-errors";
    }

    /**
     * SmallRye's instrumentation first, then the response-size limit (which may replace a result by its
     * LIMIT_EXCEEDED error), then the coding of whatever errors remain, so that every error is counted.
     * The schema's Int and ID are guarded ({@link StrictScalars}): input of the wrong type is the client's error.
     * Reads go through the read planner ({@link PlannedFetchers}): one statement per request. DataLoaders
     * are made when a request first needs one ({@link LazyDataLoaders}). The chain is
     * {@link LeanInstrumentation}: no cost per field for the hooks none of these uses.
     */
    @Override
    public GraphQL.Builder beforeGraphQLBuild(GraphQL.Builder builder) {
        List<Instrumentation> chain = new ArrayList<>();
        // The builder keeps SmallRye's instrumentation in a private field: wrap it rather than drop it.
        Instrumentation existing = (Instrumentation) builderField(builder, "instrumentation");
        if (existing != null) {
            chain.add(existing);
        }
        chain.add(new RootDispatch());
        LazyDataLoaders.takeOver();
        chain.add(new LazyDataLoaders());
        ResponseSizeLimit sizeLimit = new ResponseSizeLimit(GraphQLSettings.current().maxNodes());
        chain.add(sizeLimit);
        chain.add(new CodedInstrumentation());
        LeanInstrumentation instrumentation = new LeanInstrumentation(chain);
        ExecutionStrategy query = (ExecutionStrategy) builderField(builder, "queryExecutionStrategy");
        if ((query == null || query.getClass() == AsyncExecutionStrategy.class)
                && instrumentation.perFieldHooksOnlyIn(ResponseSizeLimit.class)) {
            builder.queryExecutionStrategy(DirectCompletion.of(
                    (DataFetcherExceptionHandler) builderField(builder, "defaultExceptionHandler"), sizeLimit::add));
        } else {
            LOG.warnf("Objects are completed by graphql-java's walk alone: another query strategy (%s) or an "
                    + "instrumentation hooks into single fields", query);
        }
        return builder.instrumentation(instrumentation)
                .schema(executable((GraphQLSchema) builderField(builder, "graphQLSchema")));
    }

    /** What SmallRye gave the builder: graphql-java keeps it in private fields, with no getters. */
    private static Object builderField(GraphQL.Builder builder, String name) {
        try {
            Field field = GraphQL.Builder.class.getDeclaredField(name);
            field.setAccessible(true);
            return field.get(builder);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("graphql-java changed: cannot read the engine's " + name, e);
        }
    }

    /** SmallRye's schema (by identity) and what it became; one pair, as one application has one schema. */
    private static GraphQLSchema source;
    private static GraphQLSchema executable;

    /**
     * The schema transforms, run once per SmallRye schema and never two at a time. SmallRye builds its
     * engine lazily and without a lock, so the first concurrent requests each call this; and graphql-java
     * rebuilding a schema rewires the type references of the shared original in place, so two transforms
     * at once left fields of one copy pointing at input types of another, and validation then refused every
     * input-object variable ("of type 'OrganizationFilter' used in position expecting type
     * 'OrganizationFilter'") for the life of the process. Every engine now gets the one result.
     */
    static synchronized GraphQLSchema executable(GraphQLSchema smallRye) {
        if (source != smallRye) {
            executable = PlannedFetchers.apply(StrictScalars.apply(FieldVisibility.apply(smallRye)));
            source = smallRye;
        }
        return executable;
    }

    /** Per request: which operation it was, once graphql-java has parsed it. */
    static final class RequestState implements InstrumentationState {
        volatile String operation = "invalid";
        /**
         * The HTTP request, taken while graphql-java starts on the request's thread: the result may be
         * completed on another, where there is no current request.
         */
        final RoutingContext http = GraphQLOverHttp.current();
    }

    static final class CodedInstrumentation extends SimplePerformantInstrumentation {

        @Override
        public InstrumentationState createState(InstrumentationCreateStateParameters parameters) {
            return new RequestState();
        }

        @Override
        public InstrumentationContext<ExecutionResult> beginExecution(InstrumentationExecutionParameters parameters,
                InstrumentationState state) {
            long started = System.nanoTime();
            return SimpleInstrumentationContext.whenCompleted((result, failure) -> {
                try {
                    Metrics.globalRegistry.timer("partnergraph.graphql.requests", "operation",
                            ((RequestState) state).operation, "outcome",
                            failure != null || result == null || !result.getErrors().isEmpty() ? "error" : "ok")
                            .record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
                } catch (RuntimeException e) {
                    LOG.debug("request metric not recorded", e);
                }
            });
        }

        @Override
        public InstrumentationContext<ExecutionResult> beginExecuteOperation(
                InstrumentationExecuteOperationParameters parameters, InstrumentationState state) {
            OperationDefinition operation = parameters.getExecutionContext().getOperationDefinition();
            String field = operation.getSelectionSet().getSelections().stream()
                    .filter(graphql.language.Field.class::isInstance)
                    .map(selection -> ((graphql.language.Field) selection).getName())
                    .findFirst().orElse("fragment");
            ((RequestState) state).operation = operation.getOperation().name().toLowerCase(Locale.ROOT) + ":" + field;
            return SimpleInstrumentationContext.noOp();
        }

        @Override
        public CompletableFuture<ExecutionResult> instrumentExecutionResult(ExecutionResult result,
                InstrumentationExecutionParameters parameters, InstrumentationState state) {
            if (!result.isDataPresent()) {
                GraphQLOverHttp.noData(((RequestState) state).http);
            }
            if (result.getErrors().isEmpty()) {
                return CompletableFuture.completedFuture(result);
            }
            List<GraphQLError> errors = new ArrayList<>();
            for (GraphQLError error : result.getErrors()) {
                // A null in a non-null field is the echo of another error already reported; alone, it is a bug.
                if (error instanceof NonNullableFieldWasNullError && result.getErrors().size() > 1) {
                    continue;
                }
                GraphQLError coded = coded(error);
                count(((RequestState) state).operation, codeOf(coded));
                errors.add(coded);
            }
            return CompletableFuture.completedFuture(ExecutionResultImpl.newExecutionResult().from(result)
                    .errors(errors).build());
        }
    }

    /** Metrics must never turn an answer into a failure. */
    static void count(String operation, String code) {
        try {
            Metrics.globalRegistry.counter("partnergraph.graphql.errors", "operation", operation, "code", code).increment();
        } catch (RuntimeException e) {
            LOG.debug("error metric not recorded", e);
        }
    }

    /** The code an error will carry: our exceptions' @ErrorCode (SmallRye adds it later), or the extension. */
    static String codeOf(GraphQLError error) {
        if (error instanceof ExceptionWhileDataFetching fetching && fetching.getException() instanceof ApiException api) {
            ErrorCode code = api.getClass().getAnnotation(ErrorCode.class);
            return code == null ? "INTERNAL" : code.value();
        }
        Object code = error.getExtensions() == null ? null : error.getExtensions().get("code");
        return code == null ? "INTERNAL" : code.toString();
    }

    static GraphQLError coded(GraphQLError error) {
        if (error instanceof ExceptionWhileDataFetching fetching) {
            Throwable cause = fetching.getException();
            if (cause instanceof ApiException) {
                return error;
            }
            return internal(error, cause);
        }
        ErrorClassification type = error.getErrorType();
        String message = error.getMessage() == null ? "" : error.getMessage();
        if (type == ErrorType.InvalidSyntax || type == ErrorType.ValidationError || type == ErrorType.OperationNotSupported
                || (type != null && "ValidationError".equals(type.toString()))) {
            // SmallRye's coercion messages carry its log-message ids (SRGQL000022: …): internals, not advice.
            return recode(error, "BAD_USER_INPUT", SMALLRYE_MESSAGE_ID.matcher(message).replaceAll(""));
        }
        if (error instanceof GoodFaithIntrospection.BadFaithIntrospectionError) {
            // graphql-java's own check at execution; the request guard applies the same bound first.
            return recode(error, "LIMIT_EXCEEDED", "introspection: " + message);
        }
        Object code = error.getExtensions() == null ? null : error.getExtensions().get("code");
        if (code instanceof String c && CODES.contains(c)) {
            return error;
        }
        return internal(error, null);
    }

    private static GraphQLError internal(GraphQLError error, Throwable cause) {
        String reference = UUID.randomUUID().toString();
        LOG.errorf(cause, "Internal error %s: %s at %s", reference, error.getMessage(), error.getPath());
        return recode(error, "INTERNAL", "Internal error; reference " + reference + ".");
    }

    private static GraphQLError recode(GraphQLError error, String code, String message) {
        Map<String, Object> extensions = new LinkedHashMap<>();
        extensions.put("code", code);
        // The classification is the code too: SmallRye would otherwise label every built error "DataFetchingException".
        GraphqlErrorBuilder<?> builder = GraphqlErrorBuilder.newError().message(message).extensions(extensions)
                .errorType(ErrorClassification.errorClassification(code));
        if (error.getLocations() != null) {
            builder.locations(error.getLocations());
        }
        if (error.getPath() != null) {
            builder.path(error.getPath());
        }
        return builder.build();
    }
}
