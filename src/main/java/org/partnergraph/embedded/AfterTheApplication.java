package org.partnergraph.embedded;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.jboss.logging.Logger;

import io.quarkus.runtime.Application;

/**
 * Stops an embedded store when the JVM exits, once the Quarkus application has stopped. JVM shutdown
 * hooks run concurrently: a store stopped by its own hook goes away while the application is still
 * committing, rolling back and closing its pools (that is how the embedded PostgreSQL used to stop).
 * The stores live as long as the JVM, not as one application: dev-mode restarts keep them running.
 * Nothing is logged once the application has stopped: Quarkus has closed the log handlers by then.
 */
final class AfterTheApplication {

    private static final Logger LOG = Logger.getLogger(AfterTheApplication.class);
    /** Longer than the application ever takes to stop; a hung stop must not keep the JVM from exiting. */
    static final Duration LIMIT = Duration.ofSeconds(30);

    private AfterTheApplication() {
    }

    /** At JVM exit: wait for the running application (if any) to stop, then run {@code stop}. */
    static void stopAtExit(String store, Runnable stop) {
        Runtime.getRuntime().addShutdownHook(new Thread(
                () -> stopAfter(AfterTheApplication::awaitCurrentApplication, LIMIT, store, stop),
                "stop-embedded-" + store));
    }

    static void stopAfter(Runnable awaitApplication, Duration limit, String store, Runnable stop) {
        try {
            CompletableFuture.runAsync(awaitApplication).get(limit.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            LOG.warnf("The application did not stop within %d s; stopping the embedded %s anyway",
                    limit.toSeconds(), store);
        } catch (ExecutionException e) {
            LOG.warnf(e.getCause(), "Could not wait for the application to stop; stopping the embedded %s", store);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        stop.run();
    }

    private static void awaitCurrentApplication() {
        Application application = Application.currentApplication();
        if (application != null) {
            application.awaitShutdown();
        }
    }
}
