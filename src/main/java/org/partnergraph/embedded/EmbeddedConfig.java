package org.partnergraph.embedded;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The zero-configuration local default: stores started in process when no server is configured. */
@ConfigMapping(prefix = "partnergraph.embedded")
public interface EmbeddedConfig {

    /** Off in containers and production: a missing store URL then fails fast instead. */
    @WithDefault("true")
    boolean enabled();

    /** Folder for the embedded stores' data; kept between runs. */
    @WithDefault("data")
    String dataDir();

    /** Bolt port of the embedded Neo4j, on loopback; not 7687 so a local Neo4j can keep that one. */
    @WithDefault("7688")
    int neo4jBoltPort();

    /** Port of the embedded PostgreSQL, on loopback. */
    @WithDefault("54329")
    int postgresPort();
}
