package org.partnergraph.export;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Arrays;
import java.util.Optional;

/** The files an analyst can download, by the name in the URL (/export/{file}). */
enum ExportFormat {
    GRAPHML("graph.graphml", "application/graphml+xml; charset=UTF-8", true, true),
    NODES_CSV("nodes.csv", "text/csv; charset=UTF-8", true, false),
    EDGES_CSV("edges.csv", "text/csv; charset=UTF-8", false, true),
    CSV_ZIP("graph-csv.zip", "application/zip", true, true),
    CYTOSCAPE("cytoscape.json", "application/json", true, true);

    private final String file;
    private final String contentType;
    private final boolean nodes;
    private final boolean edges;

    ExportFormat(String file, String contentType, boolean nodes, boolean edges) {
        this.file = file;
        this.contentType = contentType;
        this.nodes = nodes;
        this.edges = edges;
    }

    static Optional<ExportFormat> byFile(String file) {
        return Arrays.stream(values()).filter(f -> f.file.equals(file)).findFirst();
    }

    String file() {
        return file;
    }

    String contentType() {
        return contentType;
    }

    /** Whether the file holds nodes (rows counted against the limit, statement run). */
    boolean nodes() {
        return nodes;
    }

    boolean edges() {
        return edges;
    }

    ExportWriter open(OutputStream out) throws IOException {
        return switch (this) {
            case GRAPHML -> new GraphmlWriter(out);
            case NODES_CSV -> CsvWriter.nodes(out);
            case EDGES_CSV -> CsvWriter.edges(out);
            case CSV_ZIP -> CsvWriter.zip(out);
            case CYTOSCAPE -> new CytoscapeWriter(out);
        };
    }
}
