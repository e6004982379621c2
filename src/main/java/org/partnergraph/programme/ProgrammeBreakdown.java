package org.partnergraph.programme;

import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;
import org.partnergraph.organization.Organization;
import org.partnergraph.region.Region;

@Type("ProgrammeBreakdown")
@Description("Programmes, funding and participants grouped by one or more dimensions, counted in the database. "
        + "total counts each programme once; a programme in several groups of a dimension (two target provinces, "
        + "two implementers) counts in each, so the groups may add up to more than the total (see multiCounted).")
public record ProgrammeBreakdown(
        @NonNull @Description("The dimensions asked for, in the order given; groups are sorted by them.")
        List<@NonNull ProgrammeDimension> dimensions,
        @NonNull @Description("Every programme that matches the filter, each once.") Figures total,
        @NonNull @Description("How many groups there are in all (groups holds at most `first` of them).") int groupCount,
        @NonNull @Description("Whether some programme is counted in more than one group, so the groups' figures add up "
                + "to more than the total.") boolean multiCounted,
        @NonNull @Description("The groups, sorted by each dimension's value (names, years) with not-assigned last.")
        List<@NonNull Group> groups) {

    @Type("ProgrammeFigures")
    @Description("Counts and sums over a set of programmes. Sums cover only the programmes that state the figure: "
            + "withFunding and withParticipants say how many do.")
    public record Figures(
            @NonNull @Description("How many programmes.") int programmes,
            @NonNull @Description("Their funding from the Shanghai side, in 万元, rounded to 4 decimals (1 yuan).")
            double fundingWan,
            @NonNull @Description("How many of them state a funding.") int withFunding,
            @NonNull @Description("Their participants, as stated.") int participants,
            @NonNull @Description("How many of them state a number of participants.") int withParticipants) {
    }

    @Type("ProgrammeGroup")
    @Description("One group: the value of each dimension asked for (null when the programmes have none, listed in "
            + "notAssigned), and its figures.")
    public record Group(
            @Description("With PROVINCE.") Region province,
            @Description("With PREFECTURE.") Region prefecture,
            @Description("With COUNTY.") Region county,
            @Description("With YEAR.") Integer year,
            @Description("With MODE.") ProgrammeMode mode,
            @Description("With CATEGORY.") ProgrammeCategory category,
            @Description("With IMPLEMENTER.") Organization implementer,
            @Description("With ALLIANCE.") Organization alliance,
            @NonNull @Description("The dimensions asked for that these programmes have no value for (e.g. no stated "
                    + "year, or no target in a prefecture): the group of the not-assigned, made explicit.")
            List<@NonNull ProgrammeDimension> notAssigned,
            @NonNull @Description("Its programmes, funding and participants.") Figures figures) {
    }
}
