package org.partnergraph.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import org.junit.jupiter.api.Test;
import org.neo4j.bolt.connection.AccessMode;
import org.neo4j.bolt.connection.AuthInfo;
import org.neo4j.bolt.connection.BoltConnection;
import org.neo4j.bolt.connection.BoltConnectionState;
import org.neo4j.bolt.connection.BoltProtocolVersion;
import org.neo4j.bolt.connection.BoltServerAddress;
import org.neo4j.bolt.connection.ResponseHandler;
import org.neo4j.bolt.connection.TransactionType;
import org.neo4j.bolt.connection.message.Message;
import org.neo4j.bolt.connection.message.Messages;
import org.neo4j.bolt.connection.message.ResetMessage;
import org.neo4j.bolt.connection.observation.ImmutableObservation;
import org.neo4j.bolt.connection.summary.BeginSummary;
import org.neo4j.bolt.connection.summary.CommitSummary;
import org.neo4j.bolt.connection.summary.PullSummary;
import org.neo4j.bolt.connection.summary.ResetSummary;
import org.neo4j.bolt.connection.summary.RollbackSummary;
import org.neo4j.bolt.connection.values.Value;

/**
 * When a connection counts as clean, message by message: the server's answers are played to the handler the
 * connection was written with, as the Netty connection would, and a RESET is checked to be answered here or
 * sent on. The same code under a real Neo4j: {@link CleanReleaseReadsTest}.
 */
class CleanReleaseConnectionsTest {

    /** The connection under the tracking one: records what reaches the wire and keeps the last handler. */
    static final class Wire implements BoltConnection {
        final List<Message> sent = new ArrayList<>();
        ResponseHandler handler;

        @Override
        public CompletionStage<Void> writeAndFlush(ResponseHandler handler, List<Message> messages, ImmutableObservation o) {
            sent.addAll(messages);
            this.handler = handler;
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public CompletionStage<Void> write(List<Message> messages) {
            sent.addAll(messages);
            return CompletableFuture.completedFuture(null);
        }

        long resets() {
            return sent.stream().filter(m -> m instanceof ResetMessage).count();
        }

        @Override public CompletionStage<Void> forceClose(String reason) { return CompletableFuture.completedFuture(null); }
        @Override public CompletionStage<Void> close() { return CompletableFuture.completedFuture(null); }
        @Override public CompletionStage<Void> setReadTimeout(Duration duration) { return CompletableFuture.completedFuture(null); }
        @Override public BoltConnectionState state() { return BoltConnectionState.OPEN; }
        @Override public CompletionStage<AuthInfo> authInfo() { return CompletableFuture.completedFuture(null); }
        @Override public String serverAgent() { return "Neo4j/5.26"; }
        @Override public BoltServerAddress serverAddress() { return new BoltServerAddress("localhost", 7687); }
        @Override public BoltProtocolVersion protocolVersion() { return new BoltProtocolVersion(5, 4); }
        @Override public boolean telemetrySupported() { return false; }
        @Override public boolean serverSideRoutingEnabled() { return false; }
        @Override public Optional<Duration> defaultReadTimeout() { return Optional.empty(); }
    }

    /** What the pool's BasicResponseHandler sees of a RESET. */
    static final class ResetAnswer implements ResponseHandler {
        int summaries;
        boolean complete;

        @Override public void onError(Throwable error) { throw new AssertionError(error); }
        @Override public void onResetSummary(ResetSummary summary) { summaries++; }
        @Override public void onComplete() { complete = true; }
    }

    private static final ResponseHandler DRIVER = error -> { };

    private final Wire wire = new Wire();
    private final CleanReleaseConnections.Tracked connection = new CleanReleaseConnections.Tracked(wire);

    private static PullSummary pulled(boolean hasMore) {
        return new PullSummary() {
            @Override public boolean hasMore() { return hasMore; }
            @Override public Map<String, Value> metadata() { return Map.of(); }
        };
    }

    private void autoCommitRead() {
        connection.writeAndFlush(DRIVER, List.of(Messages.run("RETURN 1", Map.of()), Messages.pull(-1, -1)), null);
    }

    private ResetAnswer release() {
        ResetAnswer answer = new ResetAnswer();
        connection.writeAndFlush(answer, List.of(Messages.reset()), null);
        return answer;
    }

    @Test
    void anAutoCommitResultReadToTheEndIsTakenBackWithoutReset() {
        autoCommitRead();
        wire.handler.onPullSummary(pulled(false));
        wire.handler.onComplete();
        ResetAnswer answer = release();
        assertEquals(0, wire.resets(), "no RESET on the wire");
        assertEquals(1, answer.summaries, "the pool still gets its RESET summary");
        assertTrue(answer.complete);
    }

    @Test
    void aResultWithRecordsLeftIsReset() {
        autoCommitRead();
        wire.handler.onPullSummary(pulled(true));
        release();
        assertEquals(1, wire.resets());
    }

    @Test
    void aFailedOrIgnoredStatementIsReset() {
        autoCommitRead();
        wire.handler.onError(new IllegalStateException("Neo.ClientError.Statement.SyntaxError"));
        wire.handler.onIgnored();
        release();
        assertEquals(1, wire.resets());
    }

    @Test
    void aStatementStillRunningIsResetToInterruptIt() {
        autoCommitRead();
        release();
        assertEquals(1, wire.resets(), "a RESET sent while the statement runs is an interrupt and must go");
    }

    @Test
    void anOpenTransactionIsResetAndACommittedOrRolledBackOneIsNot() {
        connection.writeAndFlush(DRIVER, List.of(Messages.beginTransaction(null, AccessMode.READ, null, Set.of(),
                TransactionType.DEFAULT, null, Map.of(), null), Messages.run("RETURN 1", Map.of()), Messages.pull(-1, -1)), null);
        wire.handler.onBeginSummary(Optional::empty);
        wire.handler.onPullSummary(pulled(false));
        release();
        assertEquals(1, wire.resets(), "results pulled, transaction still open");

        connection.writeAndFlush(DRIVER, List.of(Messages.beginTransaction(null, AccessMode.READ, null, Set.of(),
                TransactionType.DEFAULT, null, Map.of(), null)), null);
        wire.handler.onBeginSummary(Optional::empty);
        connection.writeAndFlush(DRIVER, List.of(Messages.commit()), null);
        wire.handler.onCommitSummary((CommitSummary) Optional::empty);
        release();
        assertEquals(1, wire.resets(), "committed: clean");

        connection.writeAndFlush(DRIVER, List.of(Messages.beginTransaction(null, AccessMode.WRITE, null, Set.of(),
                TransactionType.DEFAULT, null, Map.of(), null)), null);
        wire.handler.onBeginSummary((BeginSummary) Optional::empty);
        connection.writeAndFlush(DRIVER, List.of(Messages.rollback()), null);
        wire.handler.onRollbackSummary(new RollbackSummary() { });
        release();
        assertEquals(1, wire.resets(), "rolled back: clean");
    }

    @Test
    void aResetLongAfterTheConnectionWentCleanIsSentAsTheLivenessCheckItIs() throws InterruptedException {
        autoCommitRead();
        wire.handler.onPullSummary(pulled(false));
        Thread.sleep(CleanReleaseConnections.RELEASE_WINDOW.toMillis() + 100);
        release();
        assertEquals(1, wire.resets());
    }

    @Test
    void aServerResetMakesItCleanAgain() {
        autoCommitRead();
        wire.handler.onError(new IllegalStateException("failed"));
        release();
        wire.handler.onResetSummary(new ResetSummary() { });
        release();
        assertEquals(1, wire.resets(), "the second release follows the server's own RESET summary");
    }
}
