package org.partnergraph.timeline;

import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;
import org.partnergraph.common.Cursor;
import org.partnergraph.common.Page;
import org.partnergraph.common.PageInfo;

@Type("TimelineConnection")
@Description("One page of timeline entries (Relay connection), in date order: by the first day each date can mean, "
        + "a year before a month before a day that start on the same day, then by id.")
public record TimelineConnection(
        @NonNull @Description("The entries on this page.") List<@NonNull TimelineEdge> edges,
        @NonNull @Description("Whether more pages follow, and the cursors to ask for them.") PageInfo pageInfo,
        @NonNull @Description("Number of entries matching the filter, over all pages.") int totalCount) {

    static final String SORT = "DATE";

    static TimelineConnection of(Page<TimelineEntry> page) {
        return new TimelineConnection(page.items().stream().map(e -> new TimelineEdge(cursor(e), e)).toList(),
                page.pageInfo(TimelineConnection::cursor), page.totalCount());
    }

    private static String cursor(TimelineEntry entry) {
        return Cursor.of(SORT, entry.key(), entry.id()).encode();
    }
}
