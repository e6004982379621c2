package org.partnergraph.explore;

import java.net.URI;
import java.util.Locale;
import java.util.Optional;

/**
 * Redirect sign-in as the page runs it: the issuer the service accepts tokens from (the page reads its
 * {@code .well-known/openid-configuration} and redirects the browser to its authorization endpoint) and the
 * page's public client. Present only when both are configured and the service checks tokens at all.
 */
record ExplorerSignIn(String issuer, String clientId, String scopes) {

    /** The page's scripts connect to nothing else; so the browser lets them reach this origin too, no more. */
    static final String POLICY = "default-src 'self'; script-src 'self'; connect-src 'self'%s; "
            + "img-src 'self' data: blob:; style-src 'self' 'unsafe-inline'; object-src 'none'; base-uri 'none'; "
            + "frame-ancestors 'none'; form-action 'self'";

    static Optional<ExplorerSignIn> of(Optional<String> clientId, Optional<String> issuer, boolean signInOn, String scopes) {
        if (!signInOn || clientId.isEmpty() || issuer.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new ExplorerSignIn(issuer.get().replaceAll("/+$", ""), clientId.get(), scopes.trim()));
    }

    /**
     * scheme://host[:port] of the issuer, the one origin besides this service's the page may fetch from; none
     * when the page reaches the issuer through this service (a path: dev mode's DevOidcRelay).
     */
    Optional<String> origin() {
        if (issuer.startsWith("/")) {
            return Optional.empty();
        }
        URI uri = URI.create(issuer);
        if (uri.getScheme() == null || uri.getHost() == null) {
            throw new IllegalStateException("the OIDC issuer is not an absolute URL: " + issuer);
        }
        String origin = uri.getScheme().toLowerCase(Locale.ROOT) + "://" + uri.getHost().toLowerCase(Locale.ROOT);
        return Optional.of(uri.getPort() == -1 ? origin : origin + ":" + uri.getPort());
    }

    /**
     * The page's Content-Security-Policy. Same origin only, no CDN, no third-party script or style; inline style
     * attributes are allowed because ECharts and Cytoscape position their tooltips and canvases with them; no
     * inline script is. With redirect sign-in, scripts may also fetch from the issuer's origin: its discovery
     * document and its token endpoint (the authorization endpoint is a navigation, which connect-src does not
     * govern).
     */
    static String contentSecurityPolicy(Optional<ExplorerSignIn> signIn) {
        return POLICY.formatted(signIn.flatMap(ExplorerSignIn::origin).map(origin -> " " + origin).orElse(""));
    }
}
