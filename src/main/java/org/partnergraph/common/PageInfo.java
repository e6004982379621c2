package org.partnergraph.common;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

@Type("PageInfo")
@Description("Relay page information. Pass endCursor as `after` to get the next page.")
public record PageInfo(
        @NonNull @Description("True when more items follow this page.") boolean hasNextPage,
        @NonNull @Description("True when this page was asked for with `after`, i.e. items precede it.") boolean hasPreviousPage,
        @Description("Cursor of the first item on this page; null when the page is empty.") String startCursor,
        @Description("Cursor of the last item on this page; null when the page is empty.") String endCursor) {
}
