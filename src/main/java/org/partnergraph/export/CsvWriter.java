package org.partnergraph.export;

import java.io.BufferedWriter;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * nodes.csv and edges.csv (RFC 4180: comma separated, CRLF, a field with a comma, quote or line break in
 * quotes and its quotes doubled), UTF-8 with a byte order mark: without it Excel reads the file in the
 * system's code page and shows Chinese as mojibake. Several source titles share one cell, joined by " | ".
 * A cell that would start a spreadsheet formula starts with an apostrophe instead (see {@link #field}).
 */
final class CsvWriter implements ExportWriter {

    static final String[] NODE_HEADER = {"id", "label", "type", "subtype", "implied", "sources"};
    static final String[] EDGE_HEADER = {"id", "type", "source", "target", "since", "until", "scheme", "implied", "sources"};
    static final String TITLE_SEPARATOR = " | ";
    private static final char BOM = '\uFEFF';

    private final ZipOutputStream zip;
    private Writer nodes;
    private Writer edges;
    private final OutputStream out;

    private CsvWriter(OutputStream out, ZipOutputStream zip, boolean withNodes, boolean withEdges) throws IOException {
        this.out = out;
        this.zip = zip;
        if (withNodes) {
            nodes = start(zip == null ? out : entry("nodes.csv"), NODE_HEADER);
        }
        if (withEdges && zip == null) {
            edges = start(out, EDGE_HEADER);
        }
    }

    static CsvWriter nodes(OutputStream out) throws IOException {
        return new CsvWriter(out, null, true, false);
    }

    static CsvWriter edges(OutputStream out) throws IOException {
        return new CsvWriter(out, null, false, true);
    }

    /** Both files in one zip: nodes.csv, then edges.csv, each written in full as its rows arrive. */
    static CsvWriter zip(OutputStream out) throws IOException {
        return new CsvWriter(out, new ZipOutputStream(out, StandardCharsets.UTF_8), true, true);
    }

    @Override
    public void node(ExportNode node) throws IOException {
        row(nodes, node.id(), node.label(), node.type(), node.subtype(), Boolean.toString(node.implied()),
                String.join(TITLE_SEPARATOR, node.sourceTitles()));
    }

    @Override
    public void edge(ExportEdge edge) throws IOException {
        if (edges == null) {
            nodes.flush();
            zip.closeEntry();
            edges = start(entry("edges.csv"), EDGE_HEADER);
        }
        row(edges, edge.id(), edge.type(), edge.from(), edge.to(), edge.since(), edge.until(), edge.scheme(),
                Boolean.toString(edge.implied()), String.join(TITLE_SEPARATOR, edge.sourceTitles()));
    }

    @Override
    public void finish() throws IOException {
        if (zip != null) {
            if (edges == null) {
                nodes.flush();
                zip.closeEntry();
                edges = start(entry("edges.csv"), EDGE_HEADER);
            }
            edges.flush();
            zip.closeEntry();
            zip.finish();
        } else {
            (nodes != null ? nodes : edges).flush();
        }
        out.flush();
    }

    private OutputStream entry(String name) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        // The entry's writer is flushed, never closed: closing would close the zip.
        return new FilterOutputStream(zip) {
            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                out.write(b, off, len);
            }

            @Override
            public void close() {
            }
        };
    }

    private static Writer start(OutputStream out, String[] header) throws IOException {
        Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
        writer.write(BOM);
        row(writer, header);
        return writer;
    }

    private static void row(Writer writer, String... fields) throws IOException {
        for (int i = 0; i < fields.length; i++) {
            if (i > 0) {
                writer.write(',');
            }
            writer.write(field(fields[i]));
        }
        writer.write("\r\n");
    }

    /**
     * A field as RFC 4180 writes it; null is an empty field. A value a spreadsheet would take for a formula
     * (starting with =, +, -, @, a tab or a carriage return: names and schemes come from editors' writes) gets a
     * leading apostrophe, as OWASP advises against CSV injection: Excel then shows it as text and runs nothing.
     */
    static String field(String value) {
        if (value == null) {
            return "";
        }
        if (!value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0) {
            value = "'" + value;
        }
        if (value.indexOf(',') < 0 && value.indexOf('"') < 0 && value.indexOf('\n') < 0 && value.indexOf('\r') < 0) {
            return value;
        }
        return '"' + value.replace("\"", "\"\"") + '"';
    }
}
