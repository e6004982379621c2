package org.partnergraph.programme;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Enum;

@Enum("ProgrammeDimension")
@Description("What programmes are grouped by in programmeBreakdown. Region dimensions follow what a programme "
        + "targets (a region, an organisation located in one, or a department of such an organisation); a programme "
        + "with several targets, implementers or alliances is counted in each of their groups, once per group.")
public enum ProgrammeDimension {
    @Description("The province-level region (province, municipality, autonomous region) its targets lie in. A target "
            + "that is only an informal area across provinces (e.g. 西部对口地区) has none.")
    PROVINCE,
    @Description("The prefecture-level region (地区, 州, 市) its targets lie in.")
    PREFECTURE,
    @Description("The county-level region (县, 县级市, 区) its targets lie in.")
    COUNTY,
    @Description("The year it runs in.")
    YEAR,
    @Description("How it is delivered.")
    MODE,
    @Description("What it is for.")
    CATEGORY,
    @Description("The organisation that runs it (RUNS).")
    IMPLEMENTER,
    @Description("The alliance its implementer is, or is a member of (e.g. 沪滇职教联盟).")
    ALLIANCE
}
