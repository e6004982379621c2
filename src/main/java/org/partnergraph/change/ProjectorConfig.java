package org.partnergraph.change;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How the projector applies the change log to the graph (partnergraph.projector.*). */
@ConfigMapping(prefix = "partnergraph.projector")
public interface ProjectorConfig {

    /** Apply a change right after it is committed, so the mutation can answer APPLIED. */
    @WithDefault("true")
    boolean inline();

    /** Changes per Neo4j transaction while catching up. */
    @WithDefault("50")
    int batchSize();

    /** First wait after the graph could not be reached; doubled on each failure. */
    @WithDefault("500ms")
    Duration initialBackoff();

    /** Longest wait between attempts while the graph stays unreachable. */
    @WithDefault("15s")
    Duration maxBackoff();

    /** How often the projector looks for changes other replicas committed. */
    @WithDefault("2s")
    Duration pollInterval();
}
