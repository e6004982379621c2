package org.partnergraph.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.net.URL;

import org.junit.jupiter.api.Test;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;

/**
 * What application.properties gives a production run (the %prod profile, no overrides from the
 * environment): introspection and the UI off, no exception details in responses, and every limit at
 * its documented default. Plain JUnit: the file is evaluated as Quarkus would evaluate it.
 */
class ProductionConfigTest {

    static SmallRyeConfig production() throws IOException {
        URL file = ProductionConfigTest.class.getResource("/application.properties");
        return new SmallRyeConfigBuilder().withProfile("prod").withSources(new PropertiesConfigSource(file, 250))
                .build();
    }

    @Test
    void introspectionAndTheUiAreOffInProduction() throws IOException {
        SmallRyeConfig config = production();
        assertEquals(false, config.getValue("partnergraph.graphql.introspection", Boolean.class));
        assertEquals(false, config.getValue("quarkus.smallrye-graphql.ui.enabled", Boolean.class));
        assertEquals(false, config.getValue("quarkus.smallrye-graphql.print-data-fetcher-exception", Boolean.class));
    }

    @Test
    void everyLimitHasItsDocumentedDefault() throws IOException {
        SmallRyeConfig config = production();
        assertEquals(12, config.getValue("partnergraph.graphql.max-depth", Integer.class));
        assertEquals(1000, config.getValue("partnergraph.graphql.max-complexity", Integer.class));
        assertEquals(30, config.getValue("partnergraph.graphql.max-aliases", Integer.class));
        assertEquals(20, config.getValue("partnergraph.graphql.max-directives", Integer.class));
        assertEquals(5000, config.getValue("partnergraph.graphql.max-tokens", Integer.class));
        assertEquals(5000, config.getValue("partnergraph.graphql.max-nodes", Integer.class));
        assertEquals(100, config.getValue("partnergraph.graphql.max-page-size", Integer.class));
        assertEquals("5s", config.getRawValue("partnergraph.graph.transaction-timeout"));
        assertEquals("256K", config.getRawValue("quarkus.http.limits.max-body-size"));
    }

    @Test
    void tokensMustBeMeantForThisService() throws IOException {
        assertEquals("partnergraph-api", production().getRawValue("quarkus.oidc.token.audience"));
    }
}
