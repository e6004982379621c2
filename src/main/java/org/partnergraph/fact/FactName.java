package org.partnergraph.fact;

import org.eclipse.microprofile.graphql.Description;

@Description("What a stated fact (Fact) says about its node or relationship. Each value names one kind of text fact "
        + "the documents state; numbers are never facts but quantities (QuantityMeasure), and a new kind of fact gets "
        + "a value of its own rather than a free-text name.")
public enum FactName {
    @Description("What was done, as the document lists it (e.g. 重新梳理人才培养方案, 现场教学示范和磨课; 师资培训、工作室建设).")
    ACTIVITIES,
    @Description("The fields or areas the work is in (e.g. 智能制造领域专业建设、教师发展、资源共享应用; 花艺).")
    FIELDS,
    @Description("The school subjects or courses it concerns (e.g. 小学数学、语文课程).")
    SUBJECTS,
    @Description("A result the document reports (e.g. 实现该赛事中职学生零的突破; 不记录成绩).")
    OUTCOME,
    @Description("The part or standing of the start of the relationship (or of the node) as the document words it "
            + "(e.g. 校企合作单位, 担任起了“小导游”, 下达的工作任务, 大力支持和指导).")
    ROLE,
    @Description("Whom or what within the other end the work reaches, where the document narrows it "
            + "(e.g. 喀什四县乡级学校).")
    SCOPE,
    @Description("The work requirement (工作要求) a task states (e.g. 做好对喀什四县对口支援项目推进整合和落实工作).")
    TASK,
    @Description("Where it takes place, where the document says and no region or organisation node holds it "
            + "(e.g. 上海院校).")
    PLACE
}
