package org.partnergraph.fact;

import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;
import org.partnergraph.document.Citation;

@Type("Fact")
@Description("A fact a document states about a node or relationship that no typed field holds: what was done, in "
        + "which fields or subjects, with which role or result (重新梳理人才培养方案; 小学数学、语文课程; 实现该赛事中职学生零的突破). "
        + "A Fact carries text and a Quantity carries numbers: a number a document states is a quantity (with its unit, "
        + "approximate and qualifier there), never a fact's value. Only facts a document states: where it states none, "
        + "the list is empty.")
public record Fact(
        @NonNull @Description("What kind of fact it is.") FactName name,
        @NonNull @Description("The fact as the document states it, in its words (at most 200 characters); never a number "
                + "standing alone (see quantities).") String value,
        @NonNull @Description("True when every document only implies the fact rather than stating it.") boolean implied,
        @NonNull @Description("The documents and quotes that state it.") List<@NonNull Citation> citations) {
}
