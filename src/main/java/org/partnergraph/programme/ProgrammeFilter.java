package org.partnergraph.programme;

import java.util.List;

import org.eclipse.microprofile.graphql.DefaultValue;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

/**
 * The filter as clients send it; {@link ProgrammeQuery} is its validated form. A class with fields rather
 * than a record: SmallRye merges the element's {@code @NonNull} into a record component, which would make
 * {@code mode} a required {@code [ProgrammeMode!]!} instead of an optional {@code [ProgrammeMode!]}
 * (smallrye-graphql#753).
 */
@Input("ProgrammeFilter")
@Description("Which programmes to list. Every field is optional; the fields given are combined with AND. "
        + "An id that does not exist is a NOT_FOUND error naming the field, not an empty list.")
public class ProgrammeFilter {

    @Id
    @Description("Only programmes that target this region (TARGETS), or target an organisation located there or a "
            + "department of one. With includeSubregions (the default) the region's prefectures, counties and "
            + "districts count too. Example: yunnan.")
    public String regionId;

    @DefaultValue("true")
    @Description("Whether regionId also matches the regions inside it (PART_OF, any depth). Default true; false "
            + "matches the region itself only.")
    public Boolean includeSubregions;

    @Description("Only programmes delivered in one of these modes. Leave out for any mode; an empty list is "
            + "BAD_USER_INPUT.")
    public List<@NonNull ProgrammeMode> mode;

    @Description("Only programmes of one of these categories. Leave out for any category; an empty list is "
            + "BAD_USER_INPUT.")
    public List<@NonNull ProgrammeCategory> category;

    @Description("Only programmes that run in this year, 1949 to 2100.")
    public Integer year;

    @Id
    @Description("Only programmes this organisation runs (RUNS). Example: shanghai-teacher-training-centre.")
    public String implementerId;

    @Id
    @Description("Only the rows or parts of this programme (PART_OF), e.g. prog-2018-training-table for the 12 rows "
            + "of the 2018 training table.")
    public String partOfId;

    @Description("Only programmes whose name contains this text (case-insensitive for Latin letters); 1 to 100 "
            + "characters, e.g. 影子校长.")
    public String text;
}
