package org.partnergraph.embedded;

import java.io.File;
import java.io.IOException;
import java.util.List;
import java.util.OptionalInt;

import org.eclipse.microprofile.config.spi.ConfigSource;
import org.jboss.logging.Logger;
import org.partnergraph.common.BuildTime;

import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigSourceFactory;
import io.smallrye.config.ConfigValue;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * Starts the embedded PostgreSQL (real binaries from Maven Central) for the local default. It is a
 * config source factory, not a startup bean, because Flyway migrates while Quarkus starts, before
 * any bean could run: configuration is the only hook early enough. It contributes no properties;
 * {@code quarkus.datasource.jdbc.url} already defaults to this server's loopback address.
 * <p>
 * Quarkus also builds configuration while it builds the application (mvn package, and the build
 * step of dev mode); nothing must start then ({@link BuildTime}). Dev-mode restarts build the
 * configuration again in a new class loader, so "already started" is kept JVM-wide, in a system
 * property. The server lives as long as the JVM and stops after the application.
 */
public class EmbeddedPostgresStarter implements ConfigSourceFactory {

    private static final Logger LOG = Logger.getLogger(EmbeddedPostgresStarter.class);
    static final String PORT_SETTING = "PARTNERGRAPH_EMBEDDED_POSTGRES_PORT";
    // Outside the partnergraph.* namespace: SmallRye validates every property under a mapped prefix.
    private static final String STARTED = "org.partnergraph.embedded-postgres-data";

    @Override
    public Iterable<ConfigSource> getConfigSources(ConfigSourceContext context) {
        if (wanted(context) && !BuildTime.buildingTheApplication()) {
            start(value(context, "partnergraph.embedded.data-dir", "data"),
                    Integer.parseInt(value(context, "partnergraph.embedded.postgres-port", "54329")));
        }
        return List.of();
    }

    @Override
    public OptionalInt getPriority() {
        return OptionalInt.of(100);
    }

    private static boolean wanted(ConfigSourceContext context) {
        boolean enabled = Boolean.parseBoolean(value(context, "partnergraph.embedded.enabled", "true"));
        boolean external = !value(context, "DB_URL", "").isBlank();
        boolean inTests = context.getProfiles().contains("test");
        return enabled && !external && !inTests;
    }

    private static String value(ConfigSourceContext context, String name, String fallback) {
        ConfigValue value = context.getValue(name);
        return value == null || value.getValue() == null ? fallback : value.getValue();
    }

    /** Once per JVM: dev-mode restarts rebuild the configuration but reuse the running server. */
    private static synchronized void start(String dataDir, int port) {
        if (System.getProperty(STARTED) != null) {
            return;
        }
        File data = new File(dataDir, "postgres").getAbsoluteFile();
        EmbeddedPostgres postgres = startServer(data, port);
        System.setProperty(STARTED, data.toString());
        AfterTheApplication.stopAtExit("postgresql", () -> stop(postgres));
    }

    /**
     * Starts PostgreSQL on {@code data}, after stopping one that an earlier, killed run left running on
     * it. Zonky's own shutdown hook is off: it would stop the server while the application still uses it.
     */
    static EmbeddedPostgres startServer(File data, int port) {
        LeftoverPostgres.find(data).ifPresent(leftover -> {
            if (leftover.ownedByARunningService()) {
                throw new IllegalStateException(String.format("The data folder %s is in use by another running "
                        + "PartnerGraph (its PostgreSQL has pid %d): stop that one, or set PARTNERGRAPH_DATA_DIR "
                        + "to another folder", data.getParentFile(), leftover.pid()));
            }
            LOG.warnf("A PostgreSQL (pid %d) is still running on %s, left by an earlier run that did not stop "
                    + "(killed?); stopping it and starting the embedded PostgreSQL afresh", leftover.pid(), data);
            leftover.stop();
        });
        LoopbackPort.requireFree(port, "PostgreSQL", PORT_SETTING);
        try {
            long started = System.nanoTime();
            EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                    .setDataDirectory(data)
                    .setCleanDataDirectory(false)
                    .setPort(port)
                    .setRegisterShutdownHook(false)
                    .start();
            LOG.infof("Embedded PostgreSQL started in %d ms: data in %s, port %d (loopback)",
                    (System.nanoTime() - started) / 1_000_000, data, port);
            return postgres;
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException("Could not start the embedded PostgreSQL in " + data
                    + " on port " + port + "; set DB_URL to use a PostgreSQL server instead", e);
        }
    }

    private static void stop(EmbeddedPostgres postgres) {
        try {
            postgres.close();
        } catch (IOException e) {
            LOG.warn("Embedded PostgreSQL did not stop cleanly", e);
        }
    }
}
