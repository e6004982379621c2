package org.partnergraph.fact;

import org.eclipse.microprofile.graphql.Description;

@Description("What a stated quantity counts. Each value names one thing the documents count; a new kind of count "
        + "gets a value of its own rather than a free-text name.")
public enum QuantityMeasure {
    @Description("Courses built or taught (门, e.g. 专业核心课程).")
    COURSES,
    @Description("Joint teaching-research offices set up (联合教研室, 个).")
    JOINT_TEACHING_RESEARCH_OFFICES,
    @Description("Lectures or talks given (讲座, 场 / 场次).")
    LECTURES,
    @Description("Experts sent (专家, 位).")
    EXPERTS,
    @Description("Students taking part or sent (学生, 人 / 名 / 位).")
    STUDENTS,
    @Description("Teachers taking part or sent (教师, 人 / 名 / 位), other than those accompanying students.")
    TEACHERS,
    @Description("Teachers accompanying a group of students (带队教师).")
    ACCOMPANYING_TEACHERS,
    @Description("People taking part, not broken down further (参加培训, 人 / 名).")
    PARTICIPANTS
}
