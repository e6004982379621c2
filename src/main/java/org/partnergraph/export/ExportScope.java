package org.partnergraph.export;

import java.util.List;

/**
 * What an export holds: the whole graph, or the nodes within {@code hops} of {@code focus}; in either case
 * only the nodes whose type or subtype is one of {@code kinds} (all when null), and the edges among them.
 */
record ExportScope(String focus, int hops, List<String> kinds) {
}
