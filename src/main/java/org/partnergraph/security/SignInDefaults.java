package org.partnergraph.security;

import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.function.UnaryOperator;

import org.eclipse.microprofile.config.spi.ConfigSource;
import org.jboss.logging.Logger;
import org.partnergraph.common.BuildTime;

import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigSourceFactory;
import io.smallrye.config.ConfigValue;
import io.smallrye.config.common.MapBackedConfigSource;

/**
 * A packaged jar started with no OIDC_ISSUER is a local run: it must start, serve public reads and
 * refuse everything that needs a role (UNAUTHENTICATED). quarkus-oidc refuses to start without an
 * issuer, so this turns its default tenant off in exactly that case. Explicit configuration wins:
 * the source's ordinal is below environment variables and application.properties.
 * <p>
 * It adds nothing while the application is built: anything it added then would be recorded as a
 * default of the packaged jar, and sign-in would stay off whatever OIDC_ISSUER says at run time (it
 * did: every token was ignored). The issuer is looked up in the process environment and system
 * properties as well as the context.
 */
public class SignInDefaults implements ConfigSourceFactory {

    private static final Logger LOG = Logger.getLogger(SignInDefaults.class);

    /** Where an issuer may be configured: ours, and Quarkus' own key as property or environment variable. */
    static final List<String> ISSUER_KEYS = List.of("OIDC_ISSUER", "QUARKUS_OIDC_AUTH_SERVER_URL",
            "quarkus.oidc.auth-server-url");

    @Override
    public Iterable<ConfigSource> getConfigSources(ConfigSourceContext context) {
        boolean prod = !context.getProfiles().contains("dev") && !context.getProfiles().contains("test");
        if (BuildTime.buildingTheApplication() || !signInOff(prod, key -> firstNonBlank(System.getenv(key), System.getProperty(key), value(context, key)))) {
            return List.of();
        }
        LOG.warn("OIDC_ISSUER is not set: sign-in is off; public reads work, operations that need a role "
                + "answer UNAUTHENTICATED. Set OIDC_ISSUER to your identity provider's realm URL.");
        return List.of(new MapBackedConfigSource("partnergraph-sign-in-defaults",
                Map.of("quarkus.oidc.tenant-enabled", "false"), 50) {
        });
    }

    /** Sign-in is off only in production with no issuer configured anywhere. */
    static boolean signInOff(boolean prod, UnaryOperator<String> lookup) {
        return prod && ISSUER_KEYS.stream().allMatch(key -> lookup.apply(key) == null);
    }

    @Override
    public OptionalInt getPriority() {
        return OptionalInt.of(100);
    }

    private static String value(ConfigSourceContext context, String key) {
        ConfigValue value = context.getValue(key);
        return value == null ? null : value.getValue();
    }

    private static String firstNonBlank(String... values) {
        for (String value : values) {
            if (value != null && !value.isBlank()) {
                return value;
            }
        }
        return null;
    }
}
