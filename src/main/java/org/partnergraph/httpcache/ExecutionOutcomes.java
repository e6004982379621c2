package org.partnergraph.httpcache;

import graphql.ExecutionResult;
import io.smallrye.graphql.api.Context;
import io.smallrye.graphql.spi.EventingService;

/**
 * Tells {@link HttpCaching} whether an executed request may be cached: answered without errors.
 * SmallRye calls {@link #afterExecute} and then, on the same thread and at once, writes the response, whose
 * headers {@link HttpCaching} completes in the response's headers-end handler, also on that thread: so the
 * outcome is handed over in a thread-local, taken (and cleared) by the first reader. SmallRye offers no other
 * way from an execution's result to its HTTP response; where the hand-over does not happen (no outcome, or
 * one for another document), the answer is not cached.
 */
public class ExecutionOutcomes implements EventingService {

    private static final ThreadLocal<Outcome> LAST = new ThreadLocal<>();

    record Outcome(String query, boolean cacheable) {
    }

    /** Always on: a null key needs no switch (caching is governed by HttpCaching's settings). */
    @Override
    public String getConfigKey() {
        return null;
    }

    @Override
    public void afterExecute(Context context) {
        ExecutionResult result = context.unwrap(ExecutionResult.class);
        // Whether it was a query HttpCaching knows from the document (SmallRye's operation type is per field).
        boolean cacheable = result != null && result.getErrors().isEmpty() && result.isDataPresent();
        LAST.set(new Outcome(context.getQuery(), cacheable));
    }

    /** The outcome of the execution that just ended on this thread, if any; cleared. */
    static Outcome take() {
        Outcome outcome = LAST.get();
        LAST.remove();
        return outcome;
    }
}
