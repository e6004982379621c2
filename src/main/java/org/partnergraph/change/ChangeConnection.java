package org.partnergraph.change;

import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;
import org.partnergraph.common.Page;
import org.partnergraph.common.PageInfo;

@Type("ChangeConnection")
@Description("A page of the change log, newest first (Relay connection).")
public record ChangeConnection(
        @NonNull @Description("The changes on this page, each with its cursor.") List<@NonNull ChangeEdge> edges,
        @NonNull @Description("Where this page is in the list.") PageInfo pageInfo,
        @NonNull @Description("How many changes match, on all pages (counted in the database).") int totalCount) {

    @Type("ChangeEdge")
    @Description("A change and its cursor.")
    public record ChangeEdge(
            @NonNull @Description("Pass as `after` to continue after this change.") String cursor,
            @NonNull @Description("The change.") Change node) {
    }

    static ChangeConnection of(Page<Change> page) {
        return new ChangeConnection(page.items().stream().map(c -> new ChangeEdge(ChangeService.cursor(c), c)).toList(),
                page.pageInfo(ChangeService::cursor), page.totalCount());
    }
}
