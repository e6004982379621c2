package org.partnergraph.common;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

import graphql.ErrorClassification;
import graphql.GraphQLContext;
import graphql.ExecutionResult;
import graphql.ExecutionResultImpl;
import graphql.GraphqlErrorBuilder;
import graphql.execution.instrumentation.ExecuteObjectInstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationCreateStateParameters;
import graphql.execution.instrumentation.parameters.InstrumentationExecutionParameters;
import graphql.execution.instrumentation.parameters.InstrumentationExecutionStrategyParameters;
import graphql.execution.instrumentation.parameters.InstrumentationFieldFetchParameters;
import graphql.schema.DataFetcher;

/**
 * A response may hold at most {@code partnergraph.graphql.max-nodes} objects. They are counted while
 * the response is built, not estimated beforehand: an estimate from {@code first} arguments would have
 * to guess the size of every plain list (sources, citations, programmes …), and such a guess is either
 * too strict for real pages or too loose for a hub. Counting is exact: graphql-java calls
 * {@code beginExecuteObject} once for every object it resolves fields on. Once the count passes the
 * limit, every later field fetch fails without touching a store (so the work stops within one level of
 * the response), and the whole result is replaced by one LIMIT_EXCEEDED error: a client never gets a
 * silently cut response.
 */
final class ResponseSizeLimit extends SimplePerformantInstrumentation {

    private final int maxNodes;

    ResponseSizeLimit(int maxNodes) {
        this.maxNodes = maxNodes;
    }

    static final class Count implements InstrumentationState {
        final AtomicInteger objects = new AtomicInteger();
        volatile boolean exceeded;
    }

    @Override
    public InstrumentationState createState(InstrumentationCreateStateParameters parameters) {
        Count count = new Count();
        if (parameters.getExecutionInput() != null) {
            parameters.getExecutionInput().getGraphQLContext().put(Count.class, count);
        }
        return count;
    }

    /**
     * Objects completed without graphql-java's per-object hook ({@code read.DirectCompletion} completes a
     * prefetched object in one walk) count as well.
     */
    void add(GraphQLContext context, int objects) {
        Count count = context.get(Count.class);
        if (count != null && count.objects.addAndGet(objects) > maxNodes) {
            count.exceeded = true;
        }
    }

    @Override
    public ExecuteObjectInstrumentationContext beginExecuteObject(InstrumentationExecutionStrategyParameters parameters,
            InstrumentationState state) {
        Count count = (Count) state;
        if (count.objects.incrementAndGet() > maxNodes) {
            count.exceeded = true;
        }
        return ExecuteObjectInstrumentationContext.NOOP;
    }

    @Override
    public DataFetcher<?> instrumentDataFetcher(DataFetcher<?> dataFetcher, InstrumentationFieldFetchParameters parameters,
            InstrumentationState state) {
        if (!((Count) state).exceeded) {
            return dataFetcher;
        }
        return environment -> {
            throw new LimitExceededException(message());
        };
    }

    @Override
    public CompletableFuture<ExecutionResult> instrumentExecutionResult(ExecutionResult result,
            InstrumentationExecutionParameters parameters, InstrumentationState state) {
        if (!((Count) state).exceeded) {
            return CompletableFuture.completedFuture(result);
        }
        Map<String, Object> extensions = new LinkedHashMap<>();
        extensions.put("code", "LIMIT_EXCEEDED");
        return CompletableFuture.completedFuture(ExecutionResultImpl.newExecutionResult()
                .addError(GraphqlErrorBuilder.newError().message(message()).extensions(extensions)
                        .errorType(ErrorClassification.errorClassification("LIMIT_EXCEEDED")).build())
                .build());
    }

    private String message() {
        return "nodes: the response would hold more than " + maxNodes
                + " objects; ask for smaller pages (first) or fewer nested lists.";
    }
}
