package org.partnergraph.common;

import io.quarkus.runtime.ExecutionMode;

/**
 * Config source factories run twice: while Quarkus builds the application and when it starts. What
 * they add during the build is recorded as a default of the packaged application, so a factory that
 * decides from the run-time environment (an issuer, a database URL) must add nothing during the build.
 * <p>
 * Quarkus tells the two apart with its execution mode: the generated application sets it to static
 * init, then runtime init, then running, before it builds each configuration, and unsets it when it
 * stops; while the application is built (mvn package, the build step of dev mode and of tests) it is unset.
 */
public final class BuildTime {

    private BuildTime() {
    }

    public static boolean buildingTheApplication() {
        return ExecutionMode.current() == ExecutionMode.UNSET;
    }
}
