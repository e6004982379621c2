package org.partnergraph.export;

import java.io.IOException;
import java.io.OutputStream;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerResponse;

/**
 * A chunked HTTP response as a blocking OutputStream, for a worker thread: bytes go out in 64 KiB chunks, and
 * when the connection's write queue is full the writer waits until the client has taken them (so a slow
 * client slows the Neo4j read down instead of filling memory). A client that goes away fails the next write.
 */
final class ResponseStream extends OutputStream {

    private static final int CHUNK = 64 * 1024;
    /** A client that takes nothing for this long is given up on (the HTTP idle timeout usually comes first). */
    private static final long STALL_MINUTES = 5;

    private final HttpServerResponse response;
    private final byte[] buffer = new byte[CHUNK];
    private int used;
    private volatile boolean gone;
    private volatile CompletableFuture<Void> waiting;

    ResponseStream(HttpServerResponse response) {
        this.response = response;
        response.closeHandler(ignored -> {
            gone = true;
            CompletableFuture<Void> w = waiting;
            if (w != null) {
                w.complete(null);
            }
        });
    }

    @Override
    public void write(int b) throws IOException {
        if (used == CHUNK) {
            send();
        }
        buffer[used++] = (byte) b;
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
        while (length > 0) {
            if (used == CHUNK) {
                send();
            }
            int n = Math.min(length, CHUNK - used);
            System.arraycopy(bytes, offset, buffer, used, n);
            used += n;
            offset += n;
            length -= n;
        }
    }

    @Override
    public void flush() throws IOException {
        if (used > 0) {
            send();
        }
    }

    /** Sends what is left and ends the response. */
    void end() throws IOException {
        flush();
        response.end();
    }

    private void send() throws IOException {
        if (gone) {
            throw new IOException("The client closed the connection.");
        }
        response.write(Buffer.buffer(used).appendBytes(buffer, 0, used));
        used = 0;
        if (response.writeQueueFull()) {
            CompletableFuture<Void> drained = new CompletableFuture<>();
            waiting = drained;
            response.drainHandler(ignored -> drained.complete(null));
            if (!response.writeQueueFull() || gone) {
                drained.complete(null);
            }
            try {
                drained.get(STALL_MINUTES, TimeUnit.MINUTES);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("Interrupted while the client was reading.", e);
            } catch (ExecutionException | TimeoutException e) {
                throw new IOException("The client stopped reading.", e);
            }
            if (gone) {
                throw new IOException("The client closed the connection.");
            }
        }
    }
}
