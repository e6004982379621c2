package org.partnergraph.embedded;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The embedded Neo4j's start, without Quarkus: what a developer sees when its Bolt port is taken. */
class EmbeddedNeo4jTest {

    static EmbeddedConfig config(Path dataDir, int boltPort) {
        return new EmbeddedConfig() {
            public boolean enabled() {
                return true;
            }

            public String dataDir() {
                return dataDir.toString();
            }

            public int neo4jBoltPort() {
                return boltPort;
            }

            public int postgresPort() {
                return 0;
            }
        };
    }

    @Test
    void aBusyBoltPortFailsAtOnceNamingTheSetting(@TempDir Path dataDir) throws IOException {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            int port = taken.getLocalPort();
            EmbeddedNeo4j neo4j = new EmbeddedNeo4j(config(dataDir, port), EmbeddedNeo4j.defaultUri(port));

            IllegalStateException failure = assertTimeoutPreemptively(Duration.ofSeconds(10),
                    () -> assertThrows(IllegalStateException.class, neo4j::start));

            assertTrue(failure.getMessage().contains("PARTNERGRAPH_EMBEDDED_NEO4J_PORT"), failure.getMessage());
            assertTrue(failure.getMessage().contains(String.valueOf(port)), failure.getMessage());
        }
    }
}
