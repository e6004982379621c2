package org.partnergraph.packaged;

import java.util.List;
import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/**
 * How the *IT classes launch target/quarkus-app/quarkus-run.jar: the production profile, the embedded
 * default, and an issuer. The global resources of the @QuarkusTest classes (test Neo4j, PostgreSQL,
 * and an issuer configured the test profile's way) are left out: the jar must start its own stores.
 * Each class using a profile is a launch of its own (about 40 s here), so tests share a class.
 */
public class PackagedJar implements QuarkusTestProfile {

    @Override
    public boolean disableGlobalTestResources() {
        return true;
    }

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(EmbeddedDefault.class), new TestResourceEntry(Issuer.class));
    }

    /** A second launch, with the switches an operator sets to open the GraphQL UI and introspection. */
    public static class SwitchesOn extends PackagedJar {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("PARTNERGRAPH_GRAPHQL_UI", "true", "PARTNERGRAPH_INTROSPECTION", "true");
        }
    }
}
