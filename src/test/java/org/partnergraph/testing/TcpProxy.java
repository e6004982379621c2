package org.partnergraph.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A loopback TCP forwarder between the service and a test store (Neo4j, PostgreSQL). {@link #cut()} closes the listening
 * socket and every open connection, which is what the driver sees when a Neo4j server goes away;
 * {@link #restore()} listens again on the same port.
 */
public final class TcpProxy implements AutoCloseable {

    private final int targetPort;
    private final int port;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private volatile ServerSocket server;
    /** The one-shot commit fault: armed with a marker, then the connection that sent it, then struck. */
    private volatile String commitMarker;
    private volatile Socket markedConnection;
    private volatile boolean struck;

    public TcpProxy(int targetPort) throws IOException {
        this.targetPort = targetPort;
        this.server = listen(0);
        this.port = server.getLocalPort();
        accept(server);
    }

    public int port() {
        return port;
    }

    public synchronized void cut() throws IOException {
        server.close();
        for (Socket socket : open) {
            socket.close();
        }
        open.clear();
    }

    public synchronized void restore() throws IOException {
        if (server.isClosed()) {
            server = listen(port);
            accept(server);
        }
    }

    @Override
    public void close() throws IOException {
        cut();
    }

    private static ServerSocket listen(int port) throws IOException {
        ServerSocket socket = new ServerSocket();
        socket.setReuseAddress(true);
        socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        return socket;
    }

    private void accept(ServerSocket listening) {
        Thread acceptor = new Thread(() -> {
            while (!listening.isClosed()) {
                try {
                    Socket client = listening.accept();
                    Socket upstream = new Socket(InetAddress.getLoopbackAddress(), targetPort);
                    // Forwarding splits Bolt messages into several writes; with Nagle's algorithm on, a small
                    // write waits for the ACK the peer delays (40 ms on Linux), so every statement took 40 ms+.
                    client.setTcpNoDelay(true);
                    upstream.setTcpNoDelay(true);
                    open.add(client);
                    open.add(upstream);
                    pump(client, upstream, true);
                    pump(upstream, client, false);
                } catch (IOException e) {
                    // The listening socket was closed by cut(); the loop ends.
                }
            }
        }, "tcp-proxy-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    private void pump(Socket from, Socket to, boolean fromClient) {
        Thread pump = new Thread(() -> {
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                byte[] buffer = new byte[16 * 1024];
                for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                    String chunk = new String(buffer, 0, n, StandardCharsets.ISO_8859_1);
                    if (fromClient ? markedBy(from, chunk) : commitAnswerTo(to, chunk)) {
                        break;
                    }
                    out.write(buffer, 0, n);
                    out.flush();
                }
            } catch (IOException e) {
                // Either side closed: close both below.
            } finally {
                closeQuietly(from);
                closeQuietly(to);
            }
        }, "tcp-proxy-pump");
        pump.setDaemon(true);
        pump.start();
    }

    /**
     * Arms a one-shot fault for PostgreSQL: on the connection that next sends {@code marker} (a value
     * of the write, as its Bind message carries it), the server's answer to the next COMMIT (its
     * CommandComplete "COMMIT") is dropped and the connection closed: the server has committed, the
     * client cannot know. The fault PostgreSQL going away at the wrong moment causes.
     */
    public void loseTheAnswerToTheNextCommitAfter(String marker) {
        markedConnection = null;
        struck = false;
        commitMarker = marker;
    }

    /** Whether the armed fault has struck. */
    public boolean commitAnswerLost() {
        return struck;
    }

    private volatile String cutMarker;

    /**
     * Arms a one-shot fault: when a client next sends {@code marker} (e.g. a Cypher statement's text), the proxy
     * drops that message and cuts every connection, and accepts none until {@link #restore()}: the store going
     * away at that very moment.
     */
    public void cutWhenSent(String marker) {
        cutMarker = marker;
    }

    private volatile String dropMarker;

    /**
     * Arms a one-shot fault: when a client next sends {@code marker}, the proxy drops that message and closes that
     * one connection; every other connection, and every new one, goes on: a connection lost under one statement.
     */
    public void dropWhenSent(String marker) {
        dropMarker = marker;
    }

    /** Whether {@link #dropWhenSent} is still waiting for its marker. */
    public boolean dropArmed() {
        return dropMarker != null;
    }

    /** Marks the connection that sends the marker; stops the client's stream only for an armed cut or drop. */
    private boolean markedBy(Socket client, String chunk) {
        String dropAt = dropMarker;
        if (dropAt != null && chunk.contains(dropAt)) {
            dropMarker = null;
            return true;
        }
        String cutAt = cutMarker;
        if (cutAt != null && chunk.contains(cutAt)) {
            cutMarker = null;
            try {
                cut();
            } catch (IOException ignored) {
                // Cut as far as it goes: this connection ends below in any case.
            }
            return true;
        }
        String marker = commitMarker;
        if (marker != null && markedConnection == null && chunk.contains(marker)) {
            markedConnection = client;
        }
        return false;
    }

    /** True when this chunk of the server's answers to the marked connection reports its COMMIT: drop it. */
    private boolean commitAnswerTo(Socket client, String chunk) {
        if (commitMarker != null && markedConnection == client && chunk.contains("COMMIT")) {
            commitMarker = null;
            struck = true;
            return true;
        }
        return false;
    }

    private void closeQuietly(Socket socket) {
        open.remove(socket);
        try {
            socket.close();
        } catch (IOException ignored) {
            // Already closed.
        }
    }
}
