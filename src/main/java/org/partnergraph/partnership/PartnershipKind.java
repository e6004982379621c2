package org.partnergraph.partnership;

import org.eclipse.microprofile.graphql.Description;

@Description("How a supporter supports.")
public enum PartnershipKind {
    @Description("Paired assistance (对口帮扶, 结对): supporter → supported organisation.")
    PAIRED_WITH,
    @Description("Direct support, e.g. 以校包系: a college supports one department.")
    SUPPORTS,
    @Description("Building majors, courses or joint teaching-research offices together.")
    CO_BUILDS,
    @Description("The supporter runs a programme that targets the supported (training, placements, enrolment).")
    PROGRAMME
}
