package org.partnergraph.programme;

import org.eclipse.microprofile.graphql.DefaultValue;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;
import org.partnergraph.common.CodedErrors;

@GraphQLApi
@CodedErrors
public class ProgrammeApi {

    private final ProgrammeService programmes;

    ProgrammeApi(ProgrammeService programmes) {
        this.programmes = programmes;
    }

    @Query("programmes")
    @NonNull
    @Description("Programmes (training projects, exchanges, placements, work tasks), one page at a time, with "
            + "totalCount and totalFundingWan over every match. Example: the 12 rows of the 2018 training table "
            + "and their 659.7 万元: programmes(filter: {partOfId: \"prog-2018-training-table\"}, sort: SEQUENCE).")
    public ProgrammeConnection programmes(
            @Description("Which programmes; leave out for all. Unknown ids are NOT_FOUND.") ProgrammeFilter filter,
            @DefaultValue("YEAR_DESC") @Description("Order of the list; default YEAR_DESC (newest first, then id).")
            ProgrammeSort sort,
            @Description("Page size: 1 to 100, default 20. Anything else is BAD_USER_INPUT.") Integer first,
            @Description("Cursor after which the page starts: pageInfo.endCursor of the previous page, with the "
                    + "same sort. Leave out for the first page.") String after) {
        return programmes.programmes(filter, sort, first, after);
    }
}
