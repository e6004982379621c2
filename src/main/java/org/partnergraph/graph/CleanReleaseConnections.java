package org.partnergraph.graph;

import java.net.URI;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

import org.eclipse.microprofile.config.ConfigProvider;
import org.jboss.logging.Logger;
import org.neo4j.bolt.connection.AuthInfo;
import org.neo4j.bolt.connection.AuthToken;
import org.neo4j.bolt.connection.BoltAgent;
import org.neo4j.bolt.connection.BoltConnection;
import org.neo4j.bolt.connection.BoltConnectionProvider;
import org.neo4j.bolt.connection.BoltConnectionProviderFactory;
import org.neo4j.bolt.connection.BoltConnectionState;
import org.neo4j.bolt.connection.BoltProtocolVersion;
import org.neo4j.bolt.connection.BoltServerAddress;
import org.neo4j.bolt.connection.LoggingProvider;
import org.neo4j.bolt.connection.NotificationConfig;
import org.neo4j.bolt.connection.ResponseHandler;
import org.neo4j.bolt.connection.SecurityPlan;
import org.neo4j.bolt.connection.message.Message;
import org.neo4j.bolt.connection.message.ResetMessage;
import org.neo4j.bolt.connection.observation.ImmutableObservation;
import org.neo4j.bolt.connection.observation.ObservationProvider;
import org.neo4j.bolt.connection.summary.BeginSummary;
import org.neo4j.bolt.connection.summary.CommitSummary;
import org.neo4j.bolt.connection.summary.DiscardSummary;
import org.neo4j.bolt.connection.summary.LogoffSummary;
import org.neo4j.bolt.connection.summary.LogonSummary;
import org.neo4j.bolt.connection.summary.PullSummary;
import org.neo4j.bolt.connection.summary.ResetSummary;
import org.neo4j.bolt.connection.summary.RollbackSummary;
import org.neo4j.bolt.connection.summary.RouteSummary;
import org.neo4j.bolt.connection.summary.RunSummary;
import org.neo4j.bolt.connection.summary.TelemetrySummary;
import org.neo4j.bolt.connection.values.Value;
import org.neo4j.bolt.connection.values.ValueFactory;

/**
 * Bolt connections that are not RESET when they go back to the pool clean.
 *
 * <p>The Java driver's pool sends RESET and waits for its answer every time a session gives its connection
 * back, whatever state the connection is in. After an auto-commit statement whose records were all pulled, or
 * after a COMMIT or ROLLBACK, the server is already back in its ready state and the RESET changes nothing; yet
 * Neo4j spends about 0.2 ms of CPU on each (measured on Neo4j 5.26 with a raw Bolt client: 0.56–0.80 ms per
 * compiled read without it, 0.77–1.01 ms with it), a third of what a compiled read costs it, plus one more
 * exchange per request. The JavaScript driver does not send it on a clean release; the .NET and Python
 * drivers skip it too ("minimal resets"). The Java driver has no switch for it, but it takes its connections
 * from a {@link BoltConnectionProviderFactory} found with the {@link ServiceLoader}: this one wraps the
 * driver's own (Netty) factory and answers such a RESET itself.
 *
 * <p>A connection is clean only when what it saw proves it: the summary of a PULL without more records outside
 * an explicit transaction, or of a COMMIT, ROLLBACK or RESET. Every write makes it unclean until then, so a
 * RESET sent to interrupt a running statement always goes; a failure or an ignored message keeps it unclean.
 * The pool's liveness check, a RESET on a connection idle for longer than
 * {@code quarkus.neo4j.pool.idle-time-before-connection-test}, also always goes: only a RESET within
 * {@link #RELEASE_WINDOW} of the connection becoming clean is answered here (a release follows the last
 * summary within microseconds). {@code partnergraph.graph.skip-clean-resets=false} turns it off.
 */
public final class CleanReleaseConnections implements BoltConnectionProviderFactory {

    /** Only a RESET this soon after the connection became clean is a release's; later ones may be liveness checks. */
    static final Duration RELEASE_WINDOW = Duration.ofSeconds(1);
    static final String SWITCH = "partnergraph.graph.skip-clean-resets";
    private static final Logger LOG = Logger.getLogger(CleanReleaseConnections.class);

    private static final AtomicLong SKIPPED = new AtomicLong();
    private static final AtomicLong SENT = new AtomicLong();
    private static final ResetSummary RESET_SUMMARY = new ResetSummary() {
    };

    /** RESETs answered here, not sent, since start. */
    public static long skipped() {
        return SKIPPED.get();
    }

    /** RESETs sent to the server since start (the pool's on unclean connections, interrupts, liveness checks). */
    public static long sent() {
        return SENT.get();
    }

    @Override
    public boolean supports(String scheme) {
        return others().anyMatch(f -> f.supports(scheme));
    }

    /** Ahead of the driver's own factory, which keeps the default (last) order. */
    @Override
    public int getOrder() {
        return Integer.MAX_VALUE - 1;
    }

    @Override
    public BoltConnectionProvider create(LoggingProvider logging, ValueFactory values, ObservationProvider observations,
            Map<String, ?> additionalConfig) {
        // Asked only for a scheme it said it supports, that is one the driver's own factory supports.
        BoltConnectionProviderFactory netty = others().min(Comparator.comparingInt(BoltConnectionProviderFactory::getOrder))
                .orElseThrow(() -> new IllegalStateException("No Bolt connection provider besides " + getClass().getName()));
        BoltConnectionProvider provider = netty.create(logging, values, observations, additionalConfig);
        if (!enabled()) {
            LOG.infof("Bolt connections: every release is RESET (%s=false)", SWITCH);
            return provider;
        }
        LOG.debugf("Bolt connections: clean releases are not RESET (%s, class loader %s)", getClass().getName(),
                getClass().getClassLoader());
        return new BoltConnectionProvider() {
            @Override
            public CompletionStage<BoltConnection> connect(URI uri, String routingContextAddress, BoltAgent agent,
                    String userAgent, int connectTimeoutMillis, long initialisationTimeoutMillis, SecurityPlan securityPlan,
                    AuthToken authToken, BoltProtocolVersion minVersion, NotificationConfig notifications,
                    ImmutableObservation observation) {
                return provider.connect(uri, routingContextAddress, agent, userAgent, connectTimeoutMillis,
                        initialisationTimeoutMillis, securityPlan, authToken, minVersion, notifications, observation)
                        .thenApply(Tracked::new);
            }

            @Override
            public CompletionStage<Void> close() {
                return provider.close();
            }
        };
    }

    private static boolean enabled() {
        try {
            return ConfigProvider.getConfig().getOptionalValue(SWITCH, Boolean.class).orElse(true);
        } catch (IllegalStateException | IllegalArgumentException e) {
            return true; // no MicroProfile Config (a plain driver outside Quarkus): the default
        }
    }

    /** The other Bolt connection factories the driver could load (its own Netty one). */
    private static Stream<BoltConnectionProviderFactory> others() {
        return ServiceLoader.load(BoltConnectionProviderFactory.class, BoltConnectionProviderFactory.class.getClassLoader())
                .stream().map(ServiceLoader.Provider::get).filter(f -> !(f instanceof CleanReleaseConnections));
    }

    /** A connection that knows when the server is back in its ready state. */
    static final class Tracked implements BoltConnection {

        private final BoltConnection delegate;
        /** Nanotime at which the connection became clean, or -1 while it is not. */
        private volatile long cleanSince = -1;
        private volatile boolean inTransaction;

        Tracked(BoltConnection delegate) {
            this.delegate = delegate;
        }

        @Override
        public CompletionStage<Void> writeAndFlush(ResponseHandler handler, List<Message> messages,
                ImmutableObservation observation) {
            if (messages.size() == 1 && messages.get(0) instanceof ResetMessage) {
                long since = cleanSince;
                if (since >= 0 && !inTransaction && System.nanoTime() - since < RELEASE_WINDOW.toNanos()) {
                    SKIPPED.incrementAndGet();
                    handler.onResetSummary(RESET_SUMMARY);
                    handler.onComplete();
                    return CompletableFuture.completedFuture(null);
                }
                SENT.incrementAndGet();
            }
            cleanSince = -1;
            return delegate.writeAndFlush(new Watching(handler), messages, observation);
        }

        @Override
        public CompletionStage<Void> write(List<Message> messages) {
            cleanSince = -1;
            return delegate.write(messages);
        }

        private void clean() {
            cleanSince = System.nanoTime();
        }

        /** Passes every answer on, after noting what it says about the server's state. */
        private final class Watching implements ResponseHandler {
            private final ResponseHandler handler;

            Watching(ResponseHandler handler) {
                this.handler = handler;
            }

            @Override
            public void onError(Throwable error) {
                cleanSince = -1;
                handler.onError(error);
            }

            @Override
            public void onIgnored() {
                cleanSince = -1;
                handler.onIgnored();
            }

            @Override
            public void onBeginSummary(BeginSummary summary) {
                inTransaction = true;
                handler.onBeginSummary(summary);
            }

            @Override
            public void onPullSummary(PullSummary summary) {
                if (!summary.hasMore() && !inTransaction) {
                    clean();
                }
                handler.onPullSummary(summary);
            }

            @Override
            public void onCommitSummary(CommitSummary summary) {
                inTransaction = false;
                clean();
                handler.onCommitSummary(summary);
            }

            @Override
            public void onRollbackSummary(RollbackSummary summary) {
                inTransaction = false;
                clean();
                handler.onRollbackSummary(summary);
            }

            @Override
            public void onResetSummary(ResetSummary summary) {
                inTransaction = false;
                clean();
                handler.onResetSummary(summary);
            }

            @Override
            public void onRunSummary(RunSummary summary) {
                handler.onRunSummary(summary);
            }

            @Override
            public void onRecord(List<Value> fields) {
                handler.onRecord(fields);
            }

            @Override
            public void onDiscardSummary(DiscardSummary summary) {
                handler.onDiscardSummary(summary);
            }

            @Override
            public void onRouteSummary(RouteSummary summary) {
                handler.onRouteSummary(summary);
            }

            @Override
            public void onLogoffSummary(LogoffSummary summary) {
                handler.onLogoffSummary(summary);
            }

            @Override
            public void onLogonSummary(LogonSummary summary) {
                handler.onLogonSummary(summary);
            }

            @Override
            public void onTelemetrySummary(TelemetrySummary summary) {
                handler.onTelemetrySummary(summary);
            }

            @Override
            public void onComplete() {
                handler.onComplete();
            }
        }

        @Override
        public CompletionStage<Void> forceClose(String reason) {
            cleanSince = -1;
            return delegate.forceClose(reason);
        }

        @Override
        public CompletionStage<Void> close() {
            cleanSince = -1;
            return delegate.close();
        }

        @Override
        public CompletionStage<Void> setReadTimeout(Duration duration) {
            return delegate.setReadTimeout(duration);
        }

        @Override
        public BoltConnectionState state() {
            return delegate.state();
        }

        @Override
        public CompletionStage<AuthInfo> authInfo() {
            return delegate.authInfo();
        }

        @Override
        public String serverAgent() {
            return delegate.serverAgent();
        }

        @Override
        public BoltServerAddress serverAddress() {
            return delegate.serverAddress();
        }

        @Override
        public BoltProtocolVersion protocolVersion() {
            return delegate.protocolVersion();
        }

        @Override
        public boolean telemetrySupported() {
            return delegate.telemetrySupported();
        }

        @Override
        public boolean serverSideRoutingEnabled() {
            return delegate.serverSideRoutingEnabled();
        }

        @Override
        public Optional<Duration> defaultReadTimeout() {
            return delegate.defaultReadTimeout();
        }
    }
}
