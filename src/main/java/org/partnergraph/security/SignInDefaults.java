package org.partnergraph.security;

import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

import org.eclipse.microprofile.config.spi.ConfigSource;
import org.jboss.logging.Logger;

import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigSourceFactory;
import io.smallrye.config.ConfigValue;
import io.smallrye.config.common.MapBackedConfigSource;

/**
 * A packaged jar started with no OIDC_ISSUER is a local run: it must start, serve public reads and
 * refuse everything that needs a role (UNAUTHENTICATED). quarkus-oidc refuses to start without an
 * issuer, so this turns its default tenant off in exactly that case. Explicit configuration wins:
 * the source's ordinal is below environment variables and application.properties.
 */
public class SignInDefaults implements ConfigSourceFactory {

    private static final Logger LOG = Logger.getLogger(SignInDefaults.class);

    @Override
    public Iterable<ConfigSource> getConfigSources(ConfigSourceContext context) {
        boolean prod = !context.getProfiles().contains("dev") && !context.getProfiles().contains("test");
        if (!prod || !blank(context.getValue("OIDC_ISSUER")) || !blank(context.getValue("quarkus.oidc.auth-server-url"))) {
            return List.of();
        }
        LOG.warn("OIDC_ISSUER is not set: sign-in is off; public reads work, operations that need a role "
                + "answer UNAUTHENTICATED. Set OIDC_ISSUER to your identity provider's realm URL.");
        return List.of(new MapBackedConfigSource("partnergraph-sign-in-defaults",
                Map.of("quarkus.oidc.tenant-enabled", "false"), 50) {
        });
    }

    @Override
    public OptionalInt getPriority() {
        return OptionalInt.of(100);
    }

    private static boolean blank(ConfigValue value) {
        return value == null || value.getValue() == null || value.getValue().isBlank();
    }
}
