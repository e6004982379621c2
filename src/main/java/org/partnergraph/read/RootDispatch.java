package org.partnergraph.read;

import graphql.ExecutionResult;
import graphql.execution.instrumentation.ExecutionStrategyInstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationExecutionStrategyParameters;

/**
 * Tells {@link CompiledReads} when graphql-java has asked every root field of an operation (its root
 * execution strategy has dispatched them all): the compiled root fields' one statement is then sent.
 * graphql-java calls beginExecutionStrategy for the root selection only; nested objects have their own hook.
 */
public final class RootDispatch extends SimplePerformantInstrumentation {

    @Override
    public ExecutionStrategyInstrumentationContext beginExecutionStrategy(InstrumentationExecutionStrategyParameters parameters,
            InstrumentationState state) {
        return new ExecutionStrategyInstrumentationContext() {
            @Override
            public void onDispatched() {
                CompiledReads.dispatch(parameters.getExecutionContext().getGraphQLContext());
            }

            @Override
            public void onCompleted(ExecutionResult result, Throwable t) {
            }
        };
    }
}
