package org.partnergraph.common;

import org.eclipse.microprofile.config.ConfigProvider;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.SmallRyeConfig;

/**
 * Our GraphQL settings ({@code partnergraph.graphql.*} in application.properties, where each default is
 * set and explained). All are read at run time, so the environment variables named there work on a
 * packaged jar; SmallRye's own depth, complexity and token settings are fixed at build time and are
 * therefore not used.
 */
@ConfigMapping(prefix = "partnergraph.graphql")
public interface GraphQLSettings {

    /** Turns {@link ErrorCodes} on. */
    boolean codedErrors();

    /** Most aliased fields one operation may use, counting a fragment's aliases at each spread. */
    int maxAliases();

    /** Most directives one operation may use, counting a fragment's directives at each spread. */
    int maxDirectives();

    /** Deepest field nesting, root fields being level 1. */
    int maxDepth();

    /** Most field selections one operation may make after expanding fragments (each field costs 1). */
    int maxComplexity();

    /** Largest document, in parser tokens. */
    int maxTokens();

    /** Most objects one response may hold. */
    int maxNodes();

    /** Largest {@code first} of a connection (Relay page). */
    int maxPageSize();

    /** Whether {@code __schema}, {@code __type} and the schema file endpoint are served. */
    boolean introspection();

    /** Total length of the documents whose verdict the request guard keeps (see GraphQLRequestGuard). */
    MemorySize documentCache();

    /** For code that is not a CDI bean (ServiceLoader services, static factories). */
    static GraphQLSettings current() {
        return ConfigProvider.getConfig().unwrap(SmallRyeConfig.class).getConfigMapping(GraphQLSettings.class);
    }
}
