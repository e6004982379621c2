package org.partnergraph.testing;

import java.io.IOException;
import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * A real PostgreSQL 15 (binaries from Maven Central), started once per test run, behind a TCP proxy so
 * a test can take it away ({@link #proxy()}) like a database that goes down.
 */
public class PostgresTestResource implements QuarkusTestResourceLifecycleManager {

    private static EmbeddedPostgres postgres;
    private static TcpProxy proxy;

    @Override
    public Map<String, String> start() {
        try {
            postgres = EmbeddedPostgres.builder().start();
            proxy = new TcpProxy(postgres.getPort());
        } catch (IOException e) {
            throw new IllegalStateException("Could not start the embedded PostgreSQL for tests", e);
        }
        return Map.of(
                "quarkus.datasource.jdbc.url", "jdbc:postgresql://127.0.0.1:" + proxy.port() + "/postgres",
                "quarkus.datasource.username", "postgres",
                "quarkus.datasource.password", "postgres");
    }

    @Override
    public void stop() {
        try {
            if (proxy != null) {
                proxy.close();
            }
            if (postgres != null) {
                postgres.close();
            }
        } catch (IOException ignored) {
            // The JVM is ending.
        }
    }

    /** The proxy in front of the test PostgreSQL: cut() to simulate an outage, restore() to end it. */
    public static TcpProxy proxy() {
        return proxy;
    }
}
