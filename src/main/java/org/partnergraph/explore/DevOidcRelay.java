package org.partnergraph.explore;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import java.util.function.UnaryOperator;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.arc.profile.IfBuildProfile;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;

/**
 * Dev mode only (the bean does not exist in a packaged jar or in tests): the in-JVM dev OIDC server answers
 * without CORS headers, and it listens on another port, so the explorer page cannot read its discovery document
 * or its token endpoint. This relays those two from the page's own origin, so redirect sign-in runs in
 * {@code quarkus:dev} as it does in production, where the identity provider allows the page's origin itself.
 * The authorization endpoint needs no relay: the browser goes there.
 */
@IfBuildProfile("dev")
@ApplicationScoped
class DevOidcRelay {

    static final String BASE = "/explore/dev-oidc";

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final Optional<String> issuer;

    DevOidcRelay(@ConfigProperty(name = "quarkus.oidc.auth-server-url") Optional<String> issuer) {
        this.issuer = issuer.map(i -> i.replaceAll("/+$", ""));
    }

    void routes(@Observes Router router) {
        router.get(BASE + "/.well-known/openid-configuration").blockingHandler(this::discovery);
        router.post(BASE + "/token").handler(BodyHandler.create().setBodyLimit(16 * 1024)).blockingHandler(this::token);
    }

    private void discovery(RoutingContext context) {
        relay(context, HttpRequest.newBuilder(URI.create(issuer.orElseThrow() + "/.well-known/openid-configuration")).GET(),
                body -> new JsonObject(body).put("token_endpoint", BASE + "/token").encode());
    }

    private void token(RoutingContext context) {
        relay(context, HttpRequest.newBuilder(URI.create(issuer.orElseThrow() + "/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(context.body().asString())), body -> body);
    }

    private void relay(RoutingContext context, HttpRequest.Builder request, UnaryOperator<String> rewrite) {
        try {
            HttpResponse<String> answer = client.send(request.timeout(Duration.ofSeconds(10)).build(),
                    HttpResponse.BodyHandlers.ofString());
            String body = answer.statusCode() == 200 ? rewrite.apply(answer.body()) : answer.body();
            context.response().setStatusCode(answer.statusCode())
                    .putHeader(HttpHeaders.CONTENT_TYPE, answer.headers().firstValue("Content-Type").orElse("application/json"))
                    .putHeader(HttpHeaders.CACHE_CONTROL, "no-store")
                    .end(body);
        } catch (IOException | RuntimeException e) {
            context.response().setStatusCode(502).end("the dev OIDC server did not answer: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            context.response().setStatusCode(502).end();
        }
    }
}
