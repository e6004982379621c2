package org.partnergraph.common;

/**
 * Config source factories run twice: while Quarkus builds the application and when it starts. What
 * they add during the build is recorded as a default of the packaged application, so a factory that
 * decides from the run-time environment (an issuer, a database URL) must add nothing during the build.
 */
public final class BuildTime {

    private BuildTime() {
    }

    public static boolean buildingTheApplication() {
        return StackWalker.getInstance().walk(frames -> frames.anyMatch(
                frame -> frame.getClassName().equals("io.quarkus.deployment.configuration.BuildTimeConfigurationReader")));
    }
}
