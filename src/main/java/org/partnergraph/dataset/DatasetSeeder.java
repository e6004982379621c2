package org.partnergraph.dataset;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.quarkus.runtime.StartupEvent;

/**
 * Records the curated bundles of the source documents in the change log at start, before the graph
 * comes up (the projector then applies them; Neo4j need not be reachable yet). A bundle already
 * imported with the same content is skipped, so restarts cost one lookup per bundle; a bundle whose
 * file changed in a new release is imported again as a new change (MERGE: nothing is duplicated).
 */
@ApplicationScoped
class DatasetSeeder {

    private static final Logger LOG = Logger.getLogger(DatasetSeeder.class);
    static final String INDEX = "/dataset/bundles.txt";
    static final String AUTHOR = "system:dataset-seed";

    private final DatasetService datasets;
    private final boolean seedOnStart;

    DatasetSeeder(DatasetService datasets, @ConfigProperty(name = "partnergraph.dataset.seed-on-start") boolean seedOnStart) {
        this.datasets = datasets;
        this.seedOnStart = seedOnStart;
    }

    /** Before GraphStartup (default priority), so the first drain at GraphReady already includes the bundles. */
    void onStart(@Observes @Priority(Interceptor.Priority.APPLICATION) StartupEvent event) {
        if (!seedOnStart) {
            return;
        }
        for (String file : bundleFiles()) {
            ImportReport report = datasets.importBundle(resource("/dataset/bundles/" + file), false, null, AUTHOR);
            LOG.infof("Dataset bundle %s: %s (%d documents, %d nodes, %d relationships)", report.bundle(),
                    report.unchanged() ? "already imported" : "imported", report.documents(), report.nodes(),
                    report.relationships());
        }
    }

    static List<String> bundleFiles() {
        return resource(INDEX).lines().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
    }

    static String resource(String path) {
        try (InputStream in = DatasetSeeder.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("Missing dataset resource " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
