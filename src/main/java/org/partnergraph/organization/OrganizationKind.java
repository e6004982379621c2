package org.partnergraph.organization;

import org.eclipse.microprofile.graphql.Description;

@Description("What sort of body an organisation is.")
public enum OrganizationKind {
    @Description("A government body: education commission, bureau, people's government (政府, 教育局).")
    GOVERNMENT,
    @Description("An office (处室) inside a government body, e.g. 职教处.")
    OFFICE,
    @Description("A vocational-education alliance (职教联盟), e.g. 沪滇职教联盟.")
    ALLIANCE,
    @Description("A vocational-education group (职教集团).")
    VOCATIONAL_GROUP,
    @Description("A university or undergraduate college.")
    UNIVERSITY,
    @Description("A higher vocational college (高职).")
    HIGHER_VOCATIONAL_COLLEGE,
    @Description("A secondary vocational school (中职, 职高).")
    SECONDARY_VOCATIONAL_SCHOOL,
    @Description("A primary or secondary school.")
    SCHOOL,
    @Description("A kindergarten (幼儿园).")
    KINDERGARTEN,
    @Description("A company or other enterprise.")
    ENTERPRISE,
    @Description("A training or service centre, e.g. 市师资培训中心.")
    TRAINING_CENTRE,
    @Description("Anything else: coordination groups, parks, museums.")
    OTHER
}
