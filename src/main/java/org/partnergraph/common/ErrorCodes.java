package org.partnergraph.common;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import org.jboss.logging.Logger;

import graphql.ErrorClassification;
import graphql.ErrorType;
import graphql.ExceptionWhileDataFetching;
import graphql.ExecutionResult;
import graphql.ExecutionResultImpl;
import graphql.GraphQL;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.execution.instrumentation.ChainedInstrumentation;
import graphql.execution.instrumentation.Instrumentation;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationExecutionParameters;
import io.smallrye.graphql.spi.EventingService;

/**
 * Makes {@code extensions.code} total: every error in every response carries one of the codes of the
 * contract. Errors the services raise on purpose keep theirs; a malformed or invalid document becomes
 * BAD_USER_INPUT; a query-depth or complexity limit becomes LIMIT_EXCEEDED; anything else becomes
 * INTERNAL with a reference that is in the log, and its message (which may name internals) is dropped.
 * SmallRye has no setting for this, so it is an instrumentation chained after SmallRye's own.
 */
public class ErrorCodes implements EventingService {

    private static final Logger LOG = Logger.getLogger(ErrorCodes.class);

    static final Set<String> CODES = Set.of("NOT_FOUND", "BAD_USER_INPUT", "UNAUTHENTICATED", "FORBIDDEN",
            "LIMIT_EXCEEDED", "GRAPH_UNAVAILABLE", "INTERNAL");

    @Override
    public String getConfigKey() {
        return "partnergraph.graphql.coded-errors";
    }

    @Override
    public GraphQL.Builder beforeGraphQLBuild(GraphQL.Builder builder) {
        Instrumentation existing = existingInstrumentation(builder);
        Instrumentation coded = new CodedInstrumentation();
        return builder.instrumentation(existing == null ? coded : new ChainedInstrumentation(List.of(existing, coded)));
    }

    /** The builder keeps SmallRye's instrumentation in a private field; wrap it rather than drop it. */
    private static Instrumentation existingInstrumentation(GraphQL.Builder builder) {
        try {
            Field field = GraphQL.Builder.class.getDeclaredField("instrumentation");
            field.setAccessible(true);
            return (Instrumentation) field.get(builder);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("graphql-java changed: cannot chain the error-code instrumentation", e);
        }
    }

    static final class CodedInstrumentation extends SimplePerformantInstrumentation {

        @Override
        public CompletableFuture<ExecutionResult> instrumentExecutionResult(ExecutionResult result,
                InstrumentationExecutionParameters parameters, InstrumentationState state) {
            if (result.getErrors().isEmpty()) {
                return CompletableFuture.completedFuture(result);
            }
            List<GraphQLError> errors = new ArrayList<>();
            for (GraphQLError error : result.getErrors()) {
                errors.add(coded(error));
            }
            return CompletableFuture.completedFuture(ExecutionResultImpl.newExecutionResult().from(result)
                    .errors(errors).build());
        }
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
        if (message.contains("maximum query depth") || message.contains("maximum query complexity")
                || message.contains("more tokens than") || message.contains("more whitespace tokens")) {
            return recode(error, "LIMIT_EXCEEDED", message);
        }
        if (type == ErrorType.InvalidSyntax || type == ErrorType.ValidationError || type == ErrorType.OperationNotSupported
                || (type != null && "ValidationError".equals(type.toString()))) {
            return recode(error, "BAD_USER_INPUT", message);
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
