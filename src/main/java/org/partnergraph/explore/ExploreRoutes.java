package org.partnergraph.explore;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * The analysts' explorer page at /explore (and /explore/). Its scripts, styles and libraries are static
 * resources of the jar (META-INF/resources/explore, the Cytoscape.js webjar, the mvnpm ECharts jar); this
 * route serves the page itself, so that {@code /explore?focus=<id>} works without a trailing slash, and gives
 * it a Content-Security-Policy that lets it load nothing from outside this service (and, with redirect
 * sign-in, fetch from the identity provider). /explore/config.json tells the page how users sign in.
 */
@ApplicationScoped
class ExploreRoutes {

    static final String PAGE = "META-INF/resources/explore/index.html";

    private final Buffer page = Buffer.buffer(read());
    private final String policy;
    private final Buffer config;

    ExploreRoutes(ExplorerOidcConfig oidc,
            @ConfigProperty(name = "quarkus.oidc.auth-server-url") Optional<String> issuer,
            @ConfigProperty(name = "quarkus.oidc.tenant-enabled", defaultValue = "true") boolean signInOn,
            Instance<DevOidcRelay> devRelay) {
        // In dev mode the page reaches the dev OIDC server through this service (DevOidcRelay says why).
        Optional<String> forThePage = devRelay.isResolvable() ? issuer.map(i -> DevOidcRelay.BASE) : issuer;
        Optional<ExplorerSignIn> signIn = ExplorerSignIn.of(oidc.clientId(), forThePage, signInOn, oidc.scopes());
        this.policy = ExplorerSignIn.contentSecurityPolicy(signIn);
        JsonObject json = new JsonObject().put("redirectSignIn", signIn.isPresent());
        signIn.ifPresent(s -> json.put("issuer", s.issuer()).put("clientId", s.clientId()).put("scopes", s.scopes()));
        this.config = json.toBuffer();
    }

    void routes(@Observes Router router) {
        router.get("/explore").handler(this::page);
        router.get("/explore/").handler(this::page);
        router.get("/explore/config.json").handler(this::config);
    }

    private void page(RoutingContext context) {
        context.response()
                .putHeader(HttpHeaders.CONTENT_TYPE, "text/html; charset=utf-8")
                .putHeader("Content-Security-Policy", policy)
                .putHeader("X-Content-Type-Options", "nosniff")
                // Always revalidate the page, so a new release of its scripts shows at once.
                .putHeader(HttpHeaders.CACHE_CONTROL, "no-cache")
                .end(page);
    }

    private void config(RoutingContext context) {
        context.response()
                .putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
                .putHeader("X-Content-Type-Options", "nosniff")
                .putHeader(HttpHeaders.CACHE_CONTROL, "no-cache")
                .end(config);
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
