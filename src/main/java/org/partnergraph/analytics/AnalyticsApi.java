package org.partnergraph.analytics;

import java.util.List;

import org.eclipse.microprofile.graphql.DefaultValue;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;
import org.eclipse.microprofile.graphql.Source;
import org.partnergraph.common.CodedErrors;
import org.partnergraph.document.Citation;
import org.partnergraph.document.Document;
import org.partnergraph.document.DocumentService;

@GraphQLApi
@CodedErrors
public class AnalyticsApi {

    private final AnalyticsService analytics;
    private final DocumentService documents;

    AnalyticsApi(AnalyticsService analytics, DocumentService documents) {
        this.analytics = analytics;
        this.documents = documents;
    }

    @Query("shortestPath")
    @Description("The shortest connection between two nodes, whichever way the relationships point; null when "
            + "they are not connected within maxHops. NOT_FOUND when either id is unknown.")
    public GraphPath shortestPath(
            @Id @NonNull @Description("Where the path starts.") String fromId,
            @Id @NonNull @Description("Where it ends.") String toId,
            @DefaultValue("4") @Description("Longest path considered; 1 to 6.") Integer maxHops) {
        return analytics.shortestPath(fromId, toId, maxHops == null ? 4 : maxHops);
    }

    @Query("neighbourhood")
    @Description("Everything within `hops` of a node, with the edges among it, for drawing a network.")
    public Subgraph neighbourhood(
            @Id @NonNull @Description("The centre.") String id,
            @DefaultValue("1") @Description("How far out; 1 to 3.") Integer hops,
            @DefaultValue("200") @Description("At most this many nodes, the centre included; 1 to 500.") Integer limit) {
        return analytics.neighbourhood(id, hops == null ? 1 : hops, limit == null ? 200 : limit);
    }

    @Query("graphStats")
    @NonNull
    @Description("Counts of nodes per label and relationships per type. Role: analyst.")
    public GraphStats graphStats() {
        return analytics.stats();
    }

    @NonNull
    @Description("The documents that state this relationship, in the order they are cited; empty for structural links.")
    public List<@NonNull List<@NonNull Document>> sources(@Source List<Edge> edges) {
        return documents.sourcesOf(edges);
    }

    @NonNull
    @Description("Each statement of this relationship: the document and its verbatim quote.")
    public List<@NonNull Citation> citations(@Source Edge edge) {
        return edge.provenance().citations();
    }
}
