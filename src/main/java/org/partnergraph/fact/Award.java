package org.partnergraph.fact;

import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;
import org.partnergraph.document.Citation;

@Type("Award")
@Description("A prize an organisation's people won at a contest (an award result of a PARTICIPATED_IN as AWARDEE): "
        + "the level as written, how many, and the quotes that state it.")
public record Award(
        @NonNull @Description("The prize level as written, e.g. 金 (of 一金一银), 二等奖, 优秀奖.") String level,
        @Description("How many prizes of this level; null when the document names the prize without a count.")
        Integer count,
        @Description("The document's measure word for count, e.g. 个; null when it uses none.") String unit,
        @Description("The contest's item or discipline the prize is in, as written (e.g. 计算机软件测试项目); null "
                + "when not stated.") String category,
        @Id @NonNull @Description("Id of the organisation whose people won it (the relationship's start).") String awardeeId,
        @Id @NonNull @Description("Id of the contest (event) it was won at (the relationship's end).") String contestId,
        @NonNull @Description("The documents and quotes that state it.") List<@NonNull Citation> citations) {
}
