package org.partnergraph.common;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import graphql.execution.instrumentation.ChainedInstrumentation;
import graphql.execution.instrumentation.ExecuteObjectInstrumentationContext;
import graphql.execution.instrumentation.FieldFetchingInstrumentationContext;
import graphql.execution.instrumentation.Instrumentation;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimpleInstrumentation;
import graphql.execution.instrumentation.SimpleInstrumentationContext;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationExecutionStrategyParameters;
import graphql.execution.instrumentation.parameters.InstrumentationFieldCompleteParameters;
import graphql.execution.instrumentation.parameters.InstrumentationFieldFetchParameters;
import graphql.execution.instrumentation.parameters.InstrumentationFieldParameters;
import graphql.schema.DataFetcher;

/**
 * A chain of instrumentations that costs nothing per field for the hooks none of them uses. graphql-java's
 * chain calls every member on every field's every hook (execution, fetch, completion, list completion),
 * collects the members' do-nothing contexts and calls each of those back twice; with SmallRye's (empty)
 * chain and ours, that was a tenth of the service's CPU on a nested list, for no effect. Here a hook that
 * no member overrides answers graphql-java's own do-nothing value at once; any hook a member does use goes
 * through the chain as before. Nested chains are flattened, so an empty one adds nothing.
 */
final class LeanInstrumentation extends ChainedInstrumentation {

    /** The classes whose hooks do nothing: a member that inherits a hook from one of them does not use it. */
    private static final Set<Class<?>> DO_NOTHING = Set.of(Instrumentation.class, SimplePerformantInstrumentation.class,
            SimpleInstrumentation.class);

    private final boolean fieldExecution;
    private final boolean fieldFetch;
    private final boolean fieldFetching;
    private final boolean fieldCompletion;
    private final boolean fieldListCompletion;
    private final boolean executeObject;
    private final boolean dataFetcher;

    LeanInstrumentation(List<Instrumentation> instrumentations) {
        super(flatten(instrumentations));
        List<Instrumentation> members = getInstrumentations();
        fieldExecution = used(members, "beginFieldExecution", InstrumentationFieldParameters.class);
        fieldFetch = used(members, "beginFieldFetch", InstrumentationFieldFetchParameters.class);
        fieldFetching = used(members, "beginFieldFetching", InstrumentationFieldFetchParameters.class)
                || fieldFetch; // graphql-java's default beginFieldFetching calls beginFieldFetch
        fieldCompletion = used(members, "beginFieldCompletion", InstrumentationFieldCompleteParameters.class);
        fieldListCompletion = used(members, "beginFieldListCompletion", InstrumentationFieldCompleteParameters.class);
        executeObject = used(members, "beginExecuteObject", InstrumentationExecutionStrategyParameters.class);
        dataFetcher = used(members, "instrumentDataFetcher", DataFetcher.class, InstrumentationFieldFetchParameters.class);
    }

    private static List<Instrumentation> flatten(List<Instrumentation> instrumentations) {
        List<Instrumentation> flat = new ArrayList<>();
        for (Instrumentation instrumentation : instrumentations) {
            if (instrumentation != null && instrumentation.getClass() == ChainedInstrumentation.class) {
                flat.addAll(flatten(((ChainedInstrumentation) instrumentation).getInstrumentations()));
            } else if (instrumentation != null) {
                flat.add(instrumentation);
            }
        }
        return flat;
    }

    /**
     * Whether only {@code exempt} hooks into single fields or objects: an object completed without graphql-java's
     * per-field walk then misses no other member's hook (the exempt one is told apart).
     */
    boolean perFieldHooksOnlyIn(Class<? extends Instrumentation> exempt) {
        List<Instrumentation> others = getInstrumentations().stream().filter(m -> m.getClass() != exempt).toList();
        return !(used(others, "beginFieldExecution", InstrumentationFieldParameters.class)
                || used(others, "beginFieldFetch", InstrumentationFieldFetchParameters.class)
                || used(others, "beginFieldFetching", InstrumentationFieldFetchParameters.class)
                || used(others, "beginFieldCompletion", InstrumentationFieldCompleteParameters.class)
                || used(others, "beginFieldListCompletion", InstrumentationFieldCompleteParameters.class)
                || used(others, "beginExecuteObject", InstrumentationExecutionStrategyParameters.class)
                || used(others, "instrumentDataFetcher", DataFetcher.class, InstrumentationFieldFetchParameters.class));
    }

    /** Whether any member overrides the hook (a subclass of ChainedInstrumentation counts as using them all). */
    static boolean used(List<Instrumentation> members, String hook, Class<?>... leading) {
        for (Instrumentation member : members) {
            if (member instanceof ChainedInstrumentation) {
                return true;
            }
            for (Method method : member.getClass().getMethods()) {
                if (method.getName().equals(hook) && !DO_NOTHING.contains(method.getDeclaringClass())
                        && startsWith(method.getParameterTypes(), leading)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean startsWith(Class<?>[] parameters, Class<?>[] leading) {
        if (parameters.length != leading.length + 1) {
            return false;
        }
        for (int i = 0; i < leading.length; i++) {
            if (parameters[i] != leading[i]) {
                return false;
            }
        }
        return parameters[leading.length] == InstrumentationState.class;
    }

    @Override
    public InstrumentationContext<Object> beginFieldExecution(InstrumentationFieldParameters parameters,
            InstrumentationState state) {
        return fieldExecution ? super.beginFieldExecution(parameters, state) : SimpleInstrumentationContext.noOp();
    }

    @Override
    @SuppressWarnings("deprecation")
    public InstrumentationContext<Object> beginFieldFetch(InstrumentationFieldFetchParameters parameters,
            InstrumentationState state) {
        return fieldFetch ? super.beginFieldFetch(parameters, state) : SimpleInstrumentationContext.noOp();
    }

    @Override
    public FieldFetchingInstrumentationContext beginFieldFetching(InstrumentationFieldFetchParameters parameters,
            InstrumentationState state) {
        return fieldFetching ? super.beginFieldFetching(parameters, state) : FieldFetchingInstrumentationContext.NOOP;
    }

    @Override
    public InstrumentationContext<Object> beginFieldCompletion(InstrumentationFieldCompleteParameters parameters,
            InstrumentationState state) {
        return fieldCompletion ? super.beginFieldCompletion(parameters, state) : SimpleInstrumentationContext.noOp();
    }

    @Override
    public InstrumentationContext<Object> beginFieldListCompletion(InstrumentationFieldCompleteParameters parameters,
            InstrumentationState state) {
        return fieldListCompletion ? super.beginFieldListCompletion(parameters, state) : SimpleInstrumentationContext.noOp();
    }

    @Override
    public ExecuteObjectInstrumentationContext beginExecuteObject(InstrumentationExecutionStrategyParameters parameters,
            InstrumentationState state) {
        return executeObject ? super.beginExecuteObject(parameters, state) : ExecuteObjectInstrumentationContext.NOOP;
    }

    @Override
    public DataFetcher<?> instrumentDataFetcher(DataFetcher<?> fetcher, InstrumentationFieldFetchParameters parameters,
            InstrumentationState state) {
        return dataFetcher ? super.instrumentDataFetcher(fetcher, parameters, state) : fetcher;
    }
}
