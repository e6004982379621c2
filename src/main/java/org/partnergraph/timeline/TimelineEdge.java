package org.partnergraph.timeline;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

@Type("TimelineEdge")
@Description("A timeline entry in a list, with its cursor.")
public record TimelineEdge(
        @NonNull @Description("Opaque cursor of this entry: pass it as `after` to get the entries that follow it.") String cursor,
        @NonNull @Description("The entry.") TimelineEntry node) {
}
