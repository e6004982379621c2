package org.partnergraph.security;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * Refuses a malformed {@code Authorization} header with 401 and an empty body before the OIDC layer sees
 * it: that layer answered {@code Bearer .} with HTTP 500. A bearer credential must be a signed JWT in
 * compact form (three base64url parts), which is all this service accepts; a header that is not
 * {@code <scheme> <credentials>} at all, or comes twice, is refused too. So is another scheme (Basic …):
 * no one is signed in with it, and answering it anonymously would let a client believe it was signed in
 * while it reads only public data; the challenge names the one scheme there is (RFC 6750).
 */
@ApplicationScoped
class AuthorizationHeaderGuard {

    /** Before Quarkus' authentication (filter priority 200, route order -200). */
    static final int ORDER = -250;

    private static final Pattern SCHEME_AND_CREDENTIALS = Pattern.compile("[A-Za-z][A-Za-z0-9!#$%&'*+.^_`|~-]* [\\x21-\\x7E]+");
    private static final Pattern COMPACT_JWT = Pattern.compile("[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+");

    void routes(@Observes Router router) {
        router.route().order(ORDER).handler(this::check);
    }

    private void check(RoutingContext context) {
        List<String> headers = context.request().headers().getAll(HttpHeaders.AUTHORIZATION);
        if (headers.isEmpty() || (headers.size() == 1 && wellFormed(headers.get(0)))) {
            context.next();
        } else {
            context.response().setStatusCode(401)
                    .putHeader("WWW-Authenticate", "Bearer error=\"invalid_token\"").end();
        }
    }

    static boolean wellFormed(String header) {
        if (!SCHEME_AND_CREDENTIALS.matcher(header).matches()) {
            return false;
        }
        int space = header.indexOf(' ');
        boolean bearer = header.substring(0, space).toLowerCase(Locale.ROOT).equals("bearer");
        return bearer && COMPACT_JWT.matcher(header.substring(space + 1)).matches();
    }
}
