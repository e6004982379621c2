package org.partnergraph.dataset;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.partnergraph.graph.GraphReady;

/**
 * Loads the curated bundles of the source documents when the graph comes up. A bundle already
 * imported with the same content is skipped, so restarts cost one lookup per bundle; a bundle
 * whose file changed in a new release is imported again (MERGE: nothing is duplicated).
 */
@ApplicationScoped
class DatasetSeeder {

    private static final Logger LOG = Logger.getLogger(DatasetSeeder.class);
    static final String INDEX = "/dataset/bundles.txt";

    private final DatasetService datasets;
    private final boolean seedOnStart;

    DatasetSeeder(DatasetService datasets, @ConfigProperty(name = "partnergraph.dataset.seed-on-start") boolean seedOnStart) {
        this.datasets = datasets;
        this.seedOnStart = seedOnStart;
    }

    void onGraphReady(@Observes GraphReady ready) {
        if (!seedOnStart) {
            return;
        }
        for (String file : bundleFiles()) {
            ImportReport report = datasets.importBundle(resource("/dataset/bundles/" + file), false);
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
