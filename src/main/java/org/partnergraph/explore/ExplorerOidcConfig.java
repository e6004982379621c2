package org.partnergraph.explore;

import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Redirect sign-in on the explorer page (partnergraph.explorer.oidc.*). */
@ConfigMapping(prefix = "partnergraph.explorer.oidc")
public interface ExplorerOidcConfig {

    /**
     * The page's own client at the identity provider: a public client (no secret; a browser cannot keep one)
     * allowed the Authorization Code flow with PKCE. Empty: no redirect sign-in, a pasted token still works.
     */
    Optional<String> clientId();

    /** Scopes the page asks for, space-separated. */
    @WithDefault("openid")
    String scopes();
}
