package org.partnergraph.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The Node.js scripts some tests run (the GraphQL-over-HTTP audit, the explorer's browser run): each is a
 * locked npm package under src/test/node/, installed into target/ with {@code npm ci}.
 */
public final class NodePackages {

    private NodePackages() {
    }

    /**
     * Copies {@code files} and the lock file from {@code source} to {@code work} and runs {@code npm ci} there,
     * skipped when what is installed came from the same lock file.
     */
    public static void install(Path source, Path work, List<String> files) throws IOException, InterruptedException {
        Files.createDirectories(work);
        for (String file : files) {
            Files.copy(source.resolve(file), work.resolve(file), StandardCopyOption.REPLACE_EXISTING);
        }
        Path lock = work.resolve("package-lock.json");
        Path installed = work.resolve("node_modules").resolve(".package-lock.json");
        byte[] wanted = Files.readAllBytes(source.resolve("package-lock.json"));
        if (Files.exists(installed) && Files.exists(lock) && Arrays.equals(wanted, Files.readAllBytes(lock))) {
            return;
        }
        Files.write(lock, wanted);
        run(List.of("npm", "ci", "--no-audit", "--no-fund", "--prefer-offline"), work, 5, "npm ci failed");
    }

    /** Runs {@code command} in {@code directory}; fails with its output unless it ends with 0 within the time. */
    public static String run(List<String> command, Path directory, int minutes, String failure)
            throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true);
        // Never a browser download: the browser tests use Debian's Chromium.
        builder.environment().put("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(minutes, TimeUnit.MINUTES), failure + ": did not finish");
        assertEquals(0, process.exitValue(), () -> failure + ":\n" + output);
        return output;
    }
}
