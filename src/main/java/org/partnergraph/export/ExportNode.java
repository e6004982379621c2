package org.partnergraph.export;

import java.util.List;

/** One node as every format writes it: the allow-list of what leaves the service. */
record ExportNode(String id, String label, String type, String subtype, boolean implied, List<String> sourceTitles) {
}
