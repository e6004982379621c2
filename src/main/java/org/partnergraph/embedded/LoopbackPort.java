package org.partnergraph.embedded;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

/**
 * Checked before an embedded store starts: a store that finds its port taken fails late (Neo4j after
 * about a minute) and with a message that does not say which setting moves it.
 */
final class LoopbackPort {

    private LoopbackPort() {
    }

    /** @throws IllegalStateException naming {@code setting} when something already listens on the port */
    static void requireFree(int port, String store, String setting) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        } catch (IOException e) {
            throw new IllegalStateException(String.format(
                    "Port %d on 127.0.0.1, where the embedded %s would listen, is in use (%s). Stop what uses it, "
                            + "or set %s to a free port.",
                    port, store, e.getMessage(), setting), e);
        }
    }
}
