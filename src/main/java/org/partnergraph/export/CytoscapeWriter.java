package org.partnergraph.export;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;

/**
 * Cytoscape.js elements JSON ({@code {"elements": {"nodes": [{"data": {...}}], "edges": [{"data": {...}}]}}}),
 * which Cytoscape.js takes as {@code elements} and Cytoscape desktop imports as a network. Edge data names
 * the ends {@code source} and {@code target}, as Cytoscape requires.
 */
final class CytoscapeWriter implements ExportWriter {

    private static final JsonFactory JSON = new JsonFactory();

    private final JsonGenerator json;
    private boolean inEdges;

    CytoscapeWriter(OutputStream out) throws IOException {
        json = JSON.createGenerator(out, JsonEncoding.UTF8);
        json.writeStartObject();
        json.writeObjectFieldStart("elements");
        json.writeArrayFieldStart("nodes");
    }

    @Override
    public void node(ExportNode node) throws IOException {
        json.writeStartObject();
        json.writeObjectFieldStart("data");
        json.writeStringField("id", node.id());
        json.writeStringField("label", node.label());
        json.writeStringField("type", node.type());
        json.writeStringField("subtype", node.subtype());
        json.writeBooleanField("implied", node.implied());
        titles(node.sourceTitles());
        json.writeEndObject();
        json.writeEndObject();
    }

    @Override
    public void edge(ExportEdge edge) throws IOException {
        toEdges();
        json.writeStartObject();
        json.writeObjectFieldStart("data");
        json.writeStringField("id", edge.id());
        json.writeStringField("source", edge.from());
        json.writeStringField("target", edge.to());
        json.writeStringField("type", edge.type());
        json.writeStringField("since", edge.since());
        json.writeStringField("until", edge.until());
        json.writeStringField("scheme", edge.scheme());
        json.writeBooleanField("implied", edge.implied());
        titles(edge.sourceTitles());
        json.writeEndObject();
        json.writeEndObject();
    }

    @Override
    public void finish() throws IOException {
        toEdges();
        json.writeEndArray();
        json.writeEndObject();
        json.writeEndObject();
        json.flush();
    }

    private void toEdges() throws IOException {
        if (!inEdges) {
            json.writeEndArray();
            json.writeArrayFieldStart("edges");
            inEdges = true;
        }
    }

    private void titles(List<String> titles) throws IOException {
        json.writeArrayFieldStart("sources");
        for (String title : titles) {
            json.writeString(title);
        }
        json.writeEndArray();
    }
}
