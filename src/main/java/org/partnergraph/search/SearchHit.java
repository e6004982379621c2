package org.partnergraph.search;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;
import org.partnergraph.node.Node;

@Type("SearchHit")
@Description("One search result: the object found and how well it matched (higher is better).")
public record SearchHit(
        @NonNull @Description("The organisation, region, department … that matched.") Node node,
        @NonNull @Description("Relevance; exact name or short-name matches rank first.") double score) {
}
