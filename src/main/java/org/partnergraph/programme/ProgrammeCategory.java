package org.partnergraph.programme;

import org.eclipse.microprofile.graphql.Description;

@Description("What a programme is for.")
public enum ProgrammeCategory {
    @Description("Training of principals, teachers or officials.")
    TRAINING,
    @Description("A work task assigned to offices and units (工作任务), e.g. a row of the 2018 task table.")
    TASK,
    @Description("Exchanges and study visits (交流, 访学).")
    EXCHANGE,
    @Description("Placements: enterprise practice, secondment (企业实践, 挂职).")
    PLACEMENT,
    @Description("Enrolment of students from partner regions (招生, 送读, 联合办学).")
    ENROLMENT,
    @Description("Building majors, courses and teaching-research offices together.")
    COURSE_BUILDING,
    @Description("General support and assistance schemes (帮扶).")
    SUPPORT
}
