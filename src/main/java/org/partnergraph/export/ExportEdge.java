package org.partnergraph.export;

import java.util.List;

/** One relationship as every format writes it: the allow-list of what leaves the service. */
record ExportEdge(String id, String type, String from, String to, String since, String until, String scheme,
        boolean implied, List<String> sourceTitles) {
}
