package org.partnergraph.testing;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;

/**
 * Declares the real stores every {@code @QuarkusTest} runs against. Global (not restricted to this
 * class), so they start once for the whole run and all test classes share one application.
 */
@QuarkusTestResource(Neo4jTestResource.class)
@QuarkusTestResource(PostgresTestResource.class)
@QuarkusTestResource(OidcWiremockTestResource.class)
public final class TestStores {

    private TestStores() {
    }
}
