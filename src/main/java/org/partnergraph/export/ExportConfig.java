package org.partnergraph.export;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Graph exports (partnergraph.export.*). */
@ConfigMapping(prefix = "partnergraph.export")
public interface ExportConfig {

    /** Most rows (nodes plus edges) one export may hold; a larger scope is refused before anything is sent. */
    @WithDefault("2000000")
    long maxRows();

    /** Records Neo4j sends per batch while an export streams. */
    @WithDefault("2000")
    int fetchSize();

    /** Longest an export's read transaction may run (the API's reads have a much shorter one). */
    @WithDefault("10m")
    Duration timeout();
}
