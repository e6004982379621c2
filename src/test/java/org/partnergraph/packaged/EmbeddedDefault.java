package org.partnergraph.packaged;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * The jar's zero-configuration default (embedded Neo4j and PostgreSQL, seeded with the curated
 * dataset), given only what keeps parallel runs on one machine apart: a fresh data folder under
 * target/ and free loopback ports. No store URL is passed: the jar must find its stores itself.
 */
public class EmbeddedDefault implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        try {
            Path target = Path.of("target").toAbsolutePath();
            Files.createDirectories(target);
            Path dataDir = Files.createTempDirectory(target, "packaged-it-data-");
            // Quarkus stops test resources before it stops the jar: deleting the folder in stop() pulled it
            // from under the jar's PostgreSQL, which then could not be stopped. This JVM ends after the jar.
            Runtime.getRuntime().addShutdownHook(new Thread(() -> delete(dataDir), "packaged-it-data-cleanup"));
            return Map.of(
                    "PARTNERGRAPH_DATA_DIR", dataDir.toString(),
                    "PARTNERGRAPH_EMBEDDED_NEO4J_PORT", String.valueOf(freePort()),
                    "PARTNERGRAPH_EMBEDDED_POSTGRES_PORT", String.valueOf(freePort()));
        } catch (IOException e) {
            throw new UncheckedIOException("Could not prepare the packaged jar's data folder", e);
        }
    }

    @Override
    public void stop() {
        // The folder goes when this JVM exits (see start()).
    }

    private static void delete(Path dataDir) {
        try (Stream<Path> files = Files.walk(dataDir)) {
            files.sorted(Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
        } catch (IOException ignored) {
            // Under target/: the next clean removes what is left.
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
