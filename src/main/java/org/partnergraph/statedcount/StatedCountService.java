package org.partnergraph.statedcount;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.partnergraph.document.Citation;
import org.partnergraph.document.Document;
import org.partnergraph.document.DocumentService;
import org.partnergraph.node.Node;
import org.partnergraph.node.StatedCount;

/**
 * The relations of stated counts. Public because its API lives with the StatedCount type in the node
 * package; the queries stay here, outside the shared node package.
 */
@ApplicationScoped
public class StatedCountService {

    private final StatedCountRepository counts;
    private final DocumentService documents;

    StatedCountService(StatedCountRepository counts, DocumentService documents) {
        this.counts = counts;
        this.documents = documents;
    }

    public List<Node> subject(List<StatedCount> batch) {
        return counts.subjects(ids(batch));
    }

    public List<List<Node>> named(List<StatedCount> batch) {
        return counts.named(ids(batch));
    }

    public List<Integer> namedCount(List<StatedCount> batch) {
        return counts.namedCounts(ids(batch));
    }

    public List<List<Document>> sources(List<StatedCount> batch) {
        return documents.sourcesOf(batch);
    }

    public List<List<Citation>> citations(List<StatedCount> batch) {
        return batch.stream().map(c -> c.provenance().citations()).toList();
    }

    private static List<String> ids(List<StatedCount> batch) {
        return batch.stream().map(StatedCount::id).toList();
    }
}
