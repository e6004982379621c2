package org.partnergraph.partnership;

import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;
import org.partnergraph.node.Node;

@Type("SupportGap")
@Description("A department, organisation or region that a programme or agreement names, and that nobody supports in "
        + "the year it is named (as supportersOf counts support).")
public record SupportGap(
        @NonNull @Description("What is named and not supported.") Node node,
        @Description("The year it is named in: the programme's year, or the year of the agreement's date or period; "
                + "null when the source gives none (then any support at all closes the gap).") Integer year,
        @NonNull @Description("The programmes and agreements that name it that year.") List<@NonNull Node> namedIn) {

    @Type("SupportGaps")
    @Description("Support gaps, newest year first, then by name.")
    public record Page(
            @NonNull @Description("How many gaps there are in all.") int totalCount,
            @NonNull @Description("The first of them.") List<@NonNull SupportGap> gaps) {
    }
}
