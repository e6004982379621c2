package org.partnergraph.common;

import jakarta.json.JsonObject;

import org.jboss.logging.Logger;

import graphql.ErrorType;
import graphql.GraphQLError;
import io.quarkus.arc.Arc;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.smallrye.graphql.runtime.SmallRyeGraphQLAbstractHandler;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.smallrye.graphql.execution.ExecutionResponse;
import io.smallrye.graphql.execution.ExecutionResponseWriter;
import io.vertx.ext.web.RoutingContext;

/**
 * Executes a request that {@link GraphQLRequestGuard} has checked, POST or GET, through SmallRye's execution
 * service exactly as SmallRye's own handler does: same base class (request context, signed-in identity, current
 * request), same metadata, same threads. Two things differ, both costs SmallRye's handler pays per request that
 * the guard has already paid or that the answer need not pay:
 * <ul>
 * <li>the request is the JSON the guard read (a POST body, or the GET parameters decoded once), not the body
 * read and parsed a second time;</li>
 * <li>an answer without errors is written straight into the response buffer by {@link ResponseJson}, the same
 * bytes SmallRye's writer makes by building the whole answer as a JSON-P tree, printing it to a string and
 * encoding that string (profiled: ~8% of the service's CPU on a compiled read).</li>
 * </ul>
 */
final class Execution extends SmallRyeGraphQLAbstractHandler {

    private static final Logger LOG = Logger.getLogger(Execution.class);

    Execution(boolean runBlocking) {
        super(identity(), Arc.container().instance(CurrentVertxRequest.class).get(), runBlocking);
    }

    private static CurrentIdentityAssociation identity() {
        var identity = Arc.container().instance(CurrentIdentityAssociation.class);
        return identity.isAvailable() ? identity.get() : null;
    }

    @Override
    protected void doHandle(RoutingContext context) {
        JsonObject request = context.get(GraphQLRequestGuard.REQUEST);
        getExecutionService().executeAsync(request, getMetaData(context), new ExecutionResponseWriter() {
            @Override
            public void write(ExecutionResponse response) {
                if (aborted(response)) {
                    context.response().setStatusCode(500).end();
                    return;
                }
                try {
                    // Media type and, for an answer without data, the status are set as the headers go out.
                    context.response().setStatusCode(200)
                            .putHeader("Content-Type", GraphQLOverHttp.Media.JSON.type())
                            .end(ResponseJson.of(response));
                } catch (IllegalStateException e) {
                    LOG.debug("The client left before the answer was written", e);
                }
            }

            @Override
            public void fail(Throwable failure) {
                context.fail(failure);
            }
        });
    }

    /** As SmallRye's writer: data with an aborted execution is a server failure. */
    private static boolean aborted(ExecutionResponse response) {
        if (!response.getExecutionResult().isDataPresent()) {
            return false;
        }
        for (GraphQLError error : response.getExecutionResult().getErrors()) {
            if (error.getErrorType() == ErrorType.ExecutionAborted) {
                LOG.error("Execution aborted: " + error.getMessage());
                return true;
            }
        }
        return false;
    }
}
