package org.partnergraph.embedded;

import java.io.File;
import java.io.FileOutputStream;
import java.io.IOException;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A PostgreSQL still running on our data folder from an earlier run. pg_ctl detaches the server
 * (its parent is PID 1), so when a service is killed rather than stopped its PostgreSQL keeps
 * running, and the next start would silently talk to that old server: whatever its port, binaries
 * and settings. Found through the data folder's {@code postmaster.pid}: the server's pid, alive and a
 * postgres process (a pid can be reused after a reboot).
 */
record LeftoverPostgres(ProcessHandle process, File dataDir) {

    /** Zonky's lock file in the data folder, held by the JVM that started the server while it runs. */
    private static final String OWNER_LOCK = "epg-lock";
    private static final Duration STOP_LIMIT = Duration.ofSeconds(30);

    static Optional<LeftoverPostgres> find(File dataDir) {
        Path pidFile = dataDir.toPath().resolve("postmaster.pid");
        if (!Files.isRegularFile(pidFile)) {
            return Optional.empty();
        }
        try {
            List<String> lines = Files.readAllLines(pidFile);
            long pid = Long.parseLong(lines.get(0).trim());
            return ProcessHandle.of(pid)
                    .filter(ProcessHandle::isAlive)
                    .filter(process -> process.info().command().map(command -> command.endsWith("/postgres")).orElse(false))
                    .map(process -> new LeftoverPostgres(process, dataDir));
        } catch (IOException | RuntimeException e) {
            // Unreadable or half-written: PostgreSQL itself judges the file when it starts.
            return Optional.empty();
        }
    }

    long pid() {
        return process.pid();
    }

    /** Whether a running JVM (another service started on the same folder) still owns the server. */
    boolean ownedByARunningService() {
        File lockFile = new File(dataDir, OWNER_LOCK);
        if (!lockFile.exists()) {
            return false;
        }
        try (FileOutputStream stream = new FileOutputStream(lockFile, true);
                FileLock lock = stream.getChannel().tryLock()) {
            return lock == null;
        } catch (IOException | OverlappingFileLockException e) {
            return true;
        }
    }

    /** Stops it the way PostgreSQL stops on SIGTERM (no new sessions; the killed run's are gone). */
    void stop() {
        process.destroy();
        try {
            process.onExit().get(STOP_LIMIT.toSeconds(), TimeUnit.SECONDS);
        } catch (TimeoutException | ExecutionException e) {
            throw new IllegalStateException(String.format("The PostgreSQL left running on %s (pid %d) did not stop "
                    + "within %d s; stop it (kill -INT %d) and start again", dataDir, pid(), STOP_LIMIT.toSeconds(), pid()), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while stopping the PostgreSQL left running on " + dataDir, e);
        }
    }
}
