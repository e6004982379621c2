package org.partnergraph.timeline;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;

@GraphQLApi
public class TimelineApi {

    private final TimelineService timeline;

    TimelineApi(TimelineService timeline) {
        this.timeline = timeline;
    }

    @Query("timeline")
    @NonNull
    @Description("What happened, was planned or was stated when: events, programmes and plans, agreements, and the "
            + "stated statuses of agreements and partnerships (every statement of their statusHistory), in date order, paged (Relay). Dates are as precise as "
            + "the documents (see precision); an undated fact is not listed. Bad dates answer BAD_USER_INPUT, unknown "
            + "filter ids NOT_FOUND.")
    public TimelineConnection timeline(
            @Description("Which entries; omit for all.") TimelineFilter filter,
            @Description("Page size; default 20, at most 100.") Integer first,
            @Description("Cursor of the entry to continue after (pageInfo.endCursor).") String after) {
        return timeline.timeline(filter, first, after);
    }
}
