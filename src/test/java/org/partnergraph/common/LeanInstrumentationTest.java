package org.partnergraph.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import graphql.execution.instrumentation.ChainedInstrumentation;
import graphql.execution.instrumentation.ExecuteObjectInstrumentationContext;
import graphql.execution.instrumentation.FieldFetchingInstrumentationContext;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimpleInstrumentationContext;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationCreateStateParameters;
import graphql.execution.instrumentation.parameters.InstrumentationExecutionStrategyParameters;
import graphql.execution.instrumentation.parameters.InstrumentationFieldCompleteParameters;
import graphql.execution.instrumentation.parameters.InstrumentationFieldFetchParameters;
import graphql.execution.instrumentation.parameters.InstrumentationFieldParameters;
import graphql.schema.DataFetcher;

/** The lean chain: hooks nobody uses cost nothing; hooks a member uses reach it; empty chains vanish. */
class LeanInstrumentationTest {

    /** Counts objects, as the response-size limit does, and uses no per-field hook. */
    static final class Objects extends SimplePerformantInstrumentation {
        final List<String> calls = new ArrayList<>();

        @Override
        public ExecuteObjectInstrumentationContext beginExecuteObject(InstrumentationExecutionStrategyParameters parameters,
                InstrumentationState state) {
            calls.add("object");
            return ExecuteObjectInstrumentationContext.NOOP;
        }
    }

    /** Times field completion: a per-field hook in use. */
    static final class Completions extends SimplePerformantInstrumentation {
        final List<String> calls = new ArrayList<>();

        @Override
        public InstrumentationContext<Object> beginFieldCompletion(InstrumentationFieldCompleteParameters parameters,
                InstrumentationState state) {
            calls.add("completion");
            return SimpleInstrumentationContext.whenCompleted((value, failure) -> calls.add("completed"));
        }
    }

    private static InstrumentationState state(LeanInstrumentation chain) {
        return chain.createStateAsync(new InstrumentationCreateStateParameters(null, null)).join();
    }

    @Test
    void hooksNoMemberUsesAnswerGraphQLJavasDoNothingValuesWithoutAskingTheMembers() {
        Objects objects = new Objects();
        LeanInstrumentation chain = new LeanInstrumentation(List.of(new ChainedInstrumentation(List.of()), objects,
                new SimplePerformantInstrumentation()));
        InstrumentationState state = state(chain);
        DataFetcher<Object> fetcher = environment -> "value";

        assertSame(FieldFetchingInstrumentationContext.NOOP, chain.beginFieldFetching(null, state));
        assertSame(SimpleInstrumentationContext.noOp(), chain.beginFieldExecution(null, state));
        assertSame(SimpleInstrumentationContext.noOp(), chain.beginFieldCompletion(null, state));
        assertSame(SimpleInstrumentationContext.noOp(), chain.beginFieldListCompletion(null, state));
        assertSame(fetcher, chain.instrumentDataFetcher(fetcher, null, state));
        assertEquals(List.of(), objects.calls);

        chain.beginExecuteObject(null, state);
        assertEquals(List.of("object"), objects.calls, "a hook a member uses still reaches it");
        assertEquals(2, chain.getInstrumentations().size(), "the empty chain is flattened away");
    }

    @Test
    void aPerFieldHookInUseGoesThroughTheChainWithItsCallbacks() {
        Completions completions = new Completions();
        LeanInstrumentation chain = new LeanInstrumentation(List.of(new Objects(),
                new ChainedInstrumentation(List.of(completions))));
        InstrumentationState state = state(chain);

        InstrumentationContext<Object> context = chain.beginFieldCompletion(null, state);
        assertNotSame(SimpleInstrumentationContext.noOp(), context);
        context.onCompleted("value", null);
        assertEquals(List.of("completion", "completed"), completions.calls);
        assertSame(SimpleInstrumentationContext.noOp(), chain.beginFieldExecution((InstrumentationFieldParameters) null, state));
        assertSame(FieldFetchingInstrumentationContext.NOOP,
                chain.beginFieldFetching((InstrumentationFieldFetchParameters) null, state));
    }

    /**
     * read.DirectCompletion completes objects without graphql-java's per-field walk: only where no member but the
     * response-size limit (which it tells itself) hooks into single fields or objects.
     */
    @Test
    void objectsMayBeCompletedPastThePerFieldWalkOnlyWhenNoOtherMemberHooksIntoThem() {
        assertTrue(new LeanInstrumentation(List.of(new Objects(), new SimplePerformantInstrumentation()))
                .perFieldHooksOnlyIn(Objects.class));
        assertFalse(new LeanInstrumentation(List.of(new Objects(), new ChainedInstrumentation(List.of(new Completions()))))
                .perFieldHooksOnlyIn(Objects.class));
        assertFalse(new LeanInstrumentation(List.of(new Objects())).perFieldHooksOnlyIn(Completions.class));
    }
}
