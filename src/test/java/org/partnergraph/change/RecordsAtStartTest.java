package org.partnergraph.change;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;

import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

/** A start with PostgreSQL down names the settings to change, not only the JDBC URL. */
class RecordsAtStartTest {

    @Test
    void postgresDownAtStartNamesDbUrl() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        String url = "jdbc:postgresql://127.0.0.1:" + closedPort + "/postgres";
        PGSimpleDataSource down = new PGSimpleDataSource();
        down.setURL(url);

        IllegalStateException failure = assertThrows(IllegalStateException.class,
                () -> RecordsAtStart.requireReachable(down, url, "postgres"));

        assertTrue(failure.getMessage().contains("DB_URL"), failure.getMessage());
        assertTrue(failure.getMessage().contains(url), failure.getMessage());
    }
}
