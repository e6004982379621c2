package org.partnergraph.change;

import java.sql.Connection;
import java.sql.SQLException;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;

import org.partnergraph.common.RecordsUnavailableException;

import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * PostgreSQL transactions for the change log, on a plain JDBC connection (enlisted in the JTA
 * transaction, so ORM work in the same transaction, such as storing documents, commits with it).
 * A database that cannot be reached surfaces as RECORDS_UNAVAILABLE.
 */
@ApplicationScoped
class Records {

    interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    private final DataSource dataSource;

    Records(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    <T> T transaction(Work<T> work) {
        return transaction(60, work);
    }

    <T> T transaction(int timeoutSeconds, Work<T> work) {
        try {
            return QuarkusTransaction.requiringNew().timeout(timeoutSeconds).call(() -> {
                try (Connection c = dataSource.getConnection()) {
                    return work.run(c);
                }
            });
        } catch (RuntimeException e) {
            throw RecordsUnavailableException.orRethrow(e);
        }
    }
}
