package org.partnergraph.export;

import java.io.IOException;
import java.io.OutputStream;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * GraphML 1.0 (http://graphml.graphdrawing.org/), valid against its published schema, with a {@code <key>}
 * for every attribute so that Gephi and yEd show labels, types and provenance. Relationship ids go in a data
 * attribute, not in the edge's {@code id}: derived links have ids such as {@code a~LOCATED_IN~b}, and '~' is
 * not allowed in an XML NMTOKEN.
 */
final class GraphmlWriter implements ExportWriter {

    static final String NS = "http://graphml.graphdrawing.org/xmlns";
    private static final String XSI = "http://www.w3.org/2001/XMLSchema-instance";

    /** id, for, attr.name, attr.type. */
    private static final String[][] KEYS = {
        {"label", "node", "label", "string"},
        {"type", "node", "type", "string"},
        {"subtype", "node", "subtype", "string"},
        {"implied", "node", "implied", "boolean"},
        {"sources", "node", "sources", "string"},
        {"e_id", "edge", "id", "string"},
        {"e_label", "edge", "label", "string"},
        {"e_since", "edge", "since", "string"},
        {"e_until", "edge", "until", "string"},
        {"e_scheme", "edge", "scheme", "string"},
        {"e_implied", "edge", "implied", "boolean"},
        {"e_sources", "edge", "sources", "string"}};

    private final OutputStream out;
    private final XMLStreamWriter xml;

    GraphmlWriter(OutputStream out) throws IOException {
        this.out = out;
        try {
            xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out, "UTF-8");
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeStartElement("graphml");
            xml.writeDefaultNamespace(NS);
            xml.writeNamespace("xsi", XSI);
            xml.writeAttribute(XSI, "schemaLocation", NS + " http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd");
            for (String[] key : KEYS) {
                xml.writeEmptyElement("key");
                xml.writeAttribute("id", key[0]);
                xml.writeAttribute("for", key[1]);
                xml.writeAttribute("attr.name", key[2]);
                xml.writeAttribute("attr.type", key[3]);
            }
            xml.writeStartElement("graph");
            xml.writeAttribute("id", "partnergraph");
            xml.writeAttribute("edgedefault", "directed");
        } catch (XMLStreamException e) {
            throw new IOException(e);
        }
    }

    @Override
    public void node(ExportNode node) throws IOException {
        try {
            xml.writeStartElement("node");
            xml.writeAttribute("id", node.id());
            data("label", node.label());
            data("type", node.type());
            data("subtype", node.subtype());
            data("implied", Boolean.toString(node.implied()));
            data("sources", String.join(CsvWriter.TITLE_SEPARATOR, node.sourceTitles()));
            xml.writeEndElement();
        } catch (XMLStreamException e) {
            throw new IOException(e);
        }
    }

    @Override
    public void edge(ExportEdge edge) throws IOException {
        try {
            xml.writeStartElement("edge");
            xml.writeAttribute("source", edge.from());
            xml.writeAttribute("target", edge.to());
            data("e_id", edge.id());
            // Gephi shows an edge's "label": its relationship type.
            data("e_label", edge.type());
            data("e_since", edge.since());
            data("e_until", edge.until());
            data("e_scheme", edge.scheme());
            data("e_implied", Boolean.toString(edge.implied()));
            data("e_sources", String.join(CsvWriter.TITLE_SEPARATOR, edge.sourceTitles()));
            xml.writeEndElement();
        } catch (XMLStreamException e) {
            throw new IOException(e);
        }
    }

    @Override
    public void finish() throws IOException {
        try {
            xml.writeEndElement();
            xml.writeEndElement();
            xml.writeEndDocument();
            xml.flush();
        } catch (XMLStreamException e) {
            throw new IOException(e);
        }
        out.flush();
    }

    /** Absent values are left out, as GraphML means them to be (a key's default, or none). */
    private void data(String key, String value) throws XMLStreamException {
        if (value == null || value.isEmpty()) {
            return;
        }
        xml.writeStartElement("data");
        xml.writeAttribute("key", key);
        xml.writeCharacters(value);
        xml.writeEndElement();
    }
}
