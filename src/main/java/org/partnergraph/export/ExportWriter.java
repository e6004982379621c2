package org.partnergraph.export;

import java.io.IOException;

/** Writes one format as rows arrive: all nodes first, then all edges, then {@link #finish()}. */
interface ExportWriter {

    void node(ExportNode node) throws IOException;

    void edge(ExportEdge edge) throws IOException;

    /** Closes what the format opened (elements, the zip) and flushes; the response ends after it. */
    void finish() throws IOException;
}
