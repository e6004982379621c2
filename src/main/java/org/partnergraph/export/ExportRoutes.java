package org.partnergraph.export;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;
import org.partnergraph.common.CodedErrorsInterceptor;
import org.partnergraph.common.NotFoundException;

import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.smallrye.graphql.api.ErrorCode;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * GET /export/{graph.graphml | nodes.csv | edges.csv | graph-csv.zip | cytoscape.json}, optionally
 * ?focus=&lt;id&gt;&amp;hops=1..3 and ?kind=&lt;type or subtype&gt;[,…]: downloads for Gephi, Excel and Cytoscape.
 * Plain HTTP rather than GraphQL, because a file of a million rows is neither one JSON answer nor something
 * to hold in memory. Signed in with the same bearer tokens; refusals carry the GraphQL error shape and codes
 * ({@code {"errors":[{"message":…,"extensions":{"code":…}}]}}) with the matching HTTP status, and are decided
 * before the first byte of the file is sent. Runs on a worker thread: the read blocks as the client reads.
 */
@ApplicationScoped
class ExportRoutes {

    private static final Logger LOG = Logger.getLogger(ExportRoutes.class);

    static final Map<String, Integer> STATUS = Map.of("UNAUTHENTICATED", 401, "FORBIDDEN", 403, "NOT_FOUND", 404,
            "BAD_USER_INPUT", 400, "LIMIT_EXCEEDED", 422, "GRAPH_UNAVAILABLE", 503, "RECORDS_UNAVAILABLE", 503);

    private final ExportService exports;
    private final IdentityProviderManager identities;
    private final ExportConfig config;

    ExportRoutes(ExportService exports, IdentityProviderManager identities, ExportConfig config) {
        this.exports = exports;
        this.identities = identities;
        this.config = config;
    }

    void routes(@Observes Router router) {
        router.get("/export/:file").blockingHandler(this::export, false);
    }

    private void export(RoutingContext context) {
        HttpServerResponse response = context.response();
        ResponseStream body = new ResponseStream(response);
        String file = context.pathParam("file");
        long started = System.nanoTime();
        try {
            SecurityIdentity identity = QuarkusHttpUser.getSecurityIdentityBlocking(context, identities);
            exports.authorize(identity);
            ExportFormat format = ExportFormat.byFile(file).orElseThrow(() -> new NotFoundException("No export named '"
                    + file + "'; there are " + Arrays.stream(ExportFormat.values()).map(ExportFormat::file)
                            .collect(Collectors.joining(", ")) + "."));
            ExportScope scope = exports.scope(context.queryParams().get("focus"), context.queryParams().get("hops"),
                    context.queryParam("kind"));
            long rows = exports.export(scope, format, chosen -> start(response, body, chosen));
            body.end();
            LOG.infof("Export %s (focus %s, hops %d, kinds %s): %d rows in %d ms", file, scope.focus(), scope.hops(),
                    scope.kinds(), rows, (System.nanoTime() - started) / 1_000_000);
        } catch (RuntimeException e) {
            fail(response, file, e);
        } catch (IOException e) {
            fail(response, file, new UncheckedIOException(e));
        }
    }

    private static OutputStream start(HttpServerResponse response, ResponseStream body, ExportFormat format) {
        response.setStatusCode(200).setChunked(true)
                .putHeader(HttpHeaders.CONTENT_TYPE, format.contentType())
                .putHeader("Content-Disposition", "attachment; filename=\"partnergraph-" + format.file() + "\"")
                .putHeader("Cache-Control", "no-store");
        return body;
    }

    private void fail(HttpServerResponse response, String file, RuntimeException failure) {
        if (response.headWritten() || response.ended() || response.closed()) {
            // The file had begun: its status cannot change. Cutting the connection makes the download fail in
            // the client rather than end as a well-formed file that lacks rows.
            if (failure instanceof UncheckedIOException || failure.getCause() instanceof IOException) {
                LOG.infof("Export %s stopped: %s", file, failure.getMessage());
            } else {
                LOG.warnf(failure, "Export %s failed after it began; connection reset", file);
            }
            if (!response.closed()) {
                response.reset();
            }
            return;
        }
        RuntimeException coded = CodedErrorsInterceptor.coded(failure, "export " + file, config.timeout());
        ErrorCode annotation = coded.getClass().getAnnotation(ErrorCode.class);
        String code = annotation == null ? "INTERNAL" : annotation.value();
        JsonObject error = new JsonObject().put("message", coded.getMessage())
                .put("extensions", new JsonObject().put("code", code));
        response.headers().remove("Content-Disposition");
        response.setStatusCode(STATUS.getOrDefault(code, 500))
                .putHeader(HttpHeaders.CONTENT_TYPE, "application/json; charset=UTF-8")
                .putHeader("Cache-Control", "no-store");
        if (code.equals("UNAUTHENTICATED")) {
            response.putHeader("WWW-Authenticate", "Bearer");
        }
        response.end(new JsonObject().put("errors", new JsonArray().add(error)).encode());
    }
}
