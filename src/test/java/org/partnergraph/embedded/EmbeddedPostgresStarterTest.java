package org.partnergraph.embedded;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import org.jboss.logmanager.ExtLogRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/** The embedded PostgreSQL's start, with real PostgreSQL servers and no Quarkus. */
class EmbeddedPostgresStarterTest {

    @Test
    void aPostgresLeftRunningByAKilledServiceIsStoppedWithAWarningAndTheDataKept(@TempDir Path dir) throws Exception {
        File data = dir.resolve("postgres").toFile();
        int port = freePort();
        Process killedService = startAndKill(data, port);
        long leftover = Long.parseLong(Files.readAllLines(data.toPath().resolve("postmaster.pid")).get(0).trim());
        assertTrue(ProcessHandle.of(leftover).map(ProcessHandle::isAlive).orElse(false),
                "the server outlives the service that started it (" + killedService + ")");

        List<LogRecord> warnings = new CopyOnWriteArrayList<>();
        try (EmbeddedPostgres postgres = withWarnings(warnings, () -> EmbeddedPostgresStarter.startServer(data, port))) {
            assertFalse(ProcessHandle.of(leftover).map(ProcessHandle::isAlive).orElse(false), "the leftover server was stopped");
            assertEquals(1, warnings.size(), "one warning");
            String warning = message(warnings.get(0));
            assertTrue(warning.contains("pid " + leftover) && warning.contains(data.toString()), warning);
            try (Connection connection = postgres.getPostgresDatabase().getConnection();
                    Statement statement = connection.createStatement();
                    ResultSet rows = statement.executeQuery("SELECT note FROM kept")) {
                assertTrue(rows.next());
                assertEquals("written before the kill", rows.getString(1));
            }
        } finally {
            ProcessHandle.of(leftover).ifPresent(ProcessHandle::destroy);
        }
    }

    @Test
    void aBusyPortFailsAtOnceNamingTheSetting(@TempDir Path dir) throws IOException {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            IllegalStateException failure = assertThrows(IllegalStateException.class,
                    () -> EmbeddedPostgresStarter.startServer(dir.resolve("postgres").toFile(), taken.getLocalPort()));

            assertTrue(failure.getMessage().contains("PARTNERGRAPH_EMBEDDED_POSTGRES_PORT"), failure.getMessage());
        }
    }

    /** Starts PostgreSQL from another JVM, then kills that JVM (SIGKILL), as a crash or kill -9 would. */
    private static Process startAndKill(File data, int port) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        Process service = new ProcessBuilder(java, "-cp", classpath, AbandonedPostgres.class.getName(),
                data.toString(), String.valueOf(port)).redirectErrorStream(true).start();
        BufferedReader output = new BufferedReader(new InputStreamReader(service.getInputStream(), StandardCharsets.UTF_8));
        StringBuilder seen = new StringBuilder();
        for (String line = output.readLine(); line != null && !line.equals("ready"); line = output.readLine()) {
            seen.append(line).append('\n');
        }
        assertTrue(service.isAlive(), "the service JVM started PostgreSQL:\n" + seen);
        service.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        return service;
    }

    interface Start {
        EmbeddedPostgres run() throws Exception;
    }

    private static EmbeddedPostgres withWarnings(List<LogRecord> warnings, Start start) throws Exception {
        Logger logger = Logger.getLogger(EmbeddedPostgresStarter.class.getName());
        Handler handler = new Handler() {
            @Override
            public void publish(LogRecord record) {
                if (record.getLevel().intValue() >= Level.WARNING.intValue()) {
                    warnings.add(record);
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        logger.addHandler(handler);
        try {
            return start.run();
        } finally {
            logger.removeHandler(handler);
        }
    }

    /** JBoss Logging hands the log manager printf-style records unformatted. */
    private static String message(LogRecord record) {
        return record instanceof ExtLogRecord ext ? ext.getFormattedMessage() : record.getMessage();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
