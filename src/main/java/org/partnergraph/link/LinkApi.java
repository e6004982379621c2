package org.partnergraph.link;

import java.util.List;

import org.eclipse.microprofile.graphql.DefaultValue;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Source;
import org.partnergraph.common.CodedErrors;
import org.partnergraph.document.Document;
import org.partnergraph.document.DocumentService;
import org.partnergraph.node.Node;

/** Links of any node, and their sources; each field resolves for all its parents at once. */
@GraphQLApi
@CodedErrors
public class LinkApi {

    static final String LINKS = "Its relationships to other nodes (memberships, secretariats, responsibilities, hosting, "
            + "co-building, partnerships, agreements …), each once, with the documents that state them: sorted by type, "
            + "then the other node's name, then id. Links the graph derives for its own reads (partner links) are not "
            + "among them.";
    static final String TYPE = "Only links of these relationship types (e.g. [\"MEMBER_OF\"]); omit or [] for all. An "
            + "unknown type, or null in the list, is BAD_USER_INPUT.";
    static final String DIRECTION = "OUT: links this node starts; IN: links that end at it; BOTH (default): either.";
    static final String FIRST = "Page size; default 20, at most 100.";
    static final String AFTER = "Cursor of the link to continue after (pageInfo.endCursor).";

    private final LinkService links;
    private final DocumentService documents;

    LinkApi(LinkService links, DocumentService documents) {
        this.links = links;
        this.documents = documents;
    }

    @NonNull
    @Description(LINKS)
    public List<@NonNull LinkConnection> links(@Source List<Node> nodes,
            @Description(TYPE) List<String> type,
            @DefaultValue("BOTH") @Description(DIRECTION) LinkDirection direction,
            @Description(FIRST) Integer first,
            @Description(AFTER) String after) {
        return links.linksOf(nodes, type, direction, first, after);
    }

    @NonNull
    @Description("The documents that state this relationship, in the order they are cited; empty for links that come "
            + "from a node's fields.")
    public List<@NonNull List<@NonNull Document>> sources(@Source List<Link> batch) {
        return documents.sourcesOf(batch);
    }
}
