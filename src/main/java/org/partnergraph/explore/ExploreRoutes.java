package org.partnergraph.explore;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * The analysts' explorer page at /explore (and /explore/). Its scripts, styles and libraries are static
 * resources of the jar (META-INF/resources/explore, the Cytoscape.js webjar, the mvnpm ECharts jar); this
 * route only serves the page itself, so that {@code /explore?focus=<id>} works without a trailing slash, and
 * gives it a Content-Security-Policy that lets it load nothing from outside this service.
 */
@ApplicationScoped
class ExploreRoutes {

    static final String PAGE = "META-INF/resources/explore/index.html";

    /**
     * Same origin only: no CDN, no third-party script, style or connection. Inline style attributes are allowed
     * because ECharts and Cytoscape position their tooltips and canvases with them; no inline script is.
     */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; connect-src 'self'; "
            + "img-src 'self' data: blob:; style-src 'self' 'unsafe-inline'; object-src 'none'; base-uri 'none'; "
            + "frame-ancestors 'none'; form-action 'self'";

    private final Buffer page = Buffer.buffer(read());

    void routes(@Observes Router router) {
        router.get("/explore").handler(this::page);
        router.get("/explore/").handler(this::page);
    }

    private void page(RoutingContext context) {
        context.response()
                .putHeader(HttpHeaders.CONTENT_TYPE, "text/html; charset=utf-8")
                .putHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY)
                .putHeader("X-Content-Type-Options", "nosniff")
                // Always revalidate the page, so a new release of its scripts shows at once.
                .putHeader(HttpHeaders.CACHE_CONTROL, "no-cache")
                .end(page);
    }

    private static byte[] read() {
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(PAGE)) {
            if (in == null) {
                throw new IllegalStateException(PAGE + " is missing from the build");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
