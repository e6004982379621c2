package org.partnergraph.change;

import java.sql.Connection;
import java.sql.SQLException;

import javax.sql.DataSource;

import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.flywaydb.core.api.configuration.FluentConfiguration;

import io.quarkus.flyway.FlywayConfigurationCustomizer;

/**
 * Flyway migrates the records store while the service starts, so PostgreSQL being down stops the
 * start with Flyway's connection error, which names the JDBC URL but not the setting behind it. This
 * runs just before, when Quarkus sets Flyway up, and fails with the settings to change.
 */
@Singleton
class RecordsAtStart implements FlywayConfigurationCustomizer {

    private final String url;
    private final String username;

    RecordsAtStart(@ConfigProperty(name = "quarkus.datasource.jdbc.url") String url,
            @ConfigProperty(name = "quarkus.datasource.username") String username) {
        this.url = url;
        this.username = username;
    }

    @Override
    public void customize(FluentConfiguration configuration) {
        requireReachable(configuration.getDataSource(), url, username);
    }

    static void requireReachable(DataSource dataSource, String url, String username) {
        try (Connection connection = dataSource.getConnection()) {
            // Obtaining it is the check.
        } catch (SQLException e) {
            throw new IllegalStateException(String.format("PostgreSQL (the records store) cannot be reached at %s as "
                    + "user %s; set DB_URL (and DB_USERNAME, DB_PASSWORD) to a PostgreSQL that answers. %s",
                    url, username, e.getMessage()), e);
        }
    }
}
