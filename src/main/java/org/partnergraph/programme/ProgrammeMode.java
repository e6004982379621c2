package org.partnergraph.programme;

import org.eclipse.microprofile.graphql.Description;

@Description("How a programme is delivered (培训方式 and similar).")
public enum ProgrammeMode {
    @Description("Participants come to Shanghai to study (来沪进修).")
    COME_TO_SHANGHAI_STUDY,
    @Description("Shanghai experts lecture locally (赴当地讲学).")
    LOCAL_LECTURING,
    @Description("A class held in Shanghai (来沪办班).")
    SHANGHAI_CLASS,
    @Description("Teaching or training delivered on site (送教, 送培).")
    SEND_TEACHING,
    @Description("Job shadowing (跟岗).")
    JOB_SHADOWING,
    @Description("Study visit (访学).")
    STUDY_VISIT,
    @Description("Secondment (挂职).")
    SECONDMENT,
    @Description("Practice in an enterprise (企业实践).")
    ENTERPRISE_PLACEMENT,
    @Description("Online (线上).")
    ONLINE,
    @Description("Enrolment of students (招生, 送读).")
    ENROLMENT,
    @Description("Joint schooling (联合办学).")
    JOINT_SCHOOLING,
    @Description("Coordination work (工作任务, 统筹).")
    COORDINATION,
    @Description("Anything else.")
    OTHER
}
