package org.partnergraph.programme;

import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;
import org.partnergraph.common.PageInfo;

@Type("ProgrammeConnection")
@Description("One page of programmes (Relay connection), with totals over every programme that matches the "
        + "filter, not just this page.")
public record ProgrammeConnection(
        @NonNull @Description("The programmes on this page, in the requested sort.") List<@NonNull ProgrammeEdge> edges,
        @NonNull @Description("Whether more pages follow, and the cursors to ask for them.") PageInfo pageInfo,
        @NonNull @Description("Number of programmes matching the filter, over all pages.") int totalCount,
        @NonNull @Description("Sum of fundingWan (万元) of every programme matching the filter, over all pages. "
                + "Programmes without a stated amount add 0, and a group's statedTotalFundingWan is never added "
                + "(its rows carry their own amounts), so filter.partOfId gives the total of a table's rows. "
                + "Rounded to 4 decimals (1 yuan).") double totalFundingWan) {
}
